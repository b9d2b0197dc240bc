import { describe, expectTypeOf, it } from "vitest";
import { type Category, canShare, canUse, type Purpose, type Recipient } from "../src";

describe("compile-time refusals (§3, §4)", () => {
  it("refuses literal uses and shares the policy never permits", () => {
    // @ts-expect-error: marketing may never use KYC documents (§3)
    canUse("marketing", "kyc-document");
    // @ts-expect-error: "sell" is not a purpose the policy declares (§3)
    canUse("sell", "account");
    // @ts-expect-error: nothing is ever shared with a data broker (§4: we do not sell)
    canShare("account", "data-broker");
    // @ts-expect-error: the analytics vendor receives website usage only (§4)
    canShare("payment-card", "analytics-vendor");
  });

  it("accepts literal pairs the policy permits in some context", () => {
    expectTypeOf(canUse("call-routing", "call-detail-record").basis).toEqualTypeOf<
      "contract" | null
    >();
    const marketing = canUse("marketing", "account", { consent: true });
    if (marketing.allowed) expectTypeOf(marketing.basis).toEqualTypeOf<"consent">();
  });

  it("offers consent for the consent-based purpose and not for a contractual one", () => {
    canUse("marketing", "account", { consent: true, jurisdiction: "eea" });
    // @ts-expect-error: consent plays no part in call routing (§3 performance of a contract)
    canUse("call-routing", "call-detail-record", { consent: true });
    canUse("call-routing", "communication-content", { storage: "transient" });
  });

  it("defers ids known only at runtime to the runtime check", () => {
    const fromRequest = (p: Purpose, c: Category, r: Recipient) => {
      canUse(p, c, { consent: false, storage: "stored" });
      canShare(c, r, { legalProcess: true });
    };
    expectTypeOf(fromRequest).toBeFunction();
  });
});
