import {
  CYCLE_DAYS,
  CYCLE_MONTHS,
  civil,
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  daysInMonth,
  MAX_DAY,
} from "./calendar";
import { MAX_TIME_MS } from "./dates";

/**
 * A duration as parsed from untrusted input, where a unit may be present but undefined; the
 * units date-fns `add` reads, so periods the schema refuses are still added as it would.
 */
export interface PeriodLike {
  readonly years?: number | undefined;
  readonly months?: number | undefined;
  readonly weeks?: number | undefined;
  readonly days?: number | undefined;
  readonly hours?: number | undefined;
  readonly minutes?: number | undefined;
  readonly seconds?: number | undefined;
}

/**
 * A period as calendar addition applies it: whole months (years count twelve), then whole days
 * (weeks count seven), month ends clamping in between, as date-fns `add` does.
 */
export interface CalendarPeriod {
  readonly months: number;
  readonly days: number;
}

// Past this many of a unit the sums may leave the integers a double holds; those are added step
// by step.
const UNIT_LIMIT = 10_000_000;
const whole = (n: number | undefined) =>
  n === undefined || (Number.isSafeInteger(n) && n >= 0 && n <= UNIT_LIMIT);
const none = (n: number | undefined) => n === undefined || n === 0;

/**
 * The months and days of a period in whole non-negative years, months, weeks and days, or
 * `undefined` for any other period (hours, fractions, negative or huge numbers), which
 * {@link addPeriod} adds step by step.
 */
export function calendarPeriod(period: PeriodLike): CalendarPeriod | undefined {
  const { years, months, weeks, days } = period;
  if (!(whole(years) && whole(months) && whole(weeks) && whole(days))) return undefined;
  if (!(none(period.hours) && none(period.minutes) && none(period.seconds))) return undefined;
  return {
    months: (years ?? 0) * 12 + (months ?? 0),
    days: (weeks ?? 0) * 7 + (days ?? 0),
  };
}

/**
 * `time` plus a calendar period, in UTC, or `NaN` where date-fns `add` gives an invalid date:
 * it also does when the last day of the month it lands in is past the last representable day.
 */
export function addCalendar(time: number, period: CalendarPeriod): number {
  let day = Math.floor(time / DAY_MS);
  const timeOfDay = time - day * DAY_MS;
  if (period.months !== 0) {
    civilFromDays(day);
    const dayOfMonth = civil.day;
    const target = civil.month + period.months;
    const year = civil.year + Math.floor(target / 12);
    const length = daysInMonth(year, target - Math.floor(target / 12) * 12);
    const endOfMonth = daysFromCivil(civil.year, target, length);
    if (!(Math.abs(endOfMonth * DAY_MS + timeOfDay) <= MAX_TIME_MS)) return Number.NaN;
    day = dayOfMonth >= length ? endOfMonth : endOfMonth - length + dayOfMonth;
  }
  if (period.days !== 0) {
    day += period.days;
    if (!(Math.abs(day * DAY_MS + timeOfDay) <= MAX_TIME_MS)) return Number.NaN;
  }
  return day * DAY_MS + timeOfDay;
}

/**
 * `time` plus any period, in UTC, step for step as date-fns `add` reads one (the reference the
 * property tests compare against): months, clamped to the month's end, then days, then
 * milliseconds; a unit that is `NaN` where its step runs makes the result `NaN`. Only a
 * declaration that skipped its schema has such a period, so the native `Date` methods are fast
 * enough here.
 */
function addAnyPeriod(time: number, period: PeriodLike): number {
  const {
    years = 0,
    months = 0,
    weeks = 0,
    days = 0,
    hours = 0,
    minutes = 0,
    seconds = 0,
  } = period;
  const date = new Date(time);
  if (months || years) {
    const amount = months + years * 12;
    if (Number.isNaN(amount)) return Number.NaN;
    if (amount) {
      const dayOfMonth = date.getUTCDate();
      const endOfMonth = new Date(date.getTime());
      endOfMonth.setUTCMonth(date.getUTCMonth() + amount + 1, 0);
      if (dayOfMonth >= endOfMonth.getUTCDate()) date.setTime(endOfMonth.getTime());
      else date.setUTCFullYear(endOfMonth.getUTCFullYear(), endOfMonth.getUTCMonth(), dayOfMonth);
    }
  }
  if (days || weeks) {
    const amount = days + weeks * 7;
    if (Number.isNaN(amount)) return Number.NaN;
    if (amount) date.setUTCDate(date.getUTCDate() + amount);
  }
  // `new Date` clips the sum as date-fns' final construction does: whole milliseconds, in range.
  return new Date(date.getTime() + (seconds + (minutes + hours * 60) * 60) * 1000).getTime();
}

