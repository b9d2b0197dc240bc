import { timeOf } from "@trunkiq/policy-core/engine";
import { z } from "zod";

// RFC 3339 date-time: seconds required, any fraction, and `Z` or a `±HH:MM` offset.
const isoDateTime = z.iso.datetime({ offset: true });

/** The instant `value` names in milliseconds, or `undefined` when it is no accepted timestamp. */
function instantOf(value: unknown): number | undefined {
  try {
    if (typeof value === "string") {
      return isoDateTime.safeParse(value).success ? Date.parse(value) : undefined;
    }
    // A plain Date only: a subclass or a Proxy can report a time it does not hold.
    if (value instanceof Date && Object.getPrototypeOf(value) === Date.prototype) {
      return timeOf(value);
    }
  } catch {
    // A Proxy around a Date fails getTime's brand check: not a timestamp.
  }
  return undefined;
}

const fieldName = (path: readonly PropertyKey[] | undefined) =>
  path && path.length > 0 ? path.map(String).join(".") : "value";

/**
 * A moment as stored: a valid `Date`, or an ISO 8601 / RFC 3339 date-time string with seconds
 * (fraction optional) and an explicit offset (`Z`, `+02:00`, `-05:00`); parses to a new `Date`.
 * Everything else is refused with an issue naming the field: `null` and `true` (which
 * `z.coerce.date()` turned into 1970), numbers and numeric strings (milliseconds or seconds?),
 * a string without an offset (whose instant would depend on the machine's time zone), a
 * date-only string (`"2025-07-07"`, which names a day, not a moment, and has no offset), an
 * invalid `Date`, and a `Date` subclass or Proxy (which can report a time it does not hold).
 *
 * @category Records
 * @example
 * timestampSchema.parse("2025-07-07T12:00:00+02:00"); // Date 2025-07-07T10:00:00.000Z
 * timestampSchema.safeParse(null).success;           // false
 * timestampSchema.safeParse("2025-07-07T12:00:00").success; // false: no offset
 */
export const timestampSchema = z
  .custom<Date | string>((value) => instantOf(value) !== undefined, {
    error: (issue) =>
      `${fieldName(issue.path)}: a timestamp is a Date or an ISO 8601 date-time with seconds and an offset or Z, such as "2025-07-07T10:00:00Z"`,
  })
  .transform((value) => new Date(instantOf(value) ?? Number.NaN));
