import { createArbitraries } from "@trunkiq/policy-testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as trunkiq from "../../src";
import {
  canShare,
  canUse,
  categories,
  policy,
  purposes,
  recipients,
  shareAt,
  sharePoints,
  show,
  useAt,
  usePoints,
  violations,
} from "../support/points";

const deeplyFrozen = (value: unknown): boolean =>
  value === null ||
  typeof value !== "object" ||
  value instanceof Date ||
  (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));

const unstable = (first: unknown, second: unknown) =>
  JSON.stringify(first) !== JSON.stringify(second) || !deeplyFrozen(first);

describe("determinism (§11: a decision names the policy it was made under)", () => {
  it("gives every use point the same deeply frozen decision each time it is asked", () => {
    expect(
      violations(usePoints, (p) =>
        unstable(useAt(p), canUse(p.purpose, p.category, { ...p.context })) ? show(p) : null,
      ),
    ).toEqual([]);
  });

  it("gives every share point the same deeply frozen decision each time it is asked", () => {
    expect(
      violations(sharePoints, (p) =>
        unstable(shareAt(p), canShare(p.category, p.recipient, { ...p.context })) ? show(p) : null,
      ),
    ).toEqual([]);
  });

  it("decides an omitted context exactly as an empty one", () => {
    // The context plays no part here, so every pair is asked once.
    for (const purpose of purposes) {
      for (const category of categories) {
        expect(canUse(purpose, category)).toEqual(canUse(purpose, category, {}));
      }
    }
    for (const category of categories) {
      for (const recipient of recipients) {
        expect(canShare(category, recipient)).toEqual(canShare(category, recipient, {}));
      }
    }
  });

  it("§7: gives the same deeply frozen retention decision and cutoff for the same input", () => {
    const arbs = createArbitraries(policy);
    fc.assert(
      fc.property(arbs.retentionQuestionArb, arbs.dateArb, ({ category, context }, now) => {
        const at = { ...context, now };
        const first = trunkiq.retentionFor(category, at);
        const again = trunkiq.retentionFor(category, { ...at });
        expect(again).toEqual(first);
        expect(deeplyFrozen(first)).toBe(true);
        const cutoff = trunkiq.retentionCutoff(category, {
          now,
          ...(context.jurisdiction ? { jurisdiction: context.jurisdiction } : {}),
        });
        expect(
          trunkiq.retentionCutoff(category, {
            now: new Date(now),
            ...(context.jurisdiction ? { jurisdiction: context.jurisdiction } : {}),
          }),
        ).toEqual(cutoff);
        expect(deeplyFrozen(cutoff)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
