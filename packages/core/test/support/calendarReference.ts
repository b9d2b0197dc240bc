import { utc } from "@date-fns/utc";
import type { Duration } from "date-fns";
import { add } from "date-fns/add";

// The definitions the engine's closed forms must agree with, written the slow, obvious way on
// date-fns: adding a period, the deadline it gives, the cutoff found by search, and the order
// of periods checked from every day of a few sample years.

const DAY = 86_400_000;
const MIN_TIME = -8.64e15;

/** `anchor + period` by date-fns in UTC, in milliseconds (NaN when invalid). */
export const referenceAdd = (anchor: number, period: Duration): number =>
  add(new Date(anchor), period, { in: utc }).getTime();

const isZero = (p: Duration) =>
  !p.years && !p.months && !p.weeks && !p.days && !p.hours && !p.minutes && !p.seconds;

/** The end of the UTC day on which the period from `anchor`'s day runs out; `anchor` for a zero period. */
export function referenceDeadline(anchor: number, period: Duration): number {
  if (isZero(period)) return new Date(anchor).getTime();
  // Not Date.UTC(year, month, day): it reads years 0–99 as 1900–1999.
  const day = Math.floor(anchor / DAY) * DAY;
  return new Date(referenceAdd(day, period) + DAY).getTime();
}

/** The least anchor whose deadline is after `now`, by search; NaN where none is found in range. */
export function referenceCutoff(now: number, period: Duration): number {
  const expired = (anchor: number) => referenceDeadline(anchor, period) <= now;
  let hi = now + 1;
  let step = DAY;
  let lo = hi - step;
  while (!expired(lo)) {
    hi = lo;
    step *= 2;
    lo = hi - step;
    if (lo < MIN_TIME) return Number.NaN;
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (expired(mid)) lo = mid;
    else hi = mid;
  }
  return new Date(hi).getTime();
}

const probeStarts = [Date.UTC(2000, 0, 1), Date.UTC(2097, 0, 1)];

/** `a` ends no earlier than `b` from every day of 2000–2003 and 2097–2100. */
export function probedIsAtLeast(a: Duration, b: Duration): boolean {
  for (const start of probeStarts) {
    for (let day = 0; day < 4 * 366; day++) {
      const anchor = start + day * DAY;
      if (referenceAdd(anchor, a) < referenceAdd(anchor, b)) return false;
    }
  }
  return true;
}
