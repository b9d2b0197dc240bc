import { UsageError } from "./errors";

// A calendar date is read as UTC midnight; a time must carry its offset so no local zone leaks in.
const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Parses an ISO 8601 date, or `undefined` when it is not one. */
export function parseDate(value: string): Date | undefined {
  if (!isoDate.test(value)) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject calendar overflow like 2025-02-30, which Date would roll into March.
  if (date.toISOString().slice(0, 10) !== value.slice(0, 10) && value.length === 10)
    return undefined;
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
