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

  it("§4: refuses every disclosure made for money, whoever receives it, but a business transfer to the new owner (Cal. Civ. Code 1798.140(ad)(2)(C))", () => {
    const sold = sharePoints.filter((p) => p.context.sale === true && p.recipient !== "acquirer");
    expect(
      violations(sold, (p) =>
        shareAt(p).reasons.some((r) => r.code === "prohibited") && !shareAt(p).allowed
          ? null
          : show(p),
      ),
    ).toEqual([]);
  });

  it("§4: refuses a sale whatever else the request claims, unless it is a business transfer to the new owner", () => {
    const arbs = createArbitraries(policy);
    fc.assert(
      fc.property(arbs.shareQuestionArb, ({ category, recipient, context }) => {
        const transfer = recipient === "acquirer" && context.businessTransfer === true;
        if (!transfer) {
          expect(canShare(category, recipient, { ...context, sale: true }).allowed).toBe(false);
        }
      }),
    );
  });

  it("§4: a business transfer to the new owner is not a sale (Cal. Civ. Code 1798.140(ad)(2)(C))", () => {
    const transfers = sharePoints.filter(
      (p) => p.recipient === "acquirer" && p.context.businessTransfer === true,
    );
    expect(
      violations(transfers, (p) =>
        shareAt(p).allowed === shareAt(p, { ...p.context, sale: !p.context.sale }).allowed
          ? null
          : show(p),
      ),
    ).toEqual([]);
  });

  it("§4: no share for cross-context behavioural advertising, whoever receives it (Cal. Civ. Code 1798.120, 1798.140(ah))", () => {
    const advertising = sharePoints.filter((p) => p.context.crossContextAdvertising === true);
    expect(advertising.length).toBeGreaterThan(0);
    expect(
      violations(advertising, (p) => {
        const d = shareAt(p);
        return !d.allowed && d.reasons.some((r) => r.code === "prohibited") ? null : show(p);
      }),
    ).toEqual([]);
  });
});
