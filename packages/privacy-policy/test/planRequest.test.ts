import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Category, planRequest, policy } from "../src";
import { rightsOptions } from "../src/rights";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };
const categories = Object.keys(policy.categories) as Category[];
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
      planRequest({
        jurisdiction: "eea",
        right: "access",
        receivedAt: new Date("2025-01-31T09:30:00Z"),
      }),
    );
    expect(p2025.deadline.toISOString()).toBe("2025-02-28T09:30:00.000Z");
    expect(p2025.extendedDeadline.toISOString()).toBe("2025-04-30T09:30:00.000Z");
    const p2024 = valid(
      planRequest({
        jurisdiction: "eea",
        right: "access",
        receivedAt: new Date("2024-01-31T09:30:00Z"),
      }),
    );
    expect(p2024.deadline.toISOString()).toBe("2024-02-29T09:30:00.000Z");
  });

  it("never puts a deadline before receipt, nor the extension before the deadline", () => {
    fc.assert(
      fc.property(receipts, (receivedAt) => {
        const plan = valid(planRequest({ jurisdiction: "eea", right: "access", receivedAt }));
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
        const { deadline } = valid(
          planRequest({ jurisdiction: "eea", right: "access", receivedAt }),
        );
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

describe("§9 response deadline per jurisdiction, GDPR and UK GDPR Art. 12(3), Cal. Civ. Code 1798.130(a)(2)(A)", () => {
  const receivedAt = new Date("2025-01-31T09:30:00Z");

  it("gives a US request 45 days, 90 with the one extension, citing the CCPA", () => {
    const plan = valid(planRequest({ jurisdiction: "us", right: "access", receivedAt }));
    expect(plan.deadline.toISOString()).toBe("2025-03-17T09:30:00.000Z");
    expect(plan.extendedDeadline.toISOString()).toBe("2025-05-01T09:30:00.000Z");
    expect(plan.reasons[0]?.message).toMatch(/\(Cal\. Civ\. Code 1798\.130\(a\)\(2\)\(A\)\)$/);
    expect(plan.jurisdiction).toBe("us");
  });

  it("gives an EEA request one month and a UK request the same under UK GDPR", () => {
    const eea = valid(planRequest({ jurisdiction: "eea", right: "access", receivedAt }));
    const uk = valid(planRequest({ jurisdiction: "uk", right: "access", receivedAt }));
    expect([eea.deadline, uk.deadline]).toEqual([eea.deadline, eea.deadline]);
    expect(eea.reasons[0]?.message).toMatch(/\(GDPR Art\. 12\(3\)\)$/);
    expect(uk.reasons[0]?.message).toMatch(/\(UK GDPR Art\. 12\(3\)\)$/);
  });

  it("names a law for every declared jurisdiction", () => {
    expect(Object.keys(rightsOptions.responseLaws).sort()).toEqual(
      [...policy.jurisdictions].sort(),
    );
  });

  it("refuses a request without a jurisdiction as invalid input naming it", () => {
    // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
    const plan = (planRequest as (r: any) => ReturnType<typeof planRequest>)({
      right: "access",
      receivedAt,
    });
    expect(plan.valid).toBe(false);
    expect(plan.reasons[0]).toMatchObject({ code: "invalid-input" });
    expect(plan.reasons[0]?.message).toMatch(/^jurisdiction is required/);
  });
});

describe("§9 request plans, GDPR Arts. 15–21", () => {
  const receivedAt = new Date("2026-01-15T12:00:00Z");

  it("exports every category held by default for an access request, and says when nothing is held (§2(a))", () => {
    const plan = valid(planRequest({ jurisdiction: "eea", right: "access", receivedAt }));
    expect(plan.actions.map((a) => a.category)).toEqual(categories);
    expect(plan.actions.map((a) => [a.category, a.action])).toEqual(
      categories.map((c) => [
        c,
        c === "payment-card" ? "none" : c === "communication-content" ? "refer" : "export",
      ]),
    );
    const card = plan.actions.find((a) => a.category === "payment-card");
    expect(card?.reasons[0]?.message).toMatch(/nothing of "payment-card" is stored/);
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
    const plan = valid(
      planRequest({ jurisdiction: "eea", right: "erasure", receivedAt, legalHold: true }),
    );
    for (const a of plan.actions) {
      if (a.category === "communication-content") expect(a.action).toBe("refer");
      else expect(a).toMatchObject({ action: "restrict", until: null });
    }
  });

  it("stops marketing and restricts legitimate interests pending assessment on objection", () => {
    const plan = valid(
      planRequest({
        jurisdiction: "eea",
        right: "objection",
        receivedAt,
        categories: ["account", "ip-address", "kyc-document"],
      }),
    );
    expect(plan.actions.map((a) => [a.category, a.action, a.purposes])).toEqual([
      ["account", "stop", ["marketing"]],
      ["account", "restrict", ["abuse-prevention", "agreement-enforcement"]],
      ["ip-address", "restrict", ["service-monitoring", "abuse-prevention"]],
      ["kyc-document", "keep", undefined],
    ]);
  });

  it("acts per purpose on an objection, leaving other purposes' processing as it is (Art. 21(3))", () => {
    const plan = valid(
      planRequest({ jurisdiction: "eea", right: "objection", receivedAt, categories: ["account"] }),
    );
    const named = plan.actions.flatMap((a) => a.purposes ?? []);
    const objectable = Object.entries(policy.purposes)
      .filter(
        ([id, p]) =>
          Object.hasOwn(p.uses, "account") &&
          (id === "marketing" || p.basis === "legitimate-interest"),
      )
      .map(([id]) => id);
    expect(new Set(named)).toEqual(new Set(objectable));
    expect(named).not.toContain("account-management");
  });

  it("exports portable data and keeps the rest for a portability request", () => {
    const plan = valid(planRequest({ jurisdiction: "eea", right: "portability", receivedAt }));
    for (const a of plan.actions) {
      const portable = Object.values(policy.purposes).some(
        (p) =>
          (p.basis === "contract" || p.basis === "consent") && Object.hasOwn(p.uses, a.category),
      );
      const expected =
        a.category === "communication-content"
          ? "refer"
          : !portable
            ? "keep"
            : a.category === "payment-card"
              ? "none"
              : "export";
      expect(a.action).toBe(expected);
    }
  });

  it("rectifies for rectification and restricts for restriction", () => {
    const held = (a: { category: string }) => a.category !== "communication-content";
    expect(
      valid(planRequest({ jurisdiction: "eea", right: "rectification", receivedAt }))
        .actions.filter(held)
        .every((a) => a.action === "rectify"),
    ).toBe(true);
    expect(
      valid(planRequest({ jurisdiction: "eea", right: "restriction", receivedAt }))
        .actions.filter(held)
        .every((a) => a.action === "restrict"),
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
