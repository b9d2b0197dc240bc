// Differential check: the compiled guards agree, on every finite point, with a plain reading of
// the declaration that knows nothing of the engine's tables and masks.
import { describe, expect, it } from "vitest";
import { referenceDecide } from "../../../../test-support/referenceEvaluator";
import {
  policy,
  type SharePoint,
  shareAt,
  sharePoints,
  show,
  type UsePoint,
  useAt,
  usePoints,
  violations,
} from "../support/points";

// The plain reading of any declaration, shared with core's differential tests.
const referenceUse = (p: UsePoint) =>
  referenceDecide(policy, "use", p.purpose, p.category, p.context);
const referenceShare = (p: SharePoint) =>
  referenceDecide(policy, "share", p.category, p.recipient, p.context);

const observed = (d: ReturnType<typeof useAt> | ReturnType<typeof shareAt>) => ({
  allowed: d.allowed,
  basis: d.basis,
  law: d.law,
  reasonCodes: d.reasons.map((r) => r.code),
  obligations: d.obligations.map((o) => o.id),
});

describe("the guards agree with a plain reading of the declaration (§3, §4)", () => {
  it("decides every purpose × category in every use context as the declaration reads (§3)", () => {
    expect(
      violations(usePoints, (p) => {
        const [got, want] = [observed(useAt(p)), referenceUse(p)];
        return JSON.stringify(got) === JSON.stringify(want)
          ? null
          : `${show(p)}: got ${JSON.stringify(got)}, declaration says ${JSON.stringify(want)}`;
      }),
    ).toEqual([]);
  }, 60_000);

  it("decides every category × recipient in every share context as the declaration reads (§4)", () => {
    expect(
      violations(sharePoints, (p) => {
        const [got, want] = [observed(shareAt(p)), referenceShare(p)];
        return JSON.stringify(got) === JSON.stringify(want)
          ? null
          : `${show(p)}: got ${JSON.stringify(got)}, declaration says ${JSON.stringify(want)}`;
      }),
    ).toEqual([]);
  }, 60_000);

  it("cites the policy on every reason and names the policy version on every decision", () => {
    const sections = /^§\d+(\([a-z]\))?$/;
    const all = [...usePoints.map((p) => useAt(p)), ...sharePoints.map((p) => shareAt(p))];
    const bad = all.filter(
      (d) =>
        d.reasons.length === 0 ||
        d.reasons.some((r) => !sections.test(r.section) || r.text.length === 0) ||
        d.policy.id !== policy.id ||
        d.policy.version !== policy.version,
    );
    expect(bad).toEqual([]);
  });
});
