import { utc } from "@date-fns/utc";
import { add, type Duration } from "date-fns";

const DAY_MS = 86_400_000;

/** A duration as parsed from untrusted input, where a unit may be present but undefined. */
export type PeriodLike = { readonly [K in keyof Duration]?: number | undefined };

/** Adds a period in UTC calendar units (month ends clamp: Jan 31 + 1 month = Feb 28). */
export function addPeriod(anchor: Date, period: PeriodLike): Date {
  return new Date(add(anchor, period as Duration, { in: utc }).getTime());
}

const isZero = (period: PeriodLike) =>
  !period.years &&
  !period.months &&
  !period.weeks &&
  !period.days &&
  !period.hours &&
  !period.minutes &&
  !period.seconds;

/**
 * When a record anchored at `anchor` is due for deletion: the end of the UTC calendar day on
 * which the period runs out, or at once for a zero period. Counting whole UTC days makes the
 * deadline a non-decreasing function of the anchor even where month ends clamp (Jan 29, 30 and
 * 31 + 1 month all end on Feb 28), so one cutoff date splits expired records from the rest, and
 * clock changes never move it.
 */
export function retentionDeadline(anchor: Date, period: PeriodLike): Date {
  if (isZero(period)) return new Date(anchor.getTime());
  const day = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate());
  const lastDay = addPeriod(new Date(day), period).getTime();
  return new Date(lastDay + DAY_MS);
}

// Calendar arithmetic depends on month lengths and leap years, so a comparison is checked from
// every day of a leap cycle and of a century turn (2100 is not a leap year).
const probeStarts = [Date.UTC(2000, 0, 1), Date.UTC(2097, 0, 1)];
const probeDays = 4 * 366;

/** `true` when `a` ends no earlier than `b` from every anchor date. */
export function isAtLeast(a: PeriodLike, b: PeriodLike): boolean {
  for (const start of probeStarts) {
    for (let day = 0; day < probeDays; day++) {
      const anchor = new Date(start + day * DAY_MS);
      if (addPeriod(anchor, a).getTime() < addPeriod(anchor, b).getTime()) return false;
    }
  }
  return true;
}

/** Renders a duration for people: `{ years: 5 }` → `"5 years"`. */
export function formatPeriod(period: PeriodLike): string {
  const units = ["years", "months", "weeks", "days", "hours", "minutes", "seconds"] as const;
  const parts = units
    .filter((unit) => (period[unit] ?? 0) !== 0)
    .map((unit) => {
      const n = period[unit] ?? 0;
      return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
    });
  return parts.length === 0 ? "0 days" : parts.join(" ");
}
