import { calendarDayStart } from "@trunkiq/policy-core/engine";
import { UsageError } from "./errors";

// A calendar date is read as UTC midnight; a time must carry its offset so no local zone leaks in.
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Parses an ISO 8601 date, or `undefined` when it is not one (2025-02-30 included). */
export function parseDate(value: string): Date | undefined {
  const parts = isoDate.exec(value);
  if (!parts) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2025-02-30 into March; the calendar day must exist as written.
  const day = calendarDayStart(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  return day === undefined ? undefined : date;
}

/** Parses a date option or throws a one-line {@link UsageError} naming the option. */
export function dateOption(option: string, value: string): Date {
  const date = parseDate(value);
  if (!date) {
    throw new UsageError(
      `${option} must be an ISO 8601 date such as 2025-07-07 or 2025-07-07T12:00:00Z, got ${JSON.stringify(value)}`,
    );
  }
  return date;
}

const DIGIT_0 = 0x30;
const digits = (s: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

/**
 * {@link parseDate} as milliseconds since the epoch, `NaN` when it is not a date. The common
 * forms, `2025-07-07` and `2025-07-07T12:00:00Z` with or without milliseconds, are read with
 * integer arithmetic; any other goes through {@link parseDate}.
 */
export function parseDateMs(value: string): number {
  const length = value.length;
  if (
    (length === 10 || length === 20 || length === 24) &&
    value.charCodeAt(4) === 0x2d &&
    value.charCodeAt(7) === 0x2d
  ) {
    const y = digits(value, 0, 4);
    const m = digits(value, 5, 2);
    const d = digits(value, 8, 2);
    // digits() gives -1 for a character that is not one, which no year, month or day is.
    const day = y < 0 ? undefined : calendarDayStart(y, m, d);
    if (day !== undefined) {
      if (length === 10) return day;
      if (
        value.charCodeAt(10) === 0x54 &&
        value.charCodeAt(13) === 0x3a &&
        value.charCodeAt(16) === 0x3a &&
        value.charCodeAt(length - 1) === 0x5a &&
        (length === 20 || value.charCodeAt(19) === 0x2e)
      ) {
        const h = digits(value, 11, 2);
        const min = digits(value, 14, 2);
        const sec = digits(value, 17, 2);
        const ms = length === 24 ? digits(value, 20, 3) : 0;
        if (h >= 0 && h < 24 && min >= 0 && min < 60 && sec >= 0 && sec < 60 && ms >= 0) {
          return day + ((h * 60 + min) * 60 + sec) * 1000 + ms;
        }
      }
    }
  }
  return parseDate(value)?.getTime() ?? Number.NaN;
}
