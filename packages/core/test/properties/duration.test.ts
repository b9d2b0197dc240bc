import type { Duration } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CYCLE_DAYS, DAY_MS, daysFromCivil, isoString } from "../../src/internal/calendar";
import {
  addCalendar,
  addPeriod,
  calendarPeriod,
  cutoffTime,
  isAtLeast,
  retentionDeadline,
} from "../../src/internal/duration";
import { earliestUnexpiredAnchor } from "../../src/retention";
import {
  probedIsAtLeast,
  referenceAdd,
  referenceCutoff,
  referenceDeadline,
} from "../support/calendarReference";

const MAX = 8.64e15;
const YEAR = 365.25 * DAY_MS;

// Anywhere a Date can be, often within a few years of either end of the range, on a month's last
// days or on a leap day.
const timeArb = fc.oneof(
  fc.integer({ min: -MAX, max: MAX }),
  fc.integer({ min: MAX - 3 * YEAR, max: MAX }),
  fc.integer({ min: -MAX, max: -MAX + 3 * YEAR }),
  fc
    .record({
      year: fc.integer({ min: -2000, max: 3000 }),
      month: fc.integer({ min: 0, max: 11 }),
      day: fc.integer({ min: 26, max: 31 }),
      ms: fc.integer({ min: 0, max: DAY_MS - 1 }),
    })
    .map(
      ({ year, month, day, ms }) =>
        daysFromCivil(year, month, 1) * DAY_MS + (day - 1) * DAY_MS + ms,
    ),
);