/** Adds a period in UTC calendar units (month ends clamp: Jan 31 + 1 month = Feb 28). */
export function addPeriod(anchor: Date, period: PeriodLike): Date {
  const calendar = calendarPeriod(period);
  if (calendar !== undefined) return new Date(addCalendar(anchor.getTime(), calendar));
  return new Date(addAnyPeriod(anchor.getTime(), period));
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
 * The deadline of {@link retentionDeadline} in milliseconds, `NaN` past the representable dates.
 * A record is due at the end of the UTC calendar day on which the period runs out.
 */
export function deadlineTime(anchor: number, period: CalendarPeriod): number {
  if (period.months === 0 && period.days === 0) return anchor;
  return addCalendar(Math.floor(anchor / DAY_MS) * DAY_MS, period) + DAY_MS;
}

/**
 * When a record anchored at `anchor` is due for deletion: the end of the UTC calendar day on
 * which the period runs out, or at once for a zero period. Counting whole UTC days makes the
 * deadline a non-decreasing function of the anchor even where month ends clamp (Jan 29, 30 and
 * 31 + 1 month all end on Feb 28), so one cutoff date splits expired records from the rest, and
 * clock changes never move it.
 */
export function retentionDeadline(anchor: Date, period: PeriodLike): Date {
  if (isZero(period)) return new Date(anchor.getTime());
  const calendar = calendarPeriod(period);
  if (calendar !== undefined) return new Date(deadlineTime(anchor.getTime(), calendar));
  // The start of the anchor's UTC day (Date.UTC would read the years 0–99 as 1900–1999).
  const day = Math.floor(anchor.getTime() / DAY_MS) * DAY_MS;
  return new Date(addPeriod(new Date(day), period).getTime() + DAY_MS);
}

/**
 * The least day whose deadline under `period` is after day `today`: the inverse of calendar
 * addition in closed form. Subtracting the months from the day the days leave clamps where that
 * month is shorter; every day of the clamped month then lands before it, so the answer is the
 * next month's first day. Where the month landed in ends past the last representable day,
 * date-fns adds nothing there, so every anchor landing in it counts as not yet due.
 */
function firstDayNotDue(today: number, period: CalendarPeriod): number {
  const last = today - period.days;
  if (period.months === 0) return last;
  civilFromDays(last);
  const { year, month, day } = civil;
  if (daysFromCivil(year, month, daysInMonth(year, month)) > MAX_DAY) {
    return daysFromCivil(year, month - period.months, 1);
  }
  const from = month - period.months;
  const length = daysInMonth(year + Math.floor(from / 12), from - Math.floor(from / 12) * 12);
  return day > length ? daysFromCivil(year, from, length) + 1 : daysFromCivil(year, from, day);
}

/**
 * The least anchor, in milliseconds, whose deadline under `period` is after `now`: a record is
 * due exactly when its anchor is earlier. `NaN` when that boundary is not a representable date,
 * or lies further below `now` than a search doubling from one day could reach before leaving
 * the representable dates (the bound the boundary has always been found within).
 */
export function cutoffTime(now: number, period: CalendarPeriod): number {
  const zero = period.months === 0 && period.days === 0;
  const boundary = zero ? now + 1 : firstDayNotDue(Math.floor(now / DAY_MS), period) * DAY_MS;
  // A search stepping back 1, 2, 4… days from `now` stops at its first anchor that is due, and
  // gives up past the first representable date. Most boundaries are reached well before that.
  if (2 * boundary - now - 3 - DAY_MS < DAY_MS - MAX_TIME_MS) {
    let hi = now + 1;
    let step = DAY_MS;
    let lo = hi - step;
    while (!(lo < boundary && lo >= -MAX_TIME_MS)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
      if (lo < -MAX_TIME_MS) return Number.NaN;
    }
  }
  return Math.abs(boundary) <= MAX_TIME_MS ? boundary : Number.NaN;
}

// Month starts over one 400-year cycle, from March 2000 (day numbers relative to its start).
let monthStarts: Int32Array | undefined;
const startsOfMonths = (): Int32Array => {
  if (monthStarts) return monthStarts;
  const origin = daysFromCivil(2000, 2, 1);
  const starts = new Int32Array(CYCLE_MONTHS + 1);
  for (let i = 0; i <= CYCLE_MONTHS; i++) starts[i] = daysFromCivil(2000, 2 + i, 1) - origin;
  monthStarts = starts;
  return starts;
};
const monthStart = (starts: Int32Array, month: number) => {
  const cycles = Math.floor(month / CYCLE_MONTHS);
  return cycles * CYCLE_DAYS + (starts[month - cycles * CYCLE_MONTHS] as number);
};
const monthLength = (starts: Int32Array, month: number) =>
  monthStart(starts, month + 1) - monthStart(starts, month);

/**
 * The least, over every anchor day, of `anchor + a.months` minus `anchor + b.months`, in days.
 * From an anchor on day `d` of a month of `L0` days, `m` months land on day `min(d, Lm)` of a
 * month of `Lm` days, so the gap is the days between the two months' starts plus
 * `min(d, La) - min(d, Lb)`, least at `min(0, La - min(L0, Lb))`. The calendar repeats every
 * 400 years, so the anchor months of one cycle are every case.
 */
function leastMonthGap(a: number, b: number): number {
  if (a === b) return 0;
  const starts = startsOfMonths();
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < CYCLE_MONTHS; i++) {
    const gap = monthStart(starts, i + a) - monthStart(starts, i + b);
    const la = monthLength(starts, i + a);
    const lb = monthLength(starts, i + b);
    const l0 = monthLength(starts, i);
    const worst = gap + Math.min(0, la - Math.min(l0, lb));
    if (worst < least) least = worst;
  }
  return least;
}

/**
 * `true` when `a` ends no earlier than `b` from every anchor date: `anchor + a ≥ anchor + b` for
 * all anchors. Equal months compare by days; otherwise the months' least gap over all anchors
 * must cover the difference in days. Months against days is not a total order: one month is
 * neither at least nor at most 30 days, since a month spans 28 to 31.
 */
export function isAtLeast(a: PeriodLike, b: PeriodLike): boolean {
  const pa = calendarPeriod(a);
  const pb = calendarPeriod(b);
  if (pa !== undefined && pb !== undefined) {
    return leastMonthGap(pa.months, pb.months) + pa.days - pb.days >= 0;
  }
  return isAtLeastOnProbes(a, b);
}

// A period outside whole units (only a declaration that failed its schema has one) is compared
// from every day of a leap cycle and of a century turn (2100 is not a leap year).
const probeStarts = [Date.UTC(2000, 0, 1), Date.UTC(2097, 0, 1)];
const probeDays = 4 * 366;
function isAtLeastOnProbes(a: PeriodLike, b: PeriodLike): boolean {
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
