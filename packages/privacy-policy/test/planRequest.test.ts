import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DataCategory, planRequest, policy } from "../src";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };
const categories = Object.keys(policy.categories) as DataCategory[];
const DAY = 86_400_000;
const daysInUtcMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
const receipts = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2200-12-31T23:59:59Z"),
  noInvalidDate: true,
});

function valid<T extends { valid: boolean }>(plan: T): Extract<T, { valid: true }> {
  if (!plan.valid) throw new Error("expected a valid plan");
  return plan as Extract<T, { valid: true }>;
}

describe("§9 response deadline, GDPR Art. 12(3)", () => {
  it("answers within one month: January 31 gives February 28, or 29 in a leap year", () => {
    const p2025 = valid(
      planRequest({ right: "access", receivedAt: new Date("2025-01-31T09:30:00Z") }),
    );
    expect(p2025.deadline.toISOString()).toBe("2025-02-28T09:30:00.000Z");
    expect(p2025.extendedDeadline.toISOString()).toBe("2025-04-30T09:30:00.000Z");
    const p2024 = valid(
      planRequest({ right: "access", receivedAt: new Date("2024-01-31T09:30:00Z") }),
    );
    expect(p2024.deadline.toISOString()).toBe("2024-02-29T09:30:00.000Z");
  });

  it("never puts a deadline before receipt, nor the extension before the deadline", () => {
    fc.assert(
      fc.property(receipts, (receivedAt) => {
        const plan = valid(planRequest({ right: "access", receivedAt }));
        expect(plan.deadline.getTime()).toBeGreaterThan(receivedAt.getTime());
        expect(plan.extendedDeadline.getTime()).toBeGreaterThanOrEqual(plan.deadline.getTime());
        const days = (plan.deadline.getTime() - receivedAt.getTime()) / DAY;
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31);
      }),
      fcOptions,
    );
  });

  it("lands on the same day of the next month, or on its last day when that day does not exist", () => {
    fc.assert(
      fc.property(receipts, (receivedAt) => {
        const { deadline } = valid(planRequest({ right: "access", receivedAt }));
        const y = receivedAt.getUTCFullYear();
        const m = receivedAt.getUTCMonth();
        const nextYear = m === 11 ? y + 1 : y;
        const nextMonth = (m + 1) % 12;
        expect(deadline.getUTCFullYear()).toBe(nextYear);
        expect(deadline.getUTCMonth()).toBe(nextMonth);
        expect(deadline.getUTCDate()).toBe(
          Math.min(receivedAt.getUTCDate(), daysInUtcMonth(nextYear, nextMonth)),
        );
        expect(deadline.getUTCHours()).toBe(receivedAt.getUTCHours());
      }),
      fcOptions,
    );
  });
});

describe("§9 request plans, GDPR Arts. 15–21", () => {
  const receivedAt = new Date("2026-01-15T12:00:00Z");

  it("exports every declared category by default for an access request", () => {
    const plan = valid(planRequest({ right: "access", receivedAt }));
    expect(plan.actions.map((a) => a.category)).toEqual(categories);
    expect(plan.actions.every((a) => a.action === "export")).toBe(true);
  });

  it("deletes what nothing keeps and restricts what a legal obligation keeps, with the end date", () => {
    const plan = valid(
      planRequest({
        right: "erasure",
        receivedAt,
        jurisdiction: "us",
        relationshipEndedAt: new Date("2025-12-31T00:00:00Z"),
        categories: ["payment-transaction", "ip-address"],
      }),
    );
    expect(plan.actions).toMatchObject([
      { category: "payment-transaction", action: "restrict" },
      { category: "ip-address", action: "delete" },
    ]);
    expect(plan.actions[0]?.until?.toISOString()).toBe("2033-01-01T00:00:00.000Z");
  });

  it("restricts everything with an open end under a legal hold (Art. 17(3)(e))", () => {
    const plan = valid(planRequest({ right: "erasure", receivedAt, legalHold: true }));
    for (const a of plan.actions) expect(a).toMatchObject({ action: "restrict", until: null });
  });

  it("stops marketing and restricts legitimate interests pending assessment on objection", () => {
    const plan = valid(
      planRequest({
        right: "objection",
        receivedAt,
        categories: ["account", "ip-address", "kyc-document"],
      }),
    );
    expect(plan.actions.map((a) => a.action)).toEqual(["stop", "restrict", "keep"]);
  });

  it("exports portable data and keeps the rest for a portability request", () => {
    const plan = valid(planRequest({ right: "portability", receivedAt }));
    for (const a of plan.actions) {
      const portable = Object.values(policy.purposes).some(
        (p) =>
          (p.basis === "contract" || p.basis === "consent") && Object.hasOwn(p.uses, a.category),
      );
      expect(a.action).toBe(portable ? "export" : "keep");
    }
  });

  it("rectifies for rectification and restricts for restriction", () => {
    expect(
      valid(planRequest({ right: "rectification", receivedAt })).actions.every(
        (a) => a.action === "rectify",
      ),
    ).toBe(true);
    expect(
      valid(planRequest({ right: "restriction", receivedAt })).actions.every(
        (a) => a.action === "restrict",
      ),
    ).toBe(true);
  });

  it("plans nothing for a malformed request", () => {
    const bad: unknown[] = [
      null,
      { right: "erasure" },
      { right: "erasure", receivedAt: new Date("nope") },
      { right: "erase", receivedAt },
      { right: "erasure", receivedAt, categories: [] },
      { right: "erasure", receivedAt, categories: ["account", "dna"] },
      { right: "erasure", receivedAt, jurisdiction: "de" },
    ];
    for (const request of bad) {
      // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
      const plan = (planRequest as any)(request);
      expect(plan.valid).toBe(false);
      expect(plan.actions).toEqual([]);
      expect(plan.reasons[0]?.code).toBe("invalid-input");
    }
  });
});
