import { createArbitraries } from "@trunkiq/policy-testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canShare, policy, shareAt, sharePoints, show, violations } from "../support/points";

describe("no sale (§4 'We do not sell your personal information')", () => {
  it("§4: shares nothing with a data broker, in any context, and says it is prohibited", () => {
    const toBroker = sharePoints.filter((p) => p.recipient === "data-broker");
    expect(toBroker.length).toBeGreaterThan(0);
    expect(
      violations(toBroker, (p) => {
        const d = shareAt(p);
        return !d.allowed && d.reasons.some((r) => r.code === "prohibited" && r.section === "§4")
          ? null
          : show(p);
      }),
    ).toEqual([]);
  });

  it("§4: refuses every disclosure made for money, whoever receives it", () => {
    const sold = sharePoints.filter((p) => p.context.sale === true);
    expect(
      violations(sold, (p) =>
        shareAt(p).reasons.some((r) => r.code === "prohibited") && !shareAt(p).allowed
          ? null
          : show(p),
      ),
    ).toEqual([]);
  });

  it("§4: refuses a sale whatever else the request claims", () => {
    const arbs = createArbitraries(policy);
    fc.assert(
      fc.property(arbs.shareQuestionArb, ({ category, recipient, context }) => {
        expect(canShare(category, recipient, { ...context, sale: true }).allowed).toBe(false);
      }),
    );
  });
});
