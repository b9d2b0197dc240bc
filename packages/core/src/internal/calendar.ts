// The proleptic Gregorian calendar in whole UTC days, in integer arithmetic: day numbers count
// from 1970-01-01, months are 0-based. Closed forms, so a guard needs no Date object to add months.

export const DAY_MS = 86_400_000;

/** The day number of `8.64e15` ms, the last day a `Date` can hold (ECMA-262 §21.4.1.1). */
export const MAX_DAY = 100_000_000;

/** Days in 400 Gregorian years, after which the calendar repeats. */
export const CYCLE_DAYS = 146_097;

/** Months in 400 Gregorian years. */
export const CYCLE_MONTHS = 4800;

/** The day number of `day` (1-based) of `month` (0-based, any integer) in `year`. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const carry = Math.floor(month / 12);
  const y0 = year + carry;
  const m0 = month - carry * 12;
  // Years start in March, so a leap day is the last day of its year.
  const y = m0 < 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = m0 < 2 ? m0 + 10 : m0 - 2;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * CYCLE_DAYS + doe - 719_468;
}

/** The result of {@link civilFromDays}; one record reused, so reading a date allocates nothing. */
export const civil = { year: 0, month: 0, day: 0 };

/** Sets {@link civil} to the year, month (0-based) and day (1-based) of day number `days`. */
export function civilFromDays(days: number): void {
  const z = days + 719_468;
  const era = Math.floor(z / CYCLE_DAYS);
  const doe = z - era * CYCLE_DAYS;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civil.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civil.month = mp < 10 ? mp + 2 : mp - 10;
  civil.year = yoe + era * 400 + (civil.month < 2 ? 1 : 0);
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The number of days of `month` (0-based, 0–11) in `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 1) return isLeap(year) ? 29 : 28;
  return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
}

/**
 * The UTC time at which a calendar day starts, the month written 1–12 as in `2025-07-07`, or
 * `undefined` when there is no such day (`2025-02-30`, month 13, a fraction). The one check of
 * a written date: the command line and the transfer table's adequacy days read theirs here.
 *
 * @example
 * calendarDayStart(2024, 2, 29); // Date.UTC(2024, 1, 29)
 * calendarDayStart(2025, 2, 29); // undefined
 */
export function calendarDayStart(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return;
  const time = daysFromCivil(year, month - 1, day) * DAY_MS;
  return Math.abs(time) <= MAX_DAY * DAY_MS ? time : undefined;
}

// "00" to "99", so a timestamp is written without converting a number to text.
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));
const two = (n: number) => TWO_DIGITS[n] as string;

/**
 * `new Date(time).toISOString()` for a time a `Date` can hold, written from integer calendar
 * math: `toISOString` itself costs more than the rest of a retention decision.
 */
export function isoString(time: number): string {
  const days = Math.floor(time / DAY_MS);
  // INVARIANT: 0 ≤ msOfDay < 86,400,000, so integer arithmetic holds it.
  const msOfDay = (time - days * DAY_MS) | 0;
  civilFromDays(days);
  const year = civil.year;
  const date = `${
    year >= 0 && year <= 9999
      ? two(Math.floor(year / 100)) + two(year % 100)
      : (year < 0 ? "-" : "+") + String(Math.abs(year)).padStart(6, "0")
  }-${two(civil.month + 1)}-${two(civil.day)}`;
  // Deadlines and cutoffs fall on the start of a day.
  if (msOfDay === 0) return `${date}T00:00:00.000Z`;
  const seconds = (msOfDay / 1000) | 0;
  const minutes = (seconds / 60) | 0;
  const hours = (minutes / 60) | 0;
  const ms = msOfDay - seconds * 1000;
  return `${date}T${two(hours)}:${two(minutes - hours * 60)}:${two(seconds - minutes * 60)}.${two((ms / 10) | 0)}${two(ms % 10)[1]}Z`;
}
