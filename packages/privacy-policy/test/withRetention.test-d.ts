import { describe, expectTypeOf, it } from "vitest";
import { type RetentionSchedule, withRetention } from "../src";

describe("withRetention checks a literal schedule against the law at compile time (§7)", () => {
  it("accepts periods within the declared limits", () => {
    withRetention({ "call-detail-record": { us: { months: 24 }, eea: { months: 3 } } });
    withRetention({ "kyc-document": { uk: { years: 6 } } });
  });

  it("refuses a period below the legal minimum", () => {
    // @ts-expect-error: 47 CFR 42.6 keeps US call detail records at least 18 months
    withRetention({ "call-detail-record": { us: { months: 12 } } });
    // @ts-expect-error: anti-money-laundering rules keep KYC documents at least 5 years
    withRetention({ "kyc-document": { eea: { years: 4, months: 11 } } });
  });

  it("refuses a period above the declared maximum", () => {
    // @ts-expect-error: storage limitation caps EEA visit data at 13 months
    withRetention({ "website-usage": { eea: { years: 2 } } });
  });

  it("refuses unknown categories and jurisdictions", () => {
    // @ts-expect-error: "cdr" is not a declared data category
    withRetention({ cdr: { us: { months: 24 } } });
    // @ts-expect-error: "mars" is not a declared jurisdiction
    withRetention({ "call-detail-record": { mars: { months: 24 } } });
  });

  it("leaves a schedule known only at runtime to the runtime check", () => {
    const fromConfig = (schedule: RetentionSchedule) => withRetention(schedule);
    expectTypeOf(fromConfig).returns.toHaveProperty("retentionFor");
  });
});
