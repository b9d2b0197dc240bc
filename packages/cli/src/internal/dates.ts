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
