import type { Bound as BoundValue, Cleared as ClearedValue } from "./types/Bound";

// The brands exist only in types: the value bound is the value at runtime. These functions are
// the only typed way in and out, so a binding is dropped only where the code names its purpose.
const as = <T>(value: unknown): T => value as T;

/** See the interface in `types/Bound`: data bound to purpose `P` and category `C`. */
export type Bound<P extends string, C extends string, T> = BoundValue<P, C, T>;
/** See the interface in `types/Bound`: data of category `C` cleared for recipient `R`. */
export type Cleared<C extends string, R extends string, T> = ClearedValue<C, R, T>;

/**
 * What keeps data bound to its purpose through a program: reading it where the purpose is
 * served, and transforming it without losing the binding. The type {@link BoundValue | Bound}
 * has the same name.
 *
 * @category Purpose binding
 * @example
 * const rows = bind("product-development", "call-detail-record", await loadCdrs());
 * const durations = Bound.map(rows, (cdr) => cdr.seconds); // Bound<"product-development", "call-detail-record", number[]>
 * train(Bound.read("product-development", durations)); // the purpose is named where the data is read
 */
export const Bound = Object.freeze({
  /**
   * The value, for code that serves `purpose`: a different purpose does not compile.
   *
   * @example
   * const rows = Bound.read("customer-support", bound);
   */
  read<P extends string, C extends string, T>(purpose: NoInfer<P>, value: BoundValue<P, C, T>): T {
    void purpose;
    return as<T>(value);
  },
  /**
   * Maps the items of a bound list, keeping the binding.
   *
   * @example
   * const seconds = Bound.map(cdrs, (cdr) => cdr.seconds);
   */
  map<P extends string, C extends string, T, U>(
    value: BoundValue<P, C, readonly T[]>,
    f: (item: T, index: number) => U,
  ): BoundValue<P, C, U[]> {
    return as(as<readonly T[]>(value).map((item, index) => f(item, index)));
  },
  /**
   * Keeps the items of a bound list that pass `keep`, keeping the binding.
   *
   * @example
   * const long = Bound.filter(cdrs, (cdr) => cdr.seconds > 600);
   */
  filter: (<P extends string, C extends string, T>(
    value: BoundValue<P, C, readonly T[]>,
    keep: (item: T, index: number) => unknown,
  ): BoundValue<P, C, T[]> =>
    as(as<readonly T[]>(value).filter((item, index) => keep(item, index)))) as {
    <P extends string, C extends string, T, S extends T>(
      value: BoundValue<P, C, readonly T[]>,
      keep: (item: T, index: number) => item is S,
    ): BoundValue<P, C, S[]>;
    <P extends string, C extends string, T>(
      value: BoundValue<P, C, readonly T[]>,
      keep: (item: T, index: number) => unknown,
    ): BoundValue<P, C, T[]>;
  },
  /**
   * Applies `f` to the whole value, keeping the binding: the result is still data of the
   * category, obtained for the purpose.
   *
   * @example
   * const masked = Bound.transform(row, ({ caller, ...rest }) => ({ ...rest, caller: mask(caller) }));
   */
  transform<P extends string, C extends string, T, U>(
    value: BoundValue<P, C, T>,
    f: (value: T) => U,
  ): BoundValue<P, C, U> {
    return as(f(as<T>(value)));
  },
  /**
   * Gathers bound items (rows a purpose-scoped query returned) into one bound list.
   *
   * @example
   * const rows = Bound.all(await marketing.selectFrom("accounts", ["email"]).execute());
   */
  all<P extends string, C extends string, T>(
    values: readonly BoundValue<P, C, T>[],
  ): BoundValue<P, C, T[]> {
    return as([...values]);
  },
});

/**
 * Reading a value cleared for a recipient, where the export to that recipient is built. The
 * type {@link ClearedValue | Cleared} has the same name.
 *
 * @category Purpose binding
 * @example
 * const payload = clear("website-usage", "analytics-vendor", rows);
 * vendor.send(Cleared.read("analytics-vendor", payload));
 */
export const Cleared = Object.freeze({
  /**
   * The value, for code that discloses to `recipient`: a different recipient does not compile.
   *
   * @example
   * vendor.send(Cleared.read("analytics-vendor", payload));
   */
  read<C extends string, R extends string, T>(
    recipient: NoInfer<R>,
    value: ClearedValue<C, R, T>,
  ): T {
    void recipient;
    return as<T>(value);
  },
});
