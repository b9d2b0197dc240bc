import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileDateArb } from "../../../test-support/hostileDates";
import { calendarDayStart } from "../src/internal/calendar";
import { checkedDate, readDate, timeOf } from "../src/internal/dates";

describe("timeOf", () => {
  it("reads the time of a Date that holds one", () => {
    expect(timeOf(new Date("2024-01-31T00:00:00Z"))).toBe(Date.UTC(2024, 0, 31));
    expect(timeOf(new Date(0))).toBe(0);
    expect(timeOf(new Date(8.64e15))).toBe(8.64e15);
  });

  it("refuses an invalid Date and values that only look like dates", () => {
    expect(timeOf(new Date("nope"))).toBeUndefined();
    expect(timeOf("2024-01-31")).toBeUndefined();
    expect(timeOf(Date.UTC(2024, 0, 31))).toBeUndefined();
    expect(timeOf({ getTime: () => 0 })).toBeUndefined();
    expect(timeOf(Object.create(Date.prototype))).toBeUndefined();
    expect(timeOf(new Proxy(new Date(0), {}))).toBeUndefined();
    expect(timeOf(null)).toBeUndefined();
  });

  it("reads the true time of a subclass whose getTime lies", () => {
    class Lying extends Date {
      override getTime() {
        return Number.NaN;
      }
    }
    expect(timeOf(new Lying(Date.UTC(2000, 0, 1)))).toBe(Date.UTC(2000, 0, 1));
  });

  it("sees through every hostile date-like value without throwing", () => {
    fc.assert(
      fc.property(hostileDateArb, (d) => {
        expect(timeOf(d.value)).toBe(d.time);
      }),
    );
  });
});

describe("readDate", () => {
  it("returns a plain Date copy, never the caller's object", () => {
    const mine = new Date(Date.UTC(2001, 1, 3));
    const copy = readDate(mine);
    expect(copy).toEqual(mine);
    expect(copy).not.toBe(mine);
    expect(Object.getPrototypeOf(copy)).toBe(Date.prototype);
  });
});

describe("checkedDate", () => {
  it("refuses a computed Date that left the Date range", () => {
    expect(checkedDate(new Date(8.64e15 + 1))).toBeUndefined();
    expect(checkedDate(new Date(1))).toEqual(new Date(1));
  });
});

describe("calendarDayStart", () => {
  it("gives the UTC start of a day that exists, leap days included", () => {
    expect(calendarDayStart(2024, 2, 29)).toBe(Date.UTC(2024, 1, 29));
    expect(calendarDayStart(2000, 2, 29)).toBe(Date.UTC(2000, 1, 29));
    expect(calendarDayStart(1970, 1, 1)).toBe(0);
    expect(calendarDayStart(2025, 12, 31)).toBe(Date.UTC(2025, 11, 31));
  });

  it("refuses a day that does not exist as written", () => {
    for (const [y, m, d] of [
      [2025, 2, 29],
      [1900, 2, 29],
      [2025, 4, 31],
      [2025, 13, 1],
      [2025, 0, 1],
      [2025, 1, 0],
      [2025, 1.5, 1],
      [Number.NaN, 1, 1],
      [300_000, 1, 1],
    ] as const) {
      expect(calendarDayStart(y, m, d)).toBeUndefined();
    }
  });

  it("agrees with Date on every day it can write, years 0 to 9999", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          const exists = date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(calendarDayStart(y, m, d)).toBe(exists ? date.getTime() : undefined);
        },
      ),
    );
  });
});
