import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRightsGuards, definePolicy } from "../src";
import { examplePolicy } from "./fixtures/examplePolicy";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };

// The example shop with every GDPR right declared, bases recognised by their Art. 6(1) letters.
const shop = definePolicy({
  ...examplePolicy,
  rights: {
    access: { section: "§9", text: "copies of your data", gdpr: "Art. 15" },
    rectification: { section: "§9", text: "corrections", gdpr: "Art. 16" },
    erasure: { section: "§9", text: "erasure, under conditions", gdpr: "Art. 17" },
    restriction: { section: "§9", text: "restriction", gdpr: "Art. 18" },
    objection: { section: "§9", text: "objection", gdpr: "Art. 21" },
    portability: { section: "§9", text: "portability", gdpr: "Art. 20" },
    complaint: { section: "§9", text: "complain to us" },
  },
});
const { canExercise, planRequest } = createRightsGuards(shop, { directMarketing: ["newsletter"] });

describe("§9 rights from declarations, GDPR Arts. 15–21", () => {
  it("finds the lawful basis of each purpose from its GDPR letter", () => {
    // "order" is used by fulfilment (contract) and tax-filing (legal obligation).
    expect(canExercise("portability", "order").purposes).toEqual(["fulfilment", "newsletter"]);
    expect(canExercise("objection", "email").obligations.map((o) => o.id)).toEqual([
      "stop-direct-marketing",
    ]);
    expect(canExercise("objection", "card").allowed).toBe(false);
  });

  it("denies a declared right the engine has no GDPR semantics for", () => {
    const d = canExercise("complaint" as "access", "email");
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]?.code).toBe("invalid-input");
  });

  it("keeps collection-anchored legal records until the period from the relationship's end runs out", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2090-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (ended) => {
          const d = canExercise("erasure", "order", { relationshipEndedAt: ended, now: ended });
          // INVARIANT: 7 years from the UTC day of the end, the whole last day included.
          const y = ended.getUTCFullYear() + 7;
          const m = ended.getUTCMonth();
          const day = Math.min(ended.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
          expect(d.allowed).toBe(false);
          expect(d.until?.getTime()).toBe(Date.UTC(y, m, day + 1));
        },
      ),
      fcOptions,
    );
  });

  it("ends a period anchored on February 29 with February 28 of a non-leap year", () => {
    const d = canExercise("erasure", "order", {
      relationshipEndedAt: new Date("2024-02-29T18:00:00Z"),
      now: new Date("2024-03-01T00:00:00Z"),
    });
    expect(d.until?.toISOString()).toBe("2031-03-01T00:00:00.000Z");
  });

  it("plans restriction with the retention end for each yielding category", () => {
    const plan = planRequest({
      right: "erasure",
      receivedAt: new Date("2025-01-31T00:00:00Z"),
      relationshipEndedAt: new Date("2025-01-01T00:00:00Z"),
    });
    if (!plan.valid) throw new Error("expected a plan");
    expect(plan.actions.map((a) => [a.category, a.action])).toEqual([
      ["email", "delete"],
      ["order", "restrict"],
      ["card", "delete"],
    ]);
  });
});
