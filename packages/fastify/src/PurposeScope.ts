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
 * allowed each category it reads, and a binder for data of those categories only. There is no
 * way from here to data for another purpose or another category.
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
}
