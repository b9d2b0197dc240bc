import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";

const { retentionCutoff, retentionFor } = createGuards(examplePolicy);
const loose = retentionCutoff as (c: unknown, x: unknown) => ReturnType<typeof retentionCutoff>;
const utc = (iso: string) => new Date(`${iso}Z`);

describe("retentionCutoff", () => {
  it("returns the first anchor that has not expired at `now`", () => {
    const now = utc("2027-03-16T00:00:00");
    const decision = retentionCutoff("order", { now, jurisdiction: "us" });
    expect(decision).toMatchObject({ anchor: "collection", jurisdiction: "us" });
    expect(decision.cutoff).toEqual(utc("2020-03-16T00:00:00"));
    expect(decision.reasons[0]).toMatchObject({ code: "retention-expired", section: "§7" });
  });

  it("splits expired records from kept ones exactly as retentionFor does", () => {
    const now = utc("2031-07-09T13:14:15");
    for (const jurisdiction of ["us", "eea"] as const) {
      const { cutoff } = retentionCutoff("order", { now, jurisdiction });
      if (!cutoff) throw new Error("expected a cutoff");
      const at = (ms: number) =>
        retentionFor("order", { collectedAt: new Date(ms), now, jurisdiction }).expired;
      expect(at(cutoff.getTime() - 1)).toBe(true);
      expect(at(cutoff.getTime())).toBe(false);
    }
  });

  it("names the relationship end as the anchor where the period runs from it", () => {
    const decision = retentionCutoff("email", {
      now: utc("2025-01-01T00:00:00"),
      jurisdiction: "us",
    });
    expect(decision.anchor).toBe("relationship-end");
    expect(decision.cutoff).toEqual(utc("2024-01-01T00:00:00"));
  });

  it("puts the cutoff just after `now` for a zero period", () => {
    const now = utc("2025-01-01T12:00:00");
    expect(retentionCutoff("card", { now, jurisdiction: "us" }).cutoff).toEqual(
      new Date(now.getTime() + 1),
    );
  });

  it.each([
    ["an unknown category", "phone", { now: new Date(), jurisdiction: "us" }],
    ["a non-string category", null, { now: new Date(), jurisdiction: "us" }],
    ["a missing now", "order", { jurisdiction: "us" }],
    ["an invalid now", "order", { now: new Date(Number.NaN) }],
    ["an unknown jurisdiction", "order", { now: new Date(), jurisdiction: "mars" }],
    ["a null context", "order", null],
  ])("returns no cutoff for %s", (_, category, context) => {
    const decision = loose(category, context);
    expect(decision.cutoff).toBeNull();
    expect(decision.anchor).toBeNull();
    expect(decision.reasons[0]?.code).toBe("invalid-input");
  });
});
