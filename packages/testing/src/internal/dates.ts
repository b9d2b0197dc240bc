import fc from "fast-check";

const MIN = Date.UTC(1970, 0, 1);
const MAX = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
const DAY_MS = 86_400_000;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const timeOfDay = fc.oneof(
  fc.constant(0),
  fc.constant(DAY_MS - 1),
  fc.integer({ min: 0, max: DAY_MS - 1 }),
);

/** The last day of a month, any time of day: where calendar addition clamps. */
const monthEnd = fc
  .record({ year: fc.integer({ min: 1970, max: 2100 }), month: fc.integer({ min: 0, max: 11 }) })
  .chain(({ year, month }) => timeOfDay.map((t) => new Date(Date.UTC(year, month + 1, 0) + t)));

/** February 29 of a leap year between 1972 and 2096 (2100 is not one). */
const leapDay = fc
  .integer({ min: 0, max: 31 })
  .filter((i) => isLeap(1972 + 4 * i))
  .chain((i) => timeOfDay.map((t) => new Date(Date.UTC(1972 + 4 * i, 1, 29) + t)));

/** Dates from 1970 to 2100, with month ends, leap days and day boundaries drawn often. */
export const dateArb: fc.Arbitrary<Date> = fc.oneof(
  {
    arbitrary: fc.date({ min: new Date(MIN), max: new Date(MAX), noInvalidDate: true }),
    weight: 3,
  },
  { arbitrary: monthEnd, weight: 1 },
  { arbitrary: leapDay, weight: 1 },
);
