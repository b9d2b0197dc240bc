// The intrinsic, taken once: a caller's Date subclass, Proxy or own property cannot replace it.
const intrinsicGetTime = Date.prototype.getTime;

/** The largest distance from the epoch a `Date` can hold, in milliseconds (ECMA-262 §21.4.1.1). */
export const MAX_TIME_MS = 8.64e15;

/** `true` for a time value a `Date` can hold. */
export const isTime = (ms: number): boolean => Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME_MS;

/**
 * The time value of a caller's `Date`, read through the intrinsic `getTime`, or `undefined` for
 * anything else: a non-Date (a Proxy or an object with a Date prototype makes the intrinsic throw),
 * an invalid Date or a time out of range. Overridden `getTime`, `valueOf`, `toISOString` or
 * `Symbol.toPrimitive` are never called.
 */
export function timeOf(value: unknown): number | undefined {
  if (value === null || typeof value !== "object") return undefined;
  let ms: unknown;
  try {
    ms = Reflect.apply(intrinsicGetTime, value, []);
  } catch {
    return undefined;
  }
  return typeof ms === "number" && isTime(ms) ? ms : undefined;
}

/**
 * A plain `Date` copy of a caller's `Date` (see {@link timeOf}), or `undefined`. Every date a
 * guard reads goes through here once, so later arithmetic and messages run on a `Date` whose
 * methods are the library's own.
 */
export function readDate(value: unknown): Date | undefined {
  const ms = timeOf(value);
  return ms === undefined ? undefined : new Date(ms);
}

/** A `Date` computed by the library, or `undefined` when the arithmetic left the Date range. */
export function checkedDate(date: Date): Date | undefined {
  return isTime(Reflect.apply(intrinsicGetTime, date, []) as number) ? date : undefined;
}
