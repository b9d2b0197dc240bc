import { createArbitraries } from "@trunkiq/policy-testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as trunkiq from "../../src";
import {
  canShare,
  canUse,
  policy,
  shareAt,
  shareContexts,
  sharePoints,
  show,
  useAt,
  useContexts,
  usePoints,
  violations,
} from "../support/points";

const arbs = createArbitraries(policy);
const retentionFor = trunkiq.retentionFor as unknown as (
  c: unknown,
  ctx: unknown,
) => ReturnType<typeof trunkiq.retentionFor>;
const retentionCutoff = trunkiq.retentionCutoff as unknown as (
  c: unknown,
  ctx: unknown,
) => ReturnType<typeof trunkiq.retentionCutoff>;

const invalid = (d: { allowed: boolean; reasons: readonly { code: string }[] }) =>
  d.allowed === false && d.reasons.length > 0 && d.reasons.every((r) => r.code === "invalid-input");

describe("closed world (§3, §4, §7: only what the policy lists)", () => {
  it("§3: allows a use only where the purpose's declaration lists the category", () => {
    expect(
      violations(usePoints, (p) =>
        useAt(p).allowed &&
        !Object.hasOwn(policy.purposes[p.purpose as keyof typeof policy.purposes].uses, p.category)
          ? show(p)
          : null,
      ),
    ).toEqual([]);
  });

  it("§4: allows a share only where the recipient's declaration lists the category", () => {
    expect(
      violations(sharePoints, (p) =>
        shareAt(p).allowed &&
        !Object.hasOwn(
          policy.recipients[p.recipient as keyof typeof policy.recipients].receives,
          p.category,
        )
          ? show(p)
          : null,
      ),
    ).toEqual([]);
  });

  it("§3: denies any purpose or category outside the vocabulary as invalid input, never throwing", () => {
    fc.assert(
      fc.property(
        arbs.hostileIdArb,
        arbs.purposeArb,
        arbs.categoryArb,
        arbs.useContextArb,
        (hostile, purpose, category, context) => {
          expect(invalid(canUse(hostile, category, context))).toBe(true);
          expect(invalid(canUse(purpose, hostile, context))).toBe(true);
          expect(invalid(canUse(hostile, hostile))).toBe(true);
        },
      ),
    );
  });

  it("§4: denies any category or recipient outside the vocabulary as invalid input, never throwing", () => {
    fc.assert(
      fc.property(
        arbs.hostileIdArb,
        arbs.categoryArb,
        arbs.recipientArb,
        arbs.shareContextArb,
        (hostile, category, recipient, context) => {
          expect(invalid(canShare(hostile, recipient, context))).toBe(true);
          expect(invalid(canShare(category, hostile, context))).toBe(true);
          expect(invalid(canShare(hostile, hostile))).toBe(true);
        },
      ),
    );
  });

  it("§3, §4: answers a hostile context with a denial or with the decision of a declared context", () => {
    fc.assert(
      fc.property(
        arbs.useQuestionArb,
        arbs.shareQuestionArb,
        arbs.hostileContextArb,
        (u, s, hostile) => {
          const use = canUse(u.purpose, u.category, hostile);
          const share = canShare(s.category, s.recipient, hostile);
          // Decisions are precomputed per pair, so a readable context yields one of them by identity.
          expect(
            invalid(use) || useContexts.some((c) => canUse(u.purpose, u.category, c) === use),
          ).toBe(true);
          expect(
            invalid(share) ||
              shareContexts.some((c) => canShare(s.category, s.recipient, c) === share),
          ).toBe(true);
        },
      ),
    );
  });

  it("§7: never expires or cuts off anything for an unknown category or an unreadable context", () => {
    fc.assert(
      fc.property(
        arbs.hostileIdArb,
        arbs.retentionCategoryArb,
        arbs.retentionContextArb,
        arbs.hostileContextArb,
        (hostile, category, context, hostileContext) => {
          for (const d of [
            retentionFor(hostile, context),
            retentionFor(category, hostileContext),
            // An omitted jurisdiction means the default one, so `undefined` is not hostile here.
            ...(hostile === undefined
              ? []
              : [retentionFor(category, { ...context, jurisdiction: hostile })]),
          ]) {
            expect(d.expired).toBe(false);
            expect(d.until).toBeNull();
            expect(d.reasons.map((r) => r.code)).toEqual(["invalid-input"]);
          }
          const now = context.now ?? context.collectedAt;
          for (const d of [
            retentionCutoff(hostile, { now }),
            retentionCutoff(category, hostileContext),
            ...(hostile === undefined
              ? []
              : [retentionCutoff(category, { now, jurisdiction: hostile })]),
          ]) {
            expect(d.cutoff).toBeNull();
            expect(d.reasons.map((r) => r.code)).toEqual(["invalid-input"]);
          }
        },
      ),
    );
  });
});
