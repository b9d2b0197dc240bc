import { describe, expect, it } from "vitest";
import { field, isValidDate } from "../src/internal/dates";

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

describe("field", () => {
  it("reads a field of a context, and nothing of a missing context", () => {
    expect(field({ from: "CH" }, "from")).toBe("CH");
    expect(field({}, "from")).toBeUndefined();
    expect(field(undefined, "from")).toBeUndefined();
  });

  it("lets a throwing getter propagate to the caller", () => {
    const context = {
      get from(): string {
        throw new Error("unreadable");
      },
    };
    expect(() => field(context, "from")).toThrow("unreadable");
  });
});
