declare const boundPurpose: unique symbol;
declare const boundCategory: unique symbol;

/**
 * A value bound to the purpose and category it was obtained for. The brand exists only in the
 * type system: at runtime the value is returned unchanged.
 *
 * @example
 * function trainModel(rows: Bound<"product-development", "call-detail-record", Cdr[]>) {}
 */
export type Bound<P extends string, C extends string, T> = T & {
  readonly [boundPurpose]: P;
  readonly [boundCategory]: C;
};
