import { describe, expect, it } from "vitest";
import { canShare, canUse, explain, policy } from "../src";

const europe = ["eea", "uk"] as const;

describe("§3 ePrivacy and PECR: traffic data in the EEA and the UK", () => {
  // Call records are CPNI wherever the caller is (47 U.S.C. 222(c)(3)): product development takes
  // them only as aggregate customer information, and in Europe the ePrivacy rule applies besides.
  it("lets product development use aggregate call records in the US on legitimate interest", () => {
    const decision = canUse("product-development", "call-detail-record", {
      jurisdiction: "us",
      aggregate: true,
    });
    expect(decision).toMatchObject({
      allowed: true,
      basis: "legitimate-interest",
      jurisdiction: "us",
    });
  });

  it.each(europe)("denies product development on identifiable call records in %s", (j) => {
    const decision = canUse("product-development", "call-detail-record", {
      jurisdiction: j,
      aggregate: true,
    });
    expect(decision).toMatchObject({ allowed: false, jurisdiction: j });
    expect(decision.reasons.map((r) => r.code)).toEqual(["condition-unmet", "condition-unmet"]);
  });

  it.each(europe)("allows it in %s with consent, on consent, under the ePrivacy rule", (j) => {
    const decision = canUse("product-development", "call-detail-record", {
      jurisdiction: j,
      aggregate: true,
      consent: true,
    });
    expect(decision).toMatchObject({ allowed: true, basis: "consent", jurisdiction: j });
    expect(decision.law).toMatch(j === "eea" ? /2002\/58\/EC Art\. 6\(3\)/ : /PECR 2003 reg\. 7/);
  });

  it.each(europe)("allows it in %s on anonymous aggregates", (j) => {
    const decision = canUse("product-development", "call-detail-record", {
      jurisdiction: j,
      aggregate: true,
      anonymised: true,
    });
    expect(decision).toMatchObject({ allowed: true, basis: "legitimate-interest" });
    expect(decision.law).toMatch(/anonymous/);
  });

  it.each(europe)("keeps traffic data for transmission, monitoring and fraud in %s", (j) => {
    for (const purpose of ["call-routing", "service-monitoring", "abuse-prevention"] as const) {
      expect(canUse(purpose, "call-detail-record", { jurisdiction: j }).allowed).toBe(true);
      expect(canUse(purpose, "ip-address", { jurisdiction: j }).allowed).toBe(true);
    }
    expect(canShare("call-detail-record", "upstream-carrier", { jurisdiction: j }).allowed).toBe(
      true,
    );
  });

  it.each(europe)("needs cookie consent in %s to analyse website usage", (j) => {
    for (const purpose of ["service-monitoring", "product-development"] as const) {
      expect(canUse(purpose, "website-usage", { jurisdiction: j }).allowed).toBe(false);
      const decision = canUse(purpose, "website-usage", { jurisdiction: j, cookieConsent: true });
      expect(decision).toMatchObject({ allowed: true, basis: "consent", jurisdiction: j });
      expect(decision.law).toMatch(j === "eea" ? /Art\. 5\(3\).*C-673\/17/ : /PECR 2003 reg\. 6/);
      expect(canUse(purpose, "website-usage", { jurisdiction: "us" }).basis).toBe(
        "legitimate-interest",
      );
    }
  });

  it.each(europe)(
    "discloses website usage to the analytics vendor in %s only with cookie consent",
    (j) => {
      expect(canShare("website-usage", "analytics-vendor", { jurisdiction: j }).allowed).toBe(
        false,
      );
      const decision = canShare("website-usage", "analytics-vendor", {
        jurisdiction: j,
        cookieConsent: true,
      });
      expect(decision).toMatchObject({ allowed: true, basis: "consent" });
      expect(decision.obligations.map((o) => o.id)).toEqual(["vendor-contract"]);
      expect(canShare("website-usage", "analytics-vendor", { jurisdiction: "us" }).allowed).toBe(
        true,
      );
    },
  );

  it("refuses a question about such a pair that names no jurisdiction, naming the field", () => {
    const loose = canUse as unknown as (
      p: string,
      c: string,
      ctx?: object,
    ) => ReturnType<typeof canUse>;
    for (const context of [undefined, {}, { consent: true }, { jurisdiction: undefined }]) {
      const decision = loose("product-development", "call-detail-record", context);
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toEqual([
        expect.objectContaining({
          code: "invalid-input",
          message: expect.stringContaining('"jurisdiction"'),
        }),
      ]);
    }
  });
});

