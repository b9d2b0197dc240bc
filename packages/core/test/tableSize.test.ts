import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceDecide } from "../../../test-support/referenceEvaluator";
import { createGuards, type Policy, PolicyDefinitionError } from "../src";
import { definePolicy } from "../src/schemas";
import { declarationWith } from "./support/declarationWith";
import type { LooseGuards } from "./support/hostile";

const cite = { section: "§3", text: "a sentence of the policy" };

/** The example declaration with `count` new use flags, each a condition the newsletter reads. */
function withFlags(count: number, placement: (i: number) => "when" | "unless" = () => "when") {
  const names = Array.from({ length: count }, (_, i) => `flag${i}`);
  const changes: Record<string, unknown> = {};
  for (const name of names) {
    changes[`contextFields.${name}`] = { kind: "flag", appliesTo: ["use"], description: name };
    changes[`conditions.${name}`] = { ...cite, field: name };
  }
  changes["purposes.newsletter.uses.email"] = {
    when: names.filter((_, i) => placement(i) === "when"),
    unless: names.filter((_, i) => placement(i) === "unless"),
  };
  return { names, declaration: declarationWith(changes) };
}

/** The example declaration with a use choice of `count` values and one condition per value. */
function withChoice(count: number) {
  const values = Array.from({ length: count }, (_, i) => `v${i}`);
  const changes: Record<string, unknown> = {
    "contextFields.tier": {
      kind: "choice",
      appliesTo: ["use"],
      values,
      default: "v0",
      description: "the customer's tier",
    },
  };
  for (const value of values)
    changes[`conditions.tier-${value}`] = { ...cite, field: "tier", equals: value };
  // Every value but the last is excluded, so only the last one grants.
  changes["purposes.newsletter.uses.email"] = {
    unless: values.slice(0, -1).map((v) => `tier-${v}`),
  };
  return { values, declaration: declarationWith(changes) };
}

function definitionIssues(declaration: unknown) {
  try {
    definePolicy(declaration as never);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyDefinitionError);
    return (error as PolicyDefinitionError).issues;
  }
  return [];
}

describe("the size of a pair's decision table", () => {
  it.each([20, 31])(
    "refuses a rule reading %i independent flags, naming the rule and the limit",
    (count) => {
      const issues = definitionIssues(withFlags(count).declaration);
      expect(issues).toEqual([
        {
          path: "purposes.newsletter.uses.email",
          message: expect.stringContaining(
            `"newsletter" using "email" reads ${count} context fields`,
          ),
        },
      ]);
      expect(issues[0]?.message).toContain("at most 4096 combinations");
    },
  );

  it("refuses in createGuards a declaration that skipped definePolicy, before building a table", () => {
    const { declaration } = withFlags(31);
    expect(() => createGuards(declaration as never)).toThrow(PolicyDefinitionError);
    expect(() => createGuards(declaration as never)).toThrow(/made by definePolicy/);
  });

  it("names a prohibition that makes a pair without a rule read too many fields", () => {
    const { names, declaration } = withFlags(13);
    const d = declaration as {
      prohibitions: Record<string, unknown>;
      purposes: Record<string, { uses: Record<string, unknown> }>;
    };
    delete d.purposes.newsletter?.uses.email;
    d.prohibitions["no-newsletter"] = { ...cite, when: names, use: { purposes: ["newsletter"] } };
    const issues = definitionIssues(d);
    expect(issues.map((i) => i.path)).toContain("prohibitions");
    expect(issues.map((i) => i.message)).toContainEqual(
      expect.stringContaining('"newsletter" using "email" reads 13 context fields'),
    );
  });

  it("accepts a rule reading twelve flags, the limit, and decides every combination like the reference evaluator", () => {
    const { names, declaration } = withFlags(12, (i) => (i % 3 === 0 ? "unless" : "when"));
    const policy = definePolicy(declaration as never) as Policy;
    const guards = createGuards(policy) as unknown as LooseGuards;
    for (let bits = 0; bits < 1 << names.length; bits++) {
      const context = Object.fromEntries(names.map((n, i) => [n, (bits & (1 << i)) !== 0]));
      const decision = guards.canUse("newsletter", "email", context);
      const expected = referenceDecide(policy, "use", "newsletter", "email", context);
      expect(decision.allowed).toBe(expected.allowed);
      expect(decision.reasons.map((r) => r.code)).toEqual(expected.reasonCodes);
    }
  });

  it("decides a rule of 31 conditions on one choice field like the reference evaluator", () => {
    const { values, declaration } = withChoice(31);
    const policy = definePolicy(declaration as never) as Policy;
    const guards = createGuards(policy) as unknown as LooseGuards;
    for (const tier of [undefined, ...values]) {
      const context = tier === undefined ? undefined : { tier };
      const decision = guards.canUse("newsletter", "email", context);
      const expected = referenceDecide(policy, "use", "newsletter", "email", context);
      expect(decision.allowed).toBe(expected.allowed);
      expect(decision.reasons.map((r) => r.code)).toEqual(expected.reasonCodes);
    }
    expect(guards.canUse("newsletter", "email", { tier: "v30" }).allowed).toBe(true);
  });

  it("either refuses a random policy of many conditions at definition or decides like the reference evaluator", () => {
    const caseArb = fc
      .record({
        count: fc.integer({ min: 1, max: 24 }),
        placements: fc.array(fc.constantFrom("when" as const, "unless" as const), {
          minLength: 24,
          maxLength: 24,
        }),
      })
      .chain(({ count, placements }) =>
        fc.record({
          count: fc.constant(count),
          placements: fc.constant(placements),
          contexts: fc.array(
            fc.option(
              fc.array(fc.option(fc.boolean(), { nil: undefined }), {
                minLength: count,
                maxLength: count,
              }),
              {
                nil: undefined,
              },
            ),
            { minLength: 1, maxLength: 5 },
          ),
        }),
      );
    fc.assert(
      fc.property(caseArb, ({ count, placements, contexts }) => {
        const { names, declaration } = withFlags(count, (i) => placements[i] ?? "when");
        let policy: Policy;
        try {
          policy = definePolicy(declaration as never) as Policy;
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyDefinitionError);
          expect((error as PolicyDefinitionError).issues[0]?.message).toContain("at most 4096");
          expect(2 ** count).toBeGreaterThan(4096);
          return;
        }
        const guards = createGuards(policy) as unknown as LooseGuards;
        for (const values of contexts) {
          const context = values && Object.fromEntries(names.map((n, i) => [n, values[i]]));
          const decision = guards.canUse("newsletter", "email", context);
          const expected = referenceDecide(policy, "use", "newsletter", "email", context);
          expect(typeof decision.allowed).toBe("boolean");
          expect(decision.allowed).toBe(expected.allowed);
          expect(decision.reasons.map((r) => r.code)).toEqual(expected.reasonCodes);
        }
      }),
      { numRuns: 40 },
    );
  });
});
