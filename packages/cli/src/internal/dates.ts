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
  const y = Number(parts[1]);
  const m = Number(parts[2]);
  const d = Number(parts[3]);
  const monthLength = new Date(Date.UTC(2000, m, 0)).getUTCDate();
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (m < 1 || m > 12 || d < 1 || d > (m === 2 && !leap ? 28 : monthLength)) return undefined;
  return date;
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
const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);

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
    // Date.UTC reads years 0–99 as 1900–1999, so those take the general path.
    if (y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)) {
      if (length === 10) return Date.UTC(y, m - 1, d);
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
          return Date.UTC(y, m - 1, d, h, min, sec, ms);
        }
      }
    }
  }
  return parseDate(value)?.getTime() ?? Number.NaN;
}