describe("§3 legal obligations name their law in each jurisdiction", () => {
  it("declares the legal-obligation basis as one that needs a law (GDPR Art. 6(3))", () => {
    expect(policy.bases["legal-obligation"].requiresLaw).toBe(true);
    for (const id of ["kyc-verification", "lawful-request", "regulatory-compliance"] as const) {
      expect(policy.purposes[id].law.binds).toEqual(["us"]);
    }
  });

  it("rests KYC verification on the FCC rule in the US and on preventing fraud in Europe", () => {
    const us = canUse("kyc-verification", "kyc-document", { jurisdiction: "us" });
    expect(us).toMatchObject({ allowed: true, basis: "legal-obligation" });
    expect(us.law).toMatch(/47 CFR 64\.1200\(n\)/);
    for (const j of europe) {
      const decision = canUse("kyc-verification", "kyc-document", { jurisdiction: j });
      expect(decision).toMatchObject({ allowed: true, basis: "legitimate-interest" });
      expect(decision.law).toMatch(j === "eea" ? /2015\/849/ : /Money Laundering Regulations/);
    }
  });

  it("answers a lawful request under the law of the place it binds", () => {
    const ask = (jurisdiction: "us" | "eea" | "uk") =>
      canUse("lawful-request", "account", { legalProcess: true, jurisdiction });
    expect(ask("us").law).toMatch(/18 U\.S\.C\. 2703/);
    expect(ask("eea")).toMatchObject({ allowed: true, basis: "legal-obligation" });
    expect(ask("eea").law).toMatch(/EU or Member State law.*Art\. 48/);
    expect(ask("uk").law).toMatch(/UK law/);
    expect(canUse("lawful-request", "account", { jurisdiction: "eea" }).allowed).toBe(false);
  });

  it("keeps US regulatory records of European data on legitimate interest, never traffic data", () => {
    const us = canUse("regulatory-compliance", "call-detail-record", { jurisdiction: "us" });
    expect(us).toMatchObject({ allowed: true, basis: "legal-obligation" });
    expect(us.law).toMatch(/47 CFR 42\.6/);
    for (const j of europe) {
      const record = canUse("regulatory-compliance", "payment-transaction", { jurisdiction: j });
      expect(record).toMatchObject({ allowed: true, basis: "legitimate-interest" });
      const traffic = canUse("regulatory-compliance", "call-detail-record", { jurisdiction: j });
      expect(traffic).toMatchObject({ allowed: false, basis: null, jurisdiction: j });
      expect(traffic.reasons[0]?.code).toBe("not-permitted");
      expect(traffic.law).toMatch(j === "eea" ? /2002\/58\/EC Art\. 6\(1\)/ : /PECR 2003 reg\. 7/);
    }
  });

  it("says in the explanation which jurisdiction and which law decided", () => {
    const text = explain(
      canUse("regulatory-compliance", "call-detail-record", { jurisdiction: "eea" }),
    );
    expect(text).toMatch(/^DENIED: "regulatory-compliance" using "call-detail-record" \(eea\)/);
    expect(text).toContain("law: Directive 2002/58/EC Art. 6(1)");
    const allowed = explain(canUse("kyc-verification", "account", { jurisdiction: "us" }));
    expect(allowed).toContain("basis: legal-obligation (47 CFR 64.1200(n)(4)");
  });
});

describe("§4 legal and regulatory authorities, by jurisdiction", () => {
  it("discloses to an authority under the law of the place, telling the customer", () => {
    for (const jurisdiction of ["us", "eea", "uk"] as const) {
      const decision = canShare("call-detail-record", "authority", {
        legalProcess: true,
        jurisdiction,
      });
      expect(decision).toMatchObject({ allowed: true, basis: "legal-obligation", jurisdiction });
      expect(decision.obligations.map((o) => o.id)).toEqual(["notify-customer"]);
    }
    expect(
      canShare("account", "authority", { legalProcess: true, jurisdiction: "eea" }).law,
    ).toMatch(/GDPR Art\. 48/);
  });
});
