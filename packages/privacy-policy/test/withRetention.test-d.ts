import { describe, expectTypeOf, it } from "vitest";
import { type RetentionSchedule, withRetention } from "../src";

describe("withRetention checks a literal schedule against the law at compile time (§7)", () => {
  it("accepts periods within the declared limits", () => {
    withRetention({ "call-detail-record": { us: { months: 24 }, eea: { months: 3 } } });
    withRetention({ "kyc-document": { eea: { years: 10 }, us: { years: 1 } } });
    withRetention({ account: { us: { months: 18 } } });
  });

  it("refuses a period below the legal minimum", () => {
    // @ts-expect-error: 47 CFR 42.6 keeps US call detail records at least 18 months
    withRetention({ "call-detail-record": { us: { months: 12 } } });
    // @ts-expect-error: 47 CFR 42.6 keeps the caller's name, address and number 18 months too
    withRetention({ account: { us: { years: 1 } } });
  });

  it("refuses a period above the declared maximum", () => {
    // @ts-expect-error: storage limitation caps EEA visit data at 13 months
    withRetention({ "website-usage": { eea: { years: 2 } } });
    // @ts-expect-error: MLR 2017 reg. 40 deletes KYC documents when the 5 years end
    withRetention({ "kyc-document": { uk: { years: 6 } } });
    // @ts-expect-error: Directive (EU) 2015/849 Art. 40(1) allows at most 5 more years
    withRetention({ "kyc-document": { eea: { years: 10, months: 1 } } });
    // @ts-expect-error: recordings are deleted or returned when the services end (Art. 28(3)(g))
    withRetention({ "communication-content": { eea: { months: 1 } } });
    // @ts-expect-error: EEA call records go once the bill can no longer be challenged
    withRetention({ "call-detail-record": { eea: { months: 13 } } });
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
