import {
  contextSpace,
  createGuards,
  type Policy,
  type PolicyDeclaration,
} from "@trunkiq/policy-core";
import { definePolicy } from "@trunkiq/policy-core/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createArbitraries } from "../src";

const arbs = createArbitraries(examplePolicy);
const guards = createGuards(examplePolicy);
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 500) => fc.sample(arb, { numRuns, seed: 42 });
const key = (q: { purpose?: string; category: string; recipient?: string }) =>
  `${q.purpose ?? q.recipient}|${q.category}`;

describe("createArbitraries", () => {
  it("generates exactly the ids the declaration declares, each of them", () => {
    expect(new Set(sample(arbs.purposeArb))).toEqual(new Set(Object.keys(examplePolicy.purposes)));
    expect(new Set(sample(arbs.categoryArb))).toEqual(
      new Set(Object.keys(examplePolicy.categories)),
    );
    expect(new Set(sample(arbs.recipientArb))).toEqual(
      new Set(Object.keys(examplePolicy.recipients)),
    );
    expect(new Set(sample(arbs.basisArb))).toEqual(new Set(Object.keys(examplePolicy.bases)));
    expect(new Set(sample(arbs.rightArb))).toEqual(new Set(Object.keys(examplePolicy.rights)));
    expect(new Set(sample(arbs.jurisdictionArb))).toEqual(new Set(examplePolicy.jurisdictions));
    expect(new Set(sample(arbs.retentionCategoryArb))).toEqual(
      new Set(Object.keys(examplePolicy.retention)),
    );
  });

  it("follows a change to the declaration without any other edit", () => {
    const changed: PolicyDeclaration = {
      ...examplePolicy,
      purposes: {
        ...examplePolicy.purposes,
        "fraud-check": {
          basis: "legal-obligation",
          section: "§3",
          text: "To prevent fraud",
          uses: { card: {} },
        },
      },
    };
    const changedArbs = createArbitraries(definePolicy(changed as never) as Policy);
    expect(sample(changedArbs.purposeArb)).toContain("fraud-check");
    expect(sample(changedArbs.allowedUseArb).map(key)).toContain("fraud-check|card");
    expect(sample(changedArbs.forbiddenUseArb).map(key)).toContain("fraud-check|email");
  });

  it("generates contexts with only declared fields and values, each field sometimes omitted", () => {
    for (const [question, arb] of [
      ["use", arbs.useContextArb],
      ["share", arbs.shareContextArb],
    ] as const) {
      const contexts = sample(arb as fc.Arbitrary<Record<string, unknown>>);
      const fields = Object.entries(examplePolicy.contextFields).filter(([, f]) =>
        (f.appliesTo as readonly string[]).includes(question),
      );
      const allowed: Record<string, readonly unknown[]> = {
        jurisdiction: examplePolicy.jurisdictions,
      };
      for (const [name, f] of fields) allowed[name] = f.kind === "flag" ? [false, true] : f.values;
      for (const context of contexts) {
        for (const [name, value] of Object.entries(context)) {
          expect(allowed[name], `field ${name}`).toContain(value);
        }
      }
      for (const name of Object.keys(allowed)) {
        expect(contexts.some((c) => !(name in c))).toBe(true);
        for (const value of allowed[name] ?? []) {
          expect(contexts.some((c) => c[name] === value)).toBe(true);
        }
      }
    }
  });

  it("generates forbidden pairs that every enumerated context denies, and finds all of them", () => {
    const useContexts = contextSpace(examplePolicy, "use");
    const forbidden = new Set(sample(arbs.forbiddenUseArb, 1000).map(key));
    for (const purpose of Object.keys(examplePolicy.purposes)) {
      for (const category of Object.keys(examplePolicy.categories)) {
        const never = useContexts.every(
          (c) => !guards.canUse(purpose as "fulfilment", category as "email", c).allowed,
        );
        expect(forbidden.has(`${purpose}|${category}`), `${purpose}|${category}`).toBe(never);
      }
    }
    // The fixture's own prohibitions and missing rules show up; a conditional rule does not.
    expect(forbidden).toContain("tax-filing|card");
    expect(forbidden).toContain("newsletter|card");
    expect(forbidden).not.toContain("newsletter|email");

    const shares = new Set(sample(arbs.forbiddenShareArb, 1000).map(key));
    expect(shares).toContain("ad-network|email");
    expect(shares).toContain("police|card");
    expect(shares).not.toContain("police|email");
  });

  it("generates allowed questions that the guards allow", () => {
    for (const q of sample(arbs.allowedUseArb)) {
      expect(guards.canUse(q.purpose, q.category as never, q.context).allowed).toBe(true);
    }
    for (const q of sample(arbs.allowedShareArb)) {
      expect(guards.canShare(q.category, q.recipient as never, q.context).allowed).toBe(true);
    }
  });

  it("generates hostile ids that are never declared ids, of every kind", () => {
    const ids = sample(arbs.hostileIdArb, 3000);
    const declared = new Set<unknown>([
      ...Object.keys(examplePolicy.purposes),
      ...Object.keys(examplePolicy.categories),
      ...Object.keys(examplePolicy.recipients),
    ]);
    expect(ids.filter((id) => declared.has(id))).toEqual([]);
    expect(ids).toContain("__proto__");
    expect(ids).toContain("constructor");
    expect(ids).toContain("toString");
    expect(ids).toContain("");
    expect(ids.some((id) => typeof id === "string" && id.length >= 1000)).toBe(true);
    expect(ids.some((id) => typeof id !== "string")).toBe(true);
    expect(ids.some((id) => typeof id === "string" && declared.has(id.trim()))).toBe(true);
  });

  it("generates valid retention dates from 1970 to 2100, month ends and leap days among them", () => {
    const contexts = sample(arbs.retentionContextArb, 2000);
    const dates = contexts.flatMap((c) =>
      [c.collectedAt, c.relationshipEndedAt, c.now].filter((d): d is Date => d !== undefined),
    );
    for (const d of dates) {
      expect(Number.isNaN(d.getTime())).toBe(false);
      expect(d.getUTCFullYear()).toBeGreaterThanOrEqual(1970);
      expect(d.getUTCFullYear()).toBeLessThanOrEqual(2100);
    }
    const isMonthEnd = (d: Date) => new Date(d.getTime() + 86_400_000).getUTCDate() === 1;
    expect(dates.some(isMonthEnd)).toBe(true);
    expect(dates.some((d) => d.getUTCMonth() === 1 && d.getUTCDate() === 29)).toBe(true);
    expect(contexts.some((c) => c.relationshipEndedAt === undefined)).toBe(true);
    expect(contexts.some((c) => c.legalHold === true)).toBe(true);
  });

  it("fails with the kind's name when asked to generate from an empty list", () => {
    const none = createArbitraries(
      definePolicy({ ...examplePolicy, rights: {} } as never) as Policy,
    );
    expect(() => sample(none.rightArb, 1)).toThrow(/declares no rights/);
  });
});
