import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceDecide } from "../../../../test-support/referenceEvaluator";
import { createGuards, type Decision, type Policy } from "../../src";
import { definePolicy } from "../../src/schemas";
import { contextArb, declarationArb, type RandomDeclaration } from "../support/arbitraries";
import { isDeepFrozen } from "../support/declarationWith";
import type { LooseGuards } from "../support/hostile";

function guardsOf(declaration: RandomDeclaration) {
  const policy = definePolicy(declaration as never) as Policy;
  return { policy, guards: createGuards(policy) as unknown as LooseGuards };
}

const summary = (d: Decision) => ({
  allowed: d.allowed,
  basis: d.basis,
  law: d.law,
  reasonCodes: d.reasons.map((r) => r.code),
  obligations: d.obligations.map((o) => o.id),
});

// Ids to ask about: every declared one, plus some the policy never declares.
const askedIds = (declared: readonly string[]) => [
  ...declared,
  "undeclared",
  "__proto__",
  "constructor",
];

const hostileArb = fc.oneof(
  fc.anything({
    withBoxedValues: true,
    withNullPrototype: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withBigInt: true,
  }),
  fc.string(),
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", ""),
);

describe("guards of random policies", () => {
  it("accept every generated declaration", () => {
    fc.assert(
      fc.property(declarationArb, (declaration) => {
        expect(() => guardsOf(declaration)).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });

  it("agree with the reference evaluator on every pair, for random contexts", () => {
    fc.assert(
      fc.property(
        declarationArb.chain((d) =>
          fc.tuple(fc.constant(d), fc.array(contextArb(d), { minLength: 1, maxLength: 4 })),
        ),
        ([declaration, contexts]) => {
          const { policy, guards } = guardsOf(declaration);
          const purposes = askedIds(Object.keys(policy.purposes));
          const categories = askedIds(Object.keys(policy.categories));
          const recipients = askedIds(Object.keys(policy.recipients));
          for (const context of [undefined, ...contexts]) {
            for (const category of categories) {
              for (const purpose of purposes) {
                expect(summary(guards.canUse(purpose, category, context))).toEqual(
                  referenceDecide(policy, "use", purpose, category, context),
                );
              }
              for (const recipient of recipients) {
                expect(summary(guards.canShare(category, recipient, context))).toEqual(
                  referenceDecide(policy, "share", category, recipient, context),
                );
              }
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never allow a pair the declaration does not permit by a rule", () => {
    fc.assert(
      fc.property(
        declarationArb.chain((d) => fc.tuple(fc.constant(d), contextArb(d))),
        ([declaration, context]) => {
          const { policy, guards } = guardsOf(declaration);
          for (const category of askedIds(Object.keys(policy.categories))) {
            for (const purpose of askedIds(Object.keys(policy.purposes))) {
              const declared =
                Object.hasOwn(policy.purposes, purpose) &&
                Object.hasOwn(policy.purposes[purpose]?.uses ?? {}, category);
              if (!declared) expect(guards.canUse(purpose, category, context).allowed).toBe(false);
            }
            for (const recipient of askedIds(Object.keys(policy.recipients))) {
              const declared =
                Object.hasOwn(policy.recipients, recipient) &&
                Object.hasOwn(policy.recipients[recipient]?.receives ?? {}, category);
              if (!declared)
                expect(guards.canShare(category, recipient, context).allowed).toBe(false);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never throw, whatever they are given, and agree with the reference", () => {
    fc.assert(
      fc.property(
        declarationArb.chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.oneof(
              fc.constantFrom(...Object.keys(d.purposes), ...Object.keys(d.categories)),
              hostileArb,
            ),
            fc.oneof(fc.constantFrom(...Object.keys(d.categories)), hostileArb),
            fc.oneof(contextArb(d), hostileArb),
          ),
        ),
        ([declaration, first, second, context]) => {
          const { policy, guards } = guardsOf(declaration);
          const use = guards.canUse(first, second, context);
          const share = guards.canShare(second, first, context);
          expect(summary(use)).toEqual(referenceDecide(policy, "use", first, second, context));
          expect(summary(share)).toEqual(referenceDecide(policy, "share", second, first, context));
          expect(isDeepFrozen(use) && isDeepFrozen(share)).toBe(true);
          expect(guards.isBoundTo(first, second, context)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("decide deterministically: the same question gives an equal frozen decision", () => {
    fc.assert(
      fc.property(
        declarationArb.chain((d) => fc.tuple(fc.constant(d), contextArb(d))),
        ([declaration, context]) => {
          const { policy, guards } = guardsOf(declaration);
          const again = createGuards(definePolicy(structuredClone(declaration) as never));
          for (const purpose of Object.keys(policy.purposes)) {
            for (const category of Object.keys(policy.categories)) {
              const decision = guards.canUse(purpose, category, context);
              expect(guards.canUse(purpose, category, context)).toEqual(decision);
              expect((again as unknown as LooseGuards).canUse(purpose, category, context)).toEqual(
                decision,
              );
              expect(guards.canUse(purpose, category)).toBe(guards.canUse(purpose, category));
              expect(isDeepFrozen(decision)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
