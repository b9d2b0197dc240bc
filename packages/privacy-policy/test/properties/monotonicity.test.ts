import { describe, expect, it } from "vitest";
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

// Facts that can only ever grant: their absence must never allow more (§2(c), §4).
const granting = ["legalProcess", "businessTransfer", "necessaryToPreventHarm", "customerDirected"];

const appliesTo = (field: string, question: "use" | "share") =>
  (
    policy.contextFields[field as keyof typeof policy.contextFields].appliesTo as readonly string[]
  ).includes(question);

describe("monotonicity (§4)", () => {
  it("declares every field these properties turn on and off", () => {
    expect(Object.keys(policy.contextFields)).toEqual(
      expect.arrayContaining([...granting, "sale"]),
    );
  });

  it("§4 'We do not sell': turning on sale never turns a denial into an allowance", () => {
    const unsold = sharePoints.filter((p) => p.context.sale === false);
    expect(
      violations(unsold, (p) =>
        !shareAt(p).allowed && shareAt(p, { ...p.context, sale: true }).allowed
          ? `${show(p)} becomes allowed when sold`
          : null,
      ),
    ).toEqual([]);
  });

  for (const field of granting) {
    it(`§4: taking away ${field} never turns a denial into an allowance`, () => {
      const check = <P extends UsePoint | SharePoint>(
        points: readonly P[],
        decide: (p: P, c?: P["context"]) => { allowed: boolean },
      ) =>
        violations(
          points.filter((p) => p.context[field] === true),
          (p) =>
            !decide(p).allowed && decide(p, { ...p.context, [field]: false }).allowed
              ? `${show(p)} becomes allowed without ${field}`
              : null,
        );
      const found = [
        ...(appliesTo(field, "use") ? check(usePoints, useAt) : []),
        ...(appliesTo(field, "share") ? check(sharePoints, shareAt) : []),
      ];
      expect(found).toEqual([]);
    });
  }
});
