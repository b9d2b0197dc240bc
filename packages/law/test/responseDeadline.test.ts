import { describe, expect, it } from "vitest";
import { responseDeadline } from "../src";

const loose = responseDeadline as (
  receivedAt: unknown,
  law?: unknown,
) => ReturnType<typeof responseDeadline>;

describe("§9 responseDeadline, GDPR Art. 12(3)", () => {
  it("answers within one month and at most three with the extension, keeping the time of day", () => {
    expect(responseDeadline(new Date("2025-03-15T10:30:00Z"), "gdpr")).toEqual({
      deadline: new Date("2025-04-15T10:30:00Z"),
      extendedDeadline: new Date("2025-06-15T10:30:00Z"),
    });
  });

  it("clamps a month end and counts the extension from receipt, not from the clamped deadline", () => {
    const d = responseDeadline(new Date("2025-01-31T10:00:00Z"), "gdpr");
    expect(d?.deadline.toISOString()).toBe("2025-02-28T10:00:00.000Z");
    expect(d?.extendedDeadline.toISOString()).toBe("2025-04-30T10:00:00.000Z");
    expect(responseDeadline(new Date("2024-01-31T10:00:00Z"), "gdpr")?.deadline.toISOString()).toBe(
      "2024-02-29T10:00:00.000Z",
    );
  });

  it("counts calendar months in UTC across the turn of a year", () => {
    const d = responseDeadline(new Date("2025-11-30T23:59:59.999Z"), "gdpr");
    expect(d?.deadline.toISOString()).toBe("2025-12-30T23:59:59.999Z");
    expect(d?.extendedDeadline.toISOString()).toBe("2026-02-28T23:59:59.999Z");
  });

  it("returns a frozen answer", () => {
    expect(Object.isFrozen(responseDeadline(new Date("2025-01-01T00:00:00Z"), "gdpr"))).toBe(true);
  });

  it.each([
    ["an invalid Date", new Date("nope")],
    ["an ISO string", "2025-01-01T00:00:00Z"],
    ["a timestamp", 1_735_689_600_000],
    ["null", null],
    ["a date-like object", { getTime: (): number => 0 }],
  ])("returns null for %s", (_, value) => {
    expect(loose(value, "gdpr")).toBeNull();
  });

  it("returns null when a deadline falls past the last representable date", () => {
    // The largest Date is 275760-09-13: one month from July still exists, three do not.
    expect(responseDeadline(new Date("+275760-07-01T00:00:00Z"), "gdpr")).toBeNull();
    expect(responseDeadline(new Date("+275760-09-01T00:00:00Z"), "gdpr")).toBeNull();
  });
});

describe("§9 responseDeadline, UK GDPR Art. 12(3)", () => {
  it("gives the GDPR's one month and three with the extension", () => {
    expect(responseDeadline(new Date("2025-01-31T10:00:00Z"), "uk-gdpr")).toEqual({
      deadline: new Date("2025-02-28T10:00:00Z"),
      extendedDeadline: new Date("2025-04-30T10:00:00Z"),
    });
  });
});

describe("§9 responseDeadline, Cal. Civ. Code 1798.130(a)(2)(A)", () => {
  it("answers within 45 days and at most 90 with the one extension, keeping the time of day", () => {
    expect(responseDeadline(new Date("2025-01-31T10:00:00Z"), "ccpa")).toEqual({
      deadline: new Date("2025-03-17T10:00:00Z"),
      extendedDeadline: new Date("2025-05-01T10:00:00Z"),
    });
  });

  it("counts days across a leap day", () => {
    expect(responseDeadline(new Date("2024-02-01T00:00:00Z"), "ccpa")?.deadline).toEqual(
      new Date("2024-03-17T00:00:00Z"),
    );
  });

  it.each([
    ["no law", undefined],
    ["an unknown law", "lgpd"],
    ["an inherited name", "toString"],
  ])("returns null for %s", (_, law) => {
    expect(loose(new Date("2025-01-01T00:00:00Z"), law)).toBeNull();
  });
});
