import { describe, expect, it } from "vitest";
import { isValidDate } from "../src/internal/dates";

describe("isValidDate", () => {
  it("accepts a Date that holds a time", () => {
    expect(isValidDate(new Date("2024-01-31T00:00:00Z"))).toBe(true);
    expect(isValidDate(new Date(0))).toBe(true);
  });

  it("refuses an invalid Date and values that only look like dates", () => {
    expect(isValidDate(new Date("nope"))).toBe(false);
    expect(isValidDate("2024-01-31")).toBe(false);
    expect(isValidDate(Date.UTC(2024, 0, 31))).toBe(false);
    expect(isValidDate({ getTime: () => 0 })).toBe(false);
    expect(isValidDate(null)).toBe(false);
  });
});
