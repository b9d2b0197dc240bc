// Generated from the policy declaration by renderCompileTimeTests: do not edit by hand.
import { describe, it } from "vitest";
import { canShare, canUse } from "../src";

describe("compile time agrees with the policy matrix", () => {
  it("compiles a literal use exactly when some context permits it (§3)", () => {
    canUse("account-management", "account");
    // @ts-expect-error: "account-management" may never use "kyc-document" (§3)
    canUse("account-management", "kyc-document");
    // @ts-expect-error: "account-management" may never use "support-communication" (§3)
    canUse("account-management", "support-communication");
    // @ts-expect-error: "account-management" may never use "payment-transaction" (§3)
    canUse("account-management", "payment-transaction");
    // @ts-expect-error: "account-management" may never use "payment-card" (§3)
    canUse("account-management", "payment-card");
    // @ts-expect-error: "account-management" may never use "call-detail-record" (§3)
    canUse("account-management", "call-detail-record");
    // @ts-expect-error: "account-management" may never use "ip-address" (§3)
    canUse("account-management", "ip-address");
    canUse("account-management", "service-configuration");
    // @ts-expect-error: "account-management" may never use "website-usage" (§3)
    canUse("account-management", "website-usage");
    // @ts-expect-error: "account-management" may never use "communication-content" (§3)
    canUse("account-management", "communication-content");
    canUse("payment-processing", "account");
    // @ts-expect-error: "payment-processing" may never use "kyc-document" (§3)
    canUse("payment-processing", "kyc-document");
    // @ts-expect-error: "payment-processing" may never use "support-communication" (§3)
    canUse("payment-processing", "support-communication");
    canUse("payment-processing", "payment-transaction");
    canUse("payment-processing", "payment-card");
    // @ts-expect-error: "payment-processing" may never use "call-detail-record" (§3)
    canUse("payment-processing", "call-detail-record");
    // @ts-expect-error: "payment-processing" may never use "ip-address" (§3)
    canUse("payment-processing", "ip-address");
    // @ts-expect-error: "payment-processing" may never use "service-configuration" (§3)
    canUse("payment-processing", "service-configuration");
    // @ts-expect-error: "payment-processing" may never use "website-usage" (§3)
    canUse("payment-processing", "website-usage");
    // @ts-expect-error: "payment-processing" may never use "communication-content" (§3)
    canUse("payment-processing", "communication-content");
    canUse("customer-support", "account");
    // @ts-expect-error: "customer-support" may never use "kyc-document" (§3)
    canUse("customer-support", "kyc-document");
    canUse("customer-support", "support-communication");
    // @ts-expect-error: "customer-support" may never use "payment-transaction" (§3)
    canUse("customer-support", "payment-transaction");
    // @ts-expect-error: "customer-support" may never use "payment-card" (§3)
    canUse("customer-support", "payment-card");
    canUse("customer-support", "call-detail-record");
    // @ts-expect-error: "customer-support" may never use "ip-address" (§3)
    canUse("customer-support", "ip-address");
    canUse("customer-support", "service-configuration");
    // @ts-expect-error: "customer-support" may never use "website-usage" (§3)
    canUse("customer-support", "website-usage");
    // @ts-expect-error: "customer-support" may never use "communication-content" (§3)
    canUse("customer-support", "communication-content");
    // @ts-expect-error: "call-routing" may never use "account" (§3)
    canUse("call-routing", "account");
    // @ts-expect-error: "call-routing" may never use "kyc-document" (§3)
    canUse("call-routing", "kyc-document");
    // @ts-expect-error: "call-routing" may never use "support-communication" (§3)
    canUse("call-routing", "support-communication");
    // @ts-expect-error: "call-routing" may never use "payment-transaction" (§3)
    canUse("call-routing", "payment-transaction");
    // @ts-expect-error: "call-routing" may never use "payment-card" (§3)
    canUse("call-routing", "payment-card");
    canUse("call-routing", "call-detail-record");
    canUse("call-routing", "ip-address");
    canUse("call-routing", "service-configuration");
    // @ts-expect-error: "call-routing" may never use "website-usage" (§3)
    canUse("call-routing", "website-usage");
    canUse("call-routing", "communication-content");
    canUse("platform-access", "account");
    // @ts-expect-error: "platform-access" may never use "kyc-document" (§3)
    canUse("platform-access", "kyc-document");
    // @ts-expect-error: "platform-access" may never use "support-communication" (§3)
    canUse("platform-access", "support-communication");
    // @ts-expect-error: "platform-access" may never use "payment-transaction" (§3)
    canUse("platform-access", "payment-transaction");
    // @ts-expect-error: "platform-access" may never use "payment-card" (§3)
    canUse("platform-access", "payment-card");
    // @ts-expect-error: "platform-access" may never use "call-detail-record" (§3)
    canUse("platform-access", "call-detail-record");
    canUse("platform-access", "ip-address");
    canUse("platform-access", "service-configuration");
    // @ts-expect-error: "platform-access" may never use "website-usage" (§3)
    canUse("platform-access", "website-usage");
    // @ts-expect-error: "platform-access" may never use "communication-content" (§3)
    canUse("platform-access", "communication-content");
    // @ts-expect-error: "call-recording" may never use "account" (§2(c))
    canUse("call-recording", "account");
    // @ts-expect-error: "call-recording" may never use "kyc-document" (§2(c))
    canUse("call-recording", "kyc-document");
    // @ts-expect-error: "call-recording" may never use "support-communication" (§2(c))
    canUse("call-recording", "support-communication");
    // @ts-expect-error: "call-recording" may never use "payment-transaction" (§2(c))
    canUse("call-recording", "payment-transaction");
    // @ts-expect-error: "call-recording" may never use "payment-card" (§2(c))
    canUse("call-recording", "payment-card");
    // @ts-expect-error: "call-recording" may never use "call-detail-record" (§2(c))
    canUse("call-recording", "call-detail-record");
    // @ts-expect-error: "call-recording" may never use "ip-address" (§2(c))
    canUse("call-recording", "ip-address");
    // @ts-expect-error: "call-recording" may never use "service-configuration" (§2(c))
    canUse("call-recording", "service-configuration");
    // @ts-expect-error: "call-recording" may never use "website-usage" (§2(c))
    canUse("call-recording", "website-usage");
    canUse("call-recording", "communication-content");
    // @ts-expect-error: "kyc-verification" using "account" depends on the jurisdiction
    canUse("kyc-verification", "account");
    canUse("kyc-verification", "account", { jurisdiction: "us" });
    // @ts-expect-error: "kyc-verification" using "kyc-document" depends on the jurisdiction
    canUse("kyc-verification", "kyc-document");
    canUse("kyc-verification", "kyc-document", { jurisdiction: "us" });
    // @ts-expect-error: "kyc-verification" may never use "support-communication" (§3)
    canUse("kyc-verification", "support-communication");
    // @ts-expect-error: "kyc-verification" may never use "payment-transaction" (§3)
    canUse("kyc-verification", "payment-transaction");
    // @ts-expect-error: "kyc-verification" may never use "payment-card" (§3)
    canUse("kyc-verification", "payment-card");
    // @ts-expect-error: "kyc-verification" may never use "call-detail-record" (§3)
    canUse("kyc-verification", "call-detail-record");
    // @ts-expect-error: "kyc-verification" may never use "ip-address" (§3)
    canUse("kyc-verification", "ip-address");
    // @ts-expect-error: "kyc-verification" may never use "service-configuration" (§3)
    canUse("kyc-verification", "service-configuration");
    // @ts-expect-error: "kyc-verification" may never use "website-usage" (§3)
    canUse("kyc-verification", "website-usage");
    // @ts-expect-error: "kyc-verification" may never use "communication-content" (§3)
    canUse("kyc-verification", "communication-content");
    // @ts-expect-error: "lawful-request" using "account" depends on the jurisdiction
    canUse("lawful-request", "account");
    canUse("lawful-request", "account", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" using "kyc-document" depends on the jurisdiction
    canUse("lawful-request", "kyc-document");
    canUse("lawful-request", "kyc-document", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" using "support-communication" depends on the jurisdiction
    canUse("lawful-request", "support-communication");
    canUse("lawful-request", "support-communication", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" using "payment-transaction" depends on the jurisdiction
    canUse("lawful-request", "payment-transaction");
    canUse("lawful-request", "payment-transaction", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" may never use "payment-card" (§3)
    canUse("lawful-request", "payment-card");
    // @ts-expect-error: "lawful-request" using "call-detail-record" depends on the jurisdiction
    canUse("lawful-request", "call-detail-record");
    canUse("lawful-request", "call-detail-record", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" using "ip-address" depends on the jurisdiction
    canUse("lawful-request", "ip-address");
    canUse("lawful-request", "ip-address", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" using "service-configuration" depends on the jurisdiction
    canUse("lawful-request", "service-configuration");
    canUse("lawful-request", "service-configuration", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" using "website-usage" depends on the jurisdiction
    canUse("lawful-request", "website-usage");
    canUse("lawful-request", "website-usage", { jurisdiction: "us" });
    // @ts-expect-error: "lawful-request" using "communication-content" depends on the jurisdiction
    canUse("lawful-request", "communication-content");
    canUse("lawful-request", "communication-content", { jurisdiction: "us" });
    // @ts-expect-error: "regulatory-compliance" using "account" depends on the jurisdiction
    canUse("regulatory-compliance", "account");
    canUse("regulatory-compliance", "account", { jurisdiction: "us" });
    // @ts-expect-error: "regulatory-compliance" using "kyc-document" depends on the jurisdiction
    canUse("regulatory-compliance", "kyc-document");
    canUse("regulatory-compliance", "kyc-document", { jurisdiction: "us" });
    // @ts-expect-error: "regulatory-compliance" may never use "support-communication" (§3)
    canUse("regulatory-compliance", "support-communication");
    // @ts-expect-error: "regulatory-compliance" using "payment-transaction" depends on the jurisdiction
    canUse("regulatory-compliance", "payment-transaction");
    canUse("regulatory-compliance", "payment-transaction", { jurisdiction: "us" });
    // @ts-expect-error: "regulatory-compliance" may never use "payment-card" (§3)
    canUse("regulatory-compliance", "payment-card");
    // @ts-expect-error: "regulatory-compliance" using "call-detail-record" depends on the jurisdiction
    canUse("regulatory-compliance", "call-detail-record");
    canUse("regulatory-compliance", "call-detail-record", { jurisdiction: "us" });
    // @ts-expect-error: "regulatory-compliance" may never use "ip-address" (§3)
    canUse("regulatory-compliance", "ip-address");
    // @ts-expect-error: "regulatory-compliance" may never use "service-configuration" (§3)
    canUse("regulatory-compliance", "service-configuration");
    // @ts-expect-error: "regulatory-compliance" may never use "website-usage" (§3)
    canUse("regulatory-compliance", "website-usage");
    // @ts-expect-error: "regulatory-compliance" may never use "communication-content" (§3)
    canUse("regulatory-compliance", "communication-content");
    // @ts-expect-error: "service-monitoring" may never use "account" (§3)
    canUse("service-monitoring", "account");
    // @ts-expect-error: "service-monitoring" may never use "kyc-document" (§3)
    canUse("service-monitoring", "kyc-document");
    // @ts-expect-error: "service-monitoring" may never use "support-communication" (§3)
    canUse("service-monitoring", "support-communication");
    // @ts-expect-error: "service-monitoring" may never use "payment-transaction" (§3)
    canUse("service-monitoring", "payment-transaction");
    // @ts-expect-error: "service-monitoring" may never use "payment-card" (§3)
    canUse("service-monitoring", "payment-card");
    canUse("service-monitoring", "call-detail-record");
    canUse("service-monitoring", "ip-address");
    canUse("service-monitoring", "service-configuration");
    // @ts-expect-error: "service-monitoring" using "website-usage" depends on the jurisdiction
    canUse("service-monitoring", "website-usage");
    canUse("service-monitoring", "website-usage", { jurisdiction: "us" });
    // @ts-expect-error: "service-monitoring" may never use "communication-content" (§3)
    canUse("service-monitoring", "communication-content");
    // @ts-expect-error: "product-development" may never use "account" (§3)
    canUse("product-development", "account");
    // @ts-expect-error: "product-development" may never use "kyc-document" (§3)
    canUse("product-development", "kyc-document");
    // @ts-expect-error: "product-development" may never use "support-communication" (§3)
    canUse("product-development", "support-communication");
    // @ts-expect-error: "product-development" may never use "payment-transaction" (§3)
    canUse("product-development", "payment-transaction");
    // @ts-expect-error: "product-development" may never use "payment-card" (§3)
    canUse("product-development", "payment-card");
    // @ts-expect-error: "product-development" using "call-detail-record" depends on the jurisdiction
    canUse("product-development", "call-detail-record");
    canUse("product-development", "call-detail-record", { jurisdiction: "us" });
    // @ts-expect-error: "product-development" may never use "ip-address" (§3)
    canUse("product-development", "ip-address");
    canUse("product-development", "service-configuration");
    // @ts-expect-error: "product-development" using "website-usage" depends on the jurisdiction
    canUse("product-development", "website-usage");
    canUse("product-development", "website-usage", { jurisdiction: "us" });
    // @ts-expect-error: "product-development" may never use "communication-content" (§3)
    canUse("product-development", "communication-content");
    canUse("abuse-prevention", "account");
    // @ts-expect-error: "abuse-prevention" may never use "kyc-document" (§3)
    canUse("abuse-prevention", "kyc-document");
    // @ts-expect-error: "abuse-prevention" may never use "support-communication" (§3)
    canUse("abuse-prevention", "support-communication");
    canUse("abuse-prevention", "payment-transaction");
    // @ts-expect-error: "abuse-prevention" may never use "payment-card" (§3)
    canUse("abuse-prevention", "payment-card");
    canUse("abuse-prevention", "call-detail-record");
    canUse("abuse-prevention", "ip-address");
    canUse("abuse-prevention", "service-configuration");
    canUse("abuse-prevention", "website-usage");
    // @ts-expect-error: "abuse-prevention" may never use "communication-content" (§3)
    canUse("abuse-prevention", "communication-content");
    canUse("agreement-enforcement", "account");
    // @ts-expect-error: "agreement-enforcement" may never use "kyc-document" (§3)
    canUse("agreement-enforcement", "kyc-document");
    canUse("agreement-enforcement", "support-communication");
    canUse("agreement-enforcement", "payment-transaction");
    // @ts-expect-error: "agreement-enforcement" may never use "payment-card" (§3)
    canUse("agreement-enforcement", "payment-card");
    canUse("agreement-enforcement", "call-detail-record");
    // @ts-expect-error: "agreement-enforcement" may never use "ip-address" (§3)
    canUse("agreement-enforcement", "ip-address");
    canUse("agreement-enforcement", "service-configuration");
    // @ts-expect-error: "agreement-enforcement" may never use "website-usage" (§3)
    canUse("agreement-enforcement", "website-usage");
    // @ts-expect-error: "agreement-enforcement" may never use "communication-content" (§3)
    canUse("agreement-enforcement", "communication-content");
    canUse("marketing", "account");
    // @ts-expect-error: "marketing" may never use "kyc-document" (§3)
    canUse("marketing", "kyc-document");
    // @ts-expect-error: "marketing" may never use "support-communication" (§3)
    canUse("marketing", "support-communication");
    // @ts-expect-error: "marketing" may never use "payment-transaction" (§3)
    canUse("marketing", "payment-transaction");
    // @ts-expect-error: "marketing" may never use "payment-card" (§3)
    canUse("marketing", "payment-card");
    // @ts-expect-error: "marketing" may never use "call-detail-record" (§3)
    canUse("marketing", "call-detail-record");
    // @ts-expect-error: "marketing" may never use "ip-address" (§3)
    canUse("marketing", "ip-address");
    // @ts-expect-error: "marketing" may never use "service-configuration" (§3)
    canUse("marketing", "service-configuration");
    canUse("marketing", "website-usage");
    // @ts-expect-error: "marketing" may never use "communication-content" (§3)
    canUse("marketing", "communication-content");
  });

  it("compiles a literal share exactly when some context permits it (§4)", () => {
    canShare("account", "upstream-carrier");
    canShare("account", "payment-processor");
    canShare("account", "cloud-hosting");
    // @ts-expect-error: "account" may never be shared with "analytics-vendor" (§4)
    canShare("account", "analytics-vendor");
    canShare("account", "support-vendor");
    // @ts-expect-error: sharing "account" with "authority" depends on the jurisdiction
    canShare("account", "authority");
    canShare("account", "authority", { jurisdiction: "us" });
    canShare("account", "acquirer");
    canShare("account", "investigating-party");
    // @ts-expect-error: "account" may never be shared with "data-broker" (§4)
    canShare("account", "data-broker");
    // @ts-expect-error: "kyc-document" may never be shared with "upstream-carrier" (§4)
    canShare("kyc-document", "upstream-carrier");
    // @ts-expect-error: "kyc-document" may never be shared with "payment-processor" (§4)
    canShare("kyc-document", "payment-processor");
    canShare("kyc-document", "cloud-hosting");
    // @ts-expect-error: "kyc-document" may never be shared with "analytics-vendor" (§4)
    canShare("kyc-document", "analytics-vendor");
    // @ts-expect-error: "kyc-document" may never be shared with "support-vendor" (§4)
    canShare("kyc-document", "support-vendor");
    // @ts-expect-error: sharing "kyc-document" with "authority" depends on the jurisdiction
    canShare("kyc-document", "authority");
    canShare("kyc-document", "authority", { jurisdiction: "us" });
    canShare("kyc-document", "acquirer");
    canShare("kyc-document", "investigating-party");
    // @ts-expect-error: "kyc-document" may never be shared with "data-broker" (§4)
    canShare("kyc-document", "data-broker");
    // @ts-expect-error: "support-communication" may never be shared with "upstream-carrier" (§4)
    canShare("support-communication", "upstream-carrier");
    // @ts-expect-error: "support-communication" may never be shared with "payment-processor" (§4)
    canShare("support-communication", "payment-processor");
    canShare("support-communication", "cloud-hosting");
    // @ts-expect-error: "support-communication" may never be shared with "analytics-vendor" (§4)
    canShare("support-communication", "analytics-vendor");
    canShare("support-communication", "support-vendor");
    // @ts-expect-error: sharing "support-communication" with "authority" depends on the jurisdiction
    canShare("support-communication", "authority");
    canShare("support-communication", "authority", { jurisdiction: "us" });
    canShare("support-communication", "acquirer");
    // @ts-expect-error: "support-communication" may never be shared with "investigating-party" (§4)
    canShare("support-communication", "investigating-party");
    // @ts-expect-error: "support-communication" may never be shared with "data-broker" (§4)
    canShare("support-communication", "data-broker");
    // @ts-expect-error: "payment-transaction" may never be shared with "upstream-carrier" (§4)
    canShare("payment-transaction", "upstream-carrier");
    canShare("payment-transaction", "payment-processor");
    canShare("payment-transaction", "cloud-hosting");
    // @ts-expect-error: "payment-transaction" may never be shared with "analytics-vendor" (§4)
    canShare("payment-transaction", "analytics-vendor");
    // @ts-expect-error: "payment-transaction" may never be shared with "support-vendor" (§4)
    canShare("payment-transaction", "support-vendor");
    // @ts-expect-error: sharing "payment-transaction" with "authority" depends on the jurisdiction
    canShare("payment-transaction", "authority");
    canShare("payment-transaction", "authority", { jurisdiction: "us" });
    canShare("payment-transaction", "acquirer");
    canShare("payment-transaction", "investigating-party");
    // @ts-expect-error: "payment-transaction" may never be shared with "data-broker" (§4)
    canShare("payment-transaction", "data-broker");
    // @ts-expect-error: "payment-card" may never be shared with "upstream-carrier" (§4)
    canShare("payment-card", "upstream-carrier");
    canShare("payment-card", "payment-processor");
    // @ts-expect-error: "payment-card" may never be shared with "cloud-hosting" (§4)
    canShare("payment-card", "cloud-hosting");
    // @ts-expect-error: "payment-card" may never be shared with "analytics-vendor" (§4)
    canShare("payment-card", "analytics-vendor");
    // @ts-expect-error: "payment-card" may never be shared with "support-vendor" (§4)
    canShare("payment-card", "support-vendor");
    // @ts-expect-error: "payment-card" may never be shared with "authority" (§4)
    canShare("payment-card", "authority");
    // @ts-expect-error: "payment-card" may never be shared with "acquirer" (§4)
    canShare("payment-card", "acquirer");
    // @ts-expect-error: "payment-card" may never be shared with "investigating-party" (§4)
    canShare("payment-card", "investigating-party");
    // @ts-expect-error: "payment-card" may never be shared with "data-broker" (§4)
    canShare("payment-card", "data-broker");
    canShare("call-detail-record", "upstream-carrier");
    // @ts-expect-error: "call-detail-record" may never be shared with "payment-processor" (§4)
    canShare("call-detail-record", "payment-processor");
    canShare("call-detail-record", "cloud-hosting");
    // @ts-expect-error: "call-detail-record" may never be shared with "analytics-vendor" (§4)
    canShare("call-detail-record", "analytics-vendor");
    // @ts-expect-error: "call-detail-record" may never be shared with "support-vendor" (§4)
    canShare("call-detail-record", "support-vendor");
    // @ts-expect-error: sharing "call-detail-record" with "authority" depends on the jurisdiction
    canShare("call-detail-record", "authority");
    canShare("call-detail-record", "authority", { jurisdiction: "us" });
    canShare("call-detail-record", "acquirer");
    canShare("call-detail-record", "investigating-party");
    // @ts-expect-error: "call-detail-record" may never be shared with "data-broker" (§4)
    canShare("call-detail-record", "data-broker");
    canShare("ip-address", "upstream-carrier");
    // @ts-expect-error: "ip-address" may never be shared with "payment-processor" (§4)
    canShare("ip-address", "payment-processor");
    canShare("ip-address", "cloud-hosting");
    // @ts-expect-error: "ip-address" may never be shared with "analytics-vendor" (§4)
    canShare("ip-address", "analytics-vendor");
    // @ts-expect-error: "ip-address" may never be shared with "support-vendor" (§4)
    canShare("ip-address", "support-vendor");
    // @ts-expect-error: sharing "ip-address" with "authority" depends on the jurisdiction
    canShare("ip-address", "authority");
    canShare("ip-address", "authority", { jurisdiction: "us" });
    canShare("ip-address", "acquirer");
    canShare("ip-address", "investigating-party");
    // @ts-expect-error: "ip-address" may never be shared with "data-broker" (§4)
    canShare("ip-address", "data-broker");
    // @ts-expect-error: "service-configuration" may never be shared with "upstream-carrier" (§4)
    canShare("service-configuration", "upstream-carrier");
    // @ts-expect-error: "service-configuration" may never be shared with "payment-processor" (§4)
    canShare("service-configuration", "payment-processor");
    canShare("service-configuration", "cloud-hosting");
    // @ts-expect-error: "service-configuration" may never be shared with "analytics-vendor" (§4)
    canShare("service-configuration", "analytics-vendor");
    // @ts-expect-error: "service-configuration" may never be shared with "support-vendor" (§4)
    canShare("service-configuration", "support-vendor");
    // @ts-expect-error: sharing "service-configuration" with "authority" depends on the jurisdiction
    canShare("service-configuration", "authority");
    canShare("service-configuration", "authority", { jurisdiction: "us" });
    canShare("service-configuration", "acquirer");
    canShare("service-configuration", "investigating-party");
    // @ts-expect-error: "service-configuration" may never be shared with "data-broker" (§4)
    canShare("service-configuration", "data-broker");
    // @ts-expect-error: "website-usage" may never be shared with "upstream-carrier" (§4)
    canShare("website-usage", "upstream-carrier");
    // @ts-expect-error: "website-usage" may never be shared with "payment-processor" (§4)
    canShare("website-usage", "payment-processor");
    canShare("website-usage", "cloud-hosting");
    // @ts-expect-error: sharing "website-usage" with "analytics-vendor" depends on the jurisdiction
    canShare("website-usage", "analytics-vendor");
    canShare("website-usage", "analytics-vendor", { jurisdiction: "us" });
    // @ts-expect-error: "website-usage" may never be shared with "support-vendor" (§4)
    canShare("website-usage", "support-vendor");
    // @ts-expect-error: sharing "website-usage" with "authority" depends on the jurisdiction
    canShare("website-usage", "authority");
    canShare("website-usage", "authority", { jurisdiction: "us" });
    canShare("website-usage", "acquirer");
    // @ts-expect-error: "website-usage" may never be shared with "investigating-party" (§4)
    canShare("website-usage", "investigating-party");
    // @ts-expect-error: "website-usage" may never be shared with "data-broker" (§4)
    canShare("website-usage", "data-broker");
    canShare("communication-content", "upstream-carrier");
    // @ts-expect-error: "communication-content" may never be shared with "payment-processor" (§4)
    canShare("communication-content", "payment-processor");
    canShare("communication-content", "cloud-hosting");
    // @ts-expect-error: "communication-content" may never be shared with "analytics-vendor" (§4)
    canShare("communication-content", "analytics-vendor");
    // @ts-expect-error: "communication-content" may never be shared with "support-vendor" (§4)
    canShare("communication-content", "support-vendor");
    // @ts-expect-error: sharing "communication-content" with "authority" depends on the jurisdiction
    canShare("communication-content", "authority");
    canShare("communication-content", "authority", { jurisdiction: "us" });
    canShare("communication-content", "acquirer");
    // @ts-expect-error: "communication-content" may never be shared with "investigating-party" (§4)
    canShare("communication-content", "investigating-party");
    // @ts-expect-error: "communication-content" may never be shared with "data-broker" (§4)
    canShare("communication-content", "data-broker");
  });
});
