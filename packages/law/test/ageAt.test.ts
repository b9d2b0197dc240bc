import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageAt } from "../src";

const fcOptions = { numRuns: 300, ...(process.env.CI ? { seed: 20250707 } : {}) };
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("§10 ageAt, GDPR Art. 8(1)", () => {
  it("is the number of birthdays passed, never negative, non-decreasing in time", () => {
    const day = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(day, day, day, (b, x, y) => {
        const [t1, t2] = x <= y ? [x, y] : [y, x];
        const a1 = ageAt(new Date(b), new Date(t1));
        const a2 = ageAt(new Date(b), new Date(t2));
        if (t1 < b) expect(a1).toBeNull();
        else expect(a2).toBeGreaterThanOrEqual(a1 ?? 0);
      }),
      fcOptions,
    );
  });

  it("returns null for invalid dates and births in the future", () => {
    expect(ageAt(new Date("nope"), new Date())).toBeNull();
    expect(ageAt(new Date("2000-01-01"), new Date("nope"))).toBeNull();
    expect(ageAt(new Date("2030-01-01"), new Date("2025-01-01"))).toBeNull();
    expect(ageAt(new Date("2025-01-01T00:00:00.001Z"), new Date("2025-01-01"))).toBeNull();
  });

  it("returns null for values that are not Dates, even date-like ones", () => {
    const loose = ageAt as (birthDate: unknown, at: unknown) => number | null;
    expect(loose("2000-01-01", new Date("2025-01-01"))).toBeNull();
    expect(loose(new Date("2000-01-01"), "2025-01-01")).toBeNull();
    expect(loose(946_684_800_000, new Date("2025-01-01"))).toBeNull();
  });

  it("is zero at the moment of birth", () => {
    const born = new Date("2025-07-07T12:00:00Z");
    expect(ageAt(born, born)).toBe(0);
  });

  it("counts a year on the birthday itself, not the day before", () => {
    expect(ageAt(utc("2009-07-07"), utc("2025-07-06"))).toBe(15);
    expect(ageAt(utc("2009-07-07"), utc("2025-07-07"))).toBe(16);
    expect(ageAt(utc("2009-07-07"), utc("2025-07-08"))).toBe(16);
  });

  it("compares the month before the day", () => {
    // An earlier month with a later day: the birthday has not come.
    expect(ageAt(utc("2009-07-07"), utc("2025-06-30"))).toBe(15);
    // A later month with an earlier day: the birthday has passed.
    expect(ageAt(utc("2009-07-07"), utc("2025-08-01"))).toBe(16);
    expect(ageAt(utc("2009-12-31"), utc("2025-01-01"))).toBe(15);
    expect(ageAt(utc("2009-01-01"), utc("2025-12-31"))).toBe(16);
  });

  it("turns a February 29 birthday a year older on March 1 of a non-leap year", () => {
    expect(ageAt(utc("2008-02-29"), utc("2025-02-28"))).toBe(16);
    expect(ageAt(utc("2008-02-29"), utc("2025-03-01"))).toBe(17);
    expect(ageAt(utc("2009-02-28"), utc("2025-02-28"))).toBe(16);
    expect(ageAt(utc("2008-02-29"), utc("2024-02-28"))).toBe(15);
    expect(ageAt(utc("2008-02-29"), utc("2024-02-29"))).toBe(16);
  });

  it("reads calendar days in UTC, whatever the time of day", () => {
    expect(ageAt(new Date("2009-07-07T23:30:00Z"), new Date("2025-07-07T00:15:00Z"))).toBe(16);
    expect(ageAt(new Date("2009-07-07T00:15:00Z"), new Date("2025-07-06T23:59:59Z"))).toBe(15);
  });
});
