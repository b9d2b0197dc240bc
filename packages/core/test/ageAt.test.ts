import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageAt } from "../src";

const fcOptions = { numRuns: 300, ...(process.env.CI ? { seed: 20250707 } : {}) };

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
    expect(ageAt(new Date("2030-01-01"), new Date("2025-01-01"))).toBeNull();
  });
});