const small = (max: number) => fc.integer({ min: 0, max });
// Periods as declared (whole units), some long enough to leave the Date range from anywhere.
const periodArb: fc.Arbitrary<Duration> = fc.oneof(
  fc.record(
    { years: small(30), months: small(40), weeks: small(10), days: small(400) },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      years: small(700_000),
      months: small(10_000_000),
      weeks: small(10_000_000),
      days: small(100_000_000),
    },
    { requiredKeys: [] },
  ),
);
// What only a declaration that skipped its schema holds: hours, fractions, negative or huge numbers.
const oddPeriodArb: fc.Arbitrary<Duration> = fc.record(
  {
    years: fc.oneof(small(5), fc.integer({ min: -5, max: 20_000_000 })),
    months: fc.oneof(small(30), fc.double({ min: -3, max: 30, noNaN: true })),
    weeks: fc.oneof(small(3), fc.integer({ min: -5, max: 5 })),
    days: fc.oneof(small(40), fc.double({ min: -45, max: 45, noNaN: true })),
    hours: fc.oneof(small(50), fc.integer({ min: -50, max: 50 })),
    minutes: fc.oneof(small(90), fc.double({ min: -90, max: 90, noNaN: true })),
    seconds: fc.oneof(small(90), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
  },
  { requiredKeys: [] },
);
// A unit that is not a number at all, where it takes part in a step and where it does not.
const nanPeriodArb: fc.Arbitrary<Duration> = fc
  .tuple(
    oddPeriodArb,
    fc.constantFrom("years", "months", "weeks", "days", "hours", "minutes", "seconds"),
  )
  .map(([period, unit]) => ({ ...period, [unit]: Number.NaN }));

describe("calendar arithmetic in closed form", () => {
  it("adds a period as date-fns `add` does, from any moment a Date can hold", () => {
    fc.assert(
      fc.property(timeArb, fc.oneof(periodArb, oddPeriodArb, nanPeriodArb), (time, period) => {
        expect(addPeriod(new Date(time), period).getTime()).toBe(referenceAdd(time, period));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it("gives the deadline the date-fns definition gives", () => {
    fc.assert(
      fc.property(timeArb, fc.oneof(periodArb, oddPeriodArb), (time, period) => {
        expect(retentionDeadline(new Date(time), period).getTime()).toBe(
          referenceDeadline(time, period),
        );
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it("gives the cutoff a search over the date-fns deadline finds, at the ends of the range too", () => {
    fc.assert(
      fc.property(timeArb, fc.oneof(periodArb, oddPeriodArb), (now, period) => {
        const cutoff = earliestUnexpiredAnchor(new Date(now), period);
        expect(cutoff?.getTime() ?? Number.NaN).toBe(referenceCutoff(now, period));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("finds a far cutoff exactly where the search finds one, and none where it gives up", () => {
    const now = Date.UTC(2025, 6, 7);
    for (const years of [100_000, 135_000, 136_900, 137_000, 200_000, 270_000, 273_000, 300_000]) {
      const period = { years };
      const cutoff = earliestUnexpiredAnchor(new Date(now), period);
      expect([years, cutoff?.getTime() ?? Number.NaN]).toEqual([
        years,
        referenceCutoff(now, period),
      ]);
    }
  });

  // 400 Gregorian years repeat exactly, so every day of one cycle is every case there is.
  it("splits due records from the rest at the cutoff, on every day of a 400-year cycle", () => {
    const periods: Duration[] = [
      { months: 1 },
      { years: 7 },
      { months: 3, days: 10 },
      { years: 1, weeks: 1, days: 1 },
    ];
    const first = daysFromCivil(2000, 2, 1);
    for (const period of periods) {
      const calendar = calendarPeriod(period);
      if (calendar === undefined) throw new Error("a period in whole units");
      let previous = Number.NEGATIVE_INFINITY;
      const wrong: number[] = [];
      for (let day = first; day < first + CYCLE_DAYS; day++) {
        // The deadline never moves back as the anchor moves on, so one cutoff splits records.
        const deadline = referenceDeadline(day * DAY_MS, period);
        if (!(deadline >= previous)) wrong.push(day);
        previous = deadline;
        const now = day * DAY_MS + ((day * 7919) % DAY_MS);
        const cutoff = cutoffTime(now, calendar);
        const due = referenceDeadline(cutoff - 1, period) <= now;
        const notDue = referenceDeadline(cutoff, period) > now;
        if (!(due && notDue)) wrong.push(day);
      }
      expect([period, wrong.slice(0, 5)]).toEqual([period, []]);
    }
  }, 120_000);
});

describe("the order of periods", () => {
  const wholeArb = fc.record(
    { years: small(3), months: small(40), weeks: small(10), days: small(400) },
    { requiredKeys: [] },
  );

  it("agrees with comparing from every day of a leap cycle and a century turn", () => {
    fc.assert(
      fc.property(wholeArb, wholeArb, (a, b) => {
        expect(isAtLeast(a, b)).toBe(probedIsAtLeast(a, b));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("agrees with comparing from every day of a 400-year cycle, for long periods too", () => {
    const longArb = fc.record(
      { years: small(900), months: small(6000), days: small(400_000) },
      { requiredKeys: [] },
    );
    const first = daysFromCivil(2000, 2, 1);
    // Integer addition, which the first tests hold equal to date-fns, keeps this affordable.
    const everyDay = (a: Duration, b: Duration) => {
      const pa = calendarPeriod(a);
      const pb = calendarPeriod(b);
      if (pa === undefined || pb === undefined) throw new Error("whole units");
      for (let day = first; day < first + CYCLE_DAYS; day++) {
        if (addCalendar(day * DAY_MS, pa) < addCalendar(day * DAY_MS, pb)) return false;
      }
      return true;
    };
    fc.assert(
      fc.property(fc.oneof(wholeArb, longArb), fc.oneof(wholeArb, longArb), (a, b) => {
        expect(isAtLeast(a, b)).toBe(everyDay(a, b));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("holds a month neither at least nor at most 30 days, since months span 28 to 31", () => {
    expect(isAtLeast({ months: 1 }, { days: 28 })).toBe(true);
    expect(isAtLeast({ months: 1 }, { days: 29 })).toBe(false);
    expect(isAtLeast({ days: 31 }, { months: 1 })).toBe(true);
    expect(isAtLeast({ days: 30 }, { months: 1 })).toBe(false);
    expect(isAtLeast({ years: 1 }, { days: 365 })).toBe(true);
    expect(isAtLeast({ years: 1 }, { days: 366 })).toBe(false);
    expect(isAtLeast({ days: 366 }, { years: 1 })).toBe(true);
    expect(isAtLeast({ years: 400 }, { days: 146_097 })).toBe(true);
    expect(isAtLeast({ days: 146_097 }, { years: 400 })).toBe(true);
  });

  it("orders months by months and equal months by days", () => {
    fc.assert(
      fc.property(wholeArb, wholeArb, (a, b) => {
        const pa = calendarPeriod(a);
        const pb = calendarPeriod(b);
        if (pa === undefined || pb === undefined) throw new Error("whole units");
        if (pa.months === pb.months) expect(isAtLeast(a, b)).toBe(pa.days >= pb.days);
        if (pa.days === 0 && pb.days === 0) expect(isAtLeast(a, b)).toBe(pa.months >= pb.months);
      }),
    );
  });
});

describe("timestamps", () => {
  it("are written as toISOString writes them, for every time a Date can hold", () => {
    fc.assert(
      fc.property(timeArb, (time) => {
        expect(isoString(time)).toBe(new Date(time).toISOString());
      }),
      { numRuns: 5000 },
    );
    const edges = [8.64e15, -8.64e15, Date.UTC(9999, 11, 31, 23, 59, 59, 999), -62_167_219_200_001];
    for (const time of [...edges, Date.UTC(10_000, 0, 1), -62_167_219_200_000, 0, -1]) {
      expect(isoString(time)).toBe(new Date(time).toISOString());
    }
  });
});
