import type { AllowedUseDecision, Bound } from "@trunkiq/policy-core";

declare const refusal: unique symbol;

/**
 * Shown where a handler binds data of a category its route does not read.
 *
 * @example
 * scope.bind("support-communication", rows);
 * // ... 'NotReadByRoute<"support-communication is not a category this route reads">'.
 */
export interface NotReadByRoute<Sentence extends string> {
  readonly [refusal]: Sentence;
}

/**
 * What a purpose-scoped handler can reach: the purpose its route declared, the decision that
 * allowed each category it reads, a binder for data of those categories only, and a reader for
 * data bound to this purpose. There is no way from here to bind or read data for another
 * purpose or another category: holding the scope is holding the purpose.
 *
 * @example
 * // A helper generic in the purpose takes the scope, and needs no cast.
 * function loadCalls<P extends string>(scope: PurposeScope<P, "call-detail-record">, rows: Cdr[]) {
 *   return scope.bind("call-detail-record", rows); // Bound<P, "call-detail-record", Cdr[]>
 * }
 */
export interface PurposeScope<P extends string, C extends string> {
  readonly purpose: P;
  /** The allowed decision of each category the route reads, made for this request. */
  readonly decisions: { readonly [K in C]: AllowedUseDecision<P, K> };
  /**
   * Marks data loaded for this request as obtained for the route's purpose, so it can only be
   * passed where that purpose and category are expected.
   *
   * @example
   * const rows = scope.bind("call-detail-record", await loadCdrs(customerId));
   */
  bind<K extends string, T>(
    category: K extends C ? K : NotReadByRoute<`${K} is not a category this route reads`>,
    value: T,
  ): Bound<P, K & C, T>;
  /**
   * The value of data bound to this route's purpose and one of the categories it reads; data
   * bound to another purpose does not compile here.
   *
   * @example
   * const calls = scope.read(scope.bind("call-detail-record", await loadCdrs(customerId)));
   */
  read<K extends C, T>(value: Bound<P, K, T>): T;
}
