import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileDateArb } from "../../../test-support/hostileDates";
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
