declare const binding: unique symbol;
declare const clearance: unique symbol;

/**
 * A value bound to the purpose and category it was obtained for. It is opaque: not assignable
 * to the plain `T`, nor to the `Bound` of another purpose or category (the purpose and
 * category are invariant), and spreading it yields no field of `T`. Read it with `Bound.read`
 * (or a route's `scope.read`), naming the purpose it serves; transform it with `Bound.map`,
 * `Bound.filter` and `Bound.transform`, which keep the binding. At runtime the value is the
 * very value that was bound: the brand exists only in the type system.
 *
 * @example
 * function trainModel(rows: Bound<"product-development", "call-detail-record", Cdr[]>) {
 *   for (const row of Bound.read("product-development", rows)) fit(row);
 * }
 */
export interface Bound<P extends string, C extends string, T> {
  readonly [binding]: {
    readonly purpose: (purpose: P) => P;
    readonly category: (category: C) => C;
    readonly value: () => T;
  };
}

/**
 * A value cleared for disclosure of its category to one recipient (`clear`), for export
 * code: a function sending to the analytics vendor can require
 * `Cleared<"website-usage", "analytics-vendor", Rows>`, and nothing else reaches it. Opaque
 * like {@link Bound}: read it with `Cleared.read`, naming the recipient.
 *
 * @example
 * function upload(rows: Cleared<"website-usage", "analytics-vendor", Row[]>) {
 *   vendor.send(Cleared.read("analytics-vendor", rows));
 * }
 */
export interface Cleared<C extends string, R extends string, T> {
  readonly [clearance]: {
    readonly category: (category: C) => C;
    readonly recipient: (recipient: R) => R;
    readonly value: () => T;
  };
}
