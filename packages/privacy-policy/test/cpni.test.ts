import { describe, expect, it } from "vitest";
import { type Category, canUse, policy } from "../src";

// CPNI: call records and the configuration of the service subscribed to (47 U.S.C. 222(h)(1)).
const CPNI = ["call-detail-record", "service-configuration"] as const;

describe("§3 marketing never uses CPNI (47 U.S.C. 222(c)(1), 47 CFR 64.2007)", () => {
  it.each(CPNI)("prohibits marketing use of %s, with consent or without", (category) => {
    for (const consent of [false, true]) {
      const decision = canUse("marketing", category as Category, { consent });
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toContainEqual(
        expect.objectContaining({ code: "prohibited", section: "§3" }),
      );
      expect(decision.reasons[0]?.message).toContain("marketing-no-cpni");
    }
  });

  it("states it as a prohibition, not as the absence of a grant", () => {
    expect(policy.prohibitions["marketing-no-cpni"].use).toEqual({
      purposes: ["marketing"],
      categories: [...CPNI],
    });
  });
});

describe("§3 product development uses CPNI only in aggregate (47 U.S.C. 222(c)(3))", () => {
  it.each(CPNI)("denies product development of individual %s", (category) => {
    const decision = canUse("product-development", category, { jurisdiction: "us" });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]).toMatchObject({ code: "condition-unmet", section: "§3" });
    expect(decision.reasons[0]?.message).toContain("aggregate-only");
  });

  it.each(CPNI)(
    "allows aggregate customer information from %s, on legitimate interest",
    (category) => {
      expect(
        canUse("product-development", category, { aggregate: true, jurisdiction: "us" }),
      ).toMatchObject({
        allowed: true,
        basis: "legitimate-interest",
      });
    },
  );

  it("leaves website usage, which is not CPNI, to the purpose's basis alone", () => {
    expect(canUse("product-development", "website-usage", { jurisdiction: "us" }).allowed).toBe(
      true,
    );
  });
});
