import { describe, expect, it } from "vitest";
import { responseDeadline } from "../src";

const loose = responseDeadline as (receivedAt: unknown) => ReturnType<typeof responseDeadline>;

describe("§9 responseDeadline, GDPR Art. 12(3)", () => {
  it("answers within one month and at most three with the extension, keeping the time of day", () => {
    expect(responseDeadline(new Date("2025-03-15T10:30:00Z"))).toEqual({
      deadline: new Date("2025-04-15T10:30:00Z"),
      extendedDeadline: new Date("2025-06-15T10:30:00Z"),
    });
  });

  it("clamps a month end and counts the extension from receipt, not from the clamped deadline", () => {
    const d = responseDeadline(new Date("2025-01-31T10:00:00Z"));
    expect(d?.deadline.toISOString()).toBe("2025-02-28T10:00:00.000Z");
    expect(d?.extendedDeadline.toISOString()).toBe("2025-04-30T10:00:00.000Z");
    expect(responseDeadline(new Date("2024-01-31T10:00:00Z"))?.deadline.toISOString()).toBe(
      "2024-02-29T10:00:00.000Z",
    );
  });

  it("counts calendar months in UTC across the turn of a year", () => {
    const d = responseDeadline(new Date("2025-11-30T23:59:59.999Z"));
    expect(d?.deadline.toISOString()).toBe("2025-12-30T23:59:59.999Z");
    expect(d?.extendedDeadline.toISOString()).toBe("2026-02-28T23:59:59.999Z");
  });

  it("returns a frozen answer", () => {
    expect(Object.isFrozen(responseDeadline(new Date("2025-01-01T00:00:00Z")))).toBe(true);
  });

  it.each([
    ["an invalid Date", new Date("nope")],
    ["an ISO string", "2025-01-01T00:00:00Z"],
    ["a timestamp", 1_735_689_600_000],
    ["null", null],
    ["a date-like object", { getTime: (): number => 0 }],
  ])("returns null for %s", (_, value) => {
    expect(loose(value)).toBeNull();
  });

  it("returns null when a deadline falls past the last representable date", () => {
    // The largest Date is 275760-09-13: one month from July still exists, three do not.
    expect(responseDeadline(new Date("+275760-07-01T00:00:00Z"))).toBeNull();
    expect(responseDeadline(new Date("+275760-09-01T00:00:00Z"))).toBeNull();
  });
});
