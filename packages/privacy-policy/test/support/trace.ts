/**
 * Where each sentence of sections 2–10 lives in code. A sentence that states a rule names the
 * declarations (paths into `policy`) or guards (exports of this package) that encode it; one
 * that states no rule says why. The trace test fails when a sentence of the text is missing
 * here, when a path or guard does not exist, or when a declaration cites a section the text
 * lacks.
 */
export interface TraceEntry {
  readonly section: string;
  /** The opening words of the sentence, enough to find it in the text. */
  readonly opening: string;
  /** Paths into the declaration, e.g. `purposes.marketing.uses.account`. */
  readonly declarations?: readonly string[];
  /** Exported guards that enforce the sentence beyond the declaration. */
  readonly guards?: readonly string[];
  /** Why the sentence states no rule of its own. */
  readonly informative?: string;
  /** The law the encoding rests on where it decides more than the sentence says. */
  readonly law?: readonly string[];
}

/** The map from the policy's sentences to the declarations and guards that encode them. */
export const trace: readonly TraceEntry[] = [
  {
    section: "§2",
    opening: "We collect information in several ways",
    informative: "introduces the categories below",
  },
  {
    section: "§2(a)",
    opening: "Account & KYC Information: When you sign up",
    declarations: ["categories.account", "purposes.account-management"],
  },
  {
    section: "§2(a)",
    opening: "This includes your company name",
    declarations: ["categories.account", "categories.kyc-document"],
  },
  {
    section: "§2(a)",
    opening: "Communications with Us:",
    declarations: [
      "categories.support-communication",
      "purposes.customer-support.uses.support-communication",
    ],
  },
  {
    section: "§2(a)",
    opening: "Payment Information: When you make payments",
    declarations: [
      "categories.payment-transaction",
      "purposes.payment-processing.uses.payment-transaction",
    ],
  },
  {
    section: "§2(a)",
    opening: "We use third-party payment processors",
    declarations: ["categories.payment-card", "recipients.payment-processor.receives.payment-card"],
  },
  {
    section: "§2(a)",
    opening: "We do not store your full credit card number",
    declarations: [
      "purposes.payment-processing.uses.payment-card",
      "retention.payment-card",
      "prohibitions.marketing-excluded-data",
    ],
    guards: ["paymentTransactionSchema", "containsFullCardNumber"],
  },
  {
    section: "§2(b)",
    opening: "Service & Traffic Data (Metadata)",
    declarations: [
      "categories.call-detail-record",
      "categories.ip-address",
      "categories.service-configuration",
    ],
  },
  {
    section: "§2(b)",
    opening: "This includes, but is not limited to:",
    informative: "introduces the list of metadata below",
  },
  {
    section: "§2(b)",
    opening: "Call Detail Records (CDRs):",
    declarations: ["categories.call-detail-record"],
    guards: ["callDetailRecordSchema"],
  },
  { section: "§2(b)", opening: "IP Addresses:", declarations: ["categories.ip-address"] },
  {
    section: "§2(b)",
    opening: "Service Configuration Data:",
    declarations: ["categories.service-configuration"],
  },
  {
    section: "§2(b)",
    opening: "Website Usage Data:",
    declarations: [
      "categories.website-usage",
      "recipients.analytics-vendor.receives.website-usage",
    ],
  },
  {
    section: "§2(b)",
    opening: "This may include your IP address, browser type",
    declarations: ["categories.website-usage"],
  },
  {
    section: "§2(c)",
    opening: "Content of Communications:",
    declarations: [
      "categories.communication-content",
      "conditions.transient-only",
      "conditions.customer-directed",
      "purposes.call-routing.uses.communication-content",
      "purposes.call-recording.uses.communication-content",
      "recipients.upstream-carrier.receives.communication-content",
    ],
    guards: ["communicationContentRecordSchema"],
  },
  {
    section: "§2(c)",
    opening: "You, the Customer, are responsible for the content",
    declarations: ["purposes.call-recording"],
  },
  {
    section: "§3",
    opening: "We use the information we collect for the following purposes",
    declarations: ["scopes.use", "bases"],
  },
  {
    section: "§3",
    opening: "To Provide and Maintain Our Services (Performance of a Contract)",
    declarations: ["bases.contract"],
  },
  {
    section: "§3",
    opening: "To create and manage your account, process payments",
    declarations: [
      "purposes.account-management",
      "purposes.payment-processing",
      "purposes.customer-support",
    ],
  },
  {
    section: "§3",
    opening: "To route your calls and other communications",
    declarations: ["purposes.call-routing", "recipients.upstream-carrier"],
  },
  {
    section: "§3",
    opening: "To provide you with access to our platforms",
    declarations: ["purposes.platform-access"],
  },
  {
    section: "§3",
    opening: "To Meet Our Legal and Compliance Obligations",
    declarations: ["bases.legal-obligation"],
  },
  {
    section: "§3",
    opening: "To conduct KYC verification",
    declarations: ["purposes.kyc-verification"],
  },
  {
    section: "§3",
    opening: "To respond to lawful requests",
    declarations: [
      "purposes.lawful-request",
      "contextFields.legalProcess",
      "conditions.reaches-subscriber-information",
      "conditions.reaches-records",
      "conditions.search-warrant",
      "purposes.lawful-request.uses.communication-content",
      "prohibitions.no-foreign-order-answer",
    ],
    law: ["18 U.S.C. 2703(a)–(d)", "18 U.S.C. 2702(c)(4)", "GDPR Art. 48"],
  },
  {
    section: "§3",
    opening: "To comply with telecommunications regulations",
    declarations: ["purposes.regulatory-compliance"],
  },
  {
    section: "§3",
    opening: "For Our Legitimate Business Interests",
    declarations: ["bases.legitimate-interest"],
  },
  {
    section: "§3",
    opening: "To monitor and improve the performance",
    declarations: ["purposes.service-monitoring"],
  },
  {
    section: "§3",
    opening: "To analyze usage trends",
    declarations: [
      "purposes.product-development",
      "contextFields.aggregate",
      "conditions.aggregate-only",
    ],
    law: ["47 U.S.C. 222(c)(1), (c)(3), (h)(2)"],
  },
  {
    section: "§3",
    opening: "To protect our network, our customers, and the public",
    declarations: ["purposes.abuse-prevention"],
  },
  {
    section: "§3",
    opening: "To enforce our Master Services Agreement",
    declarations: ["purposes.agreement-enforcement"],
  },
  {
    section: "§3",
    opening: "With Your Consent (Consent):",
    declarations: ["bases.consent", "conditions.consent"],
  },
  {
    section: "§3",
    opening: "To send you marketing communications",
    declarations: [
      "purposes.marketing",
      "prohibitions.marketing-excluded-data",
      "prohibitions.marketing-no-cpni",
    ],
    law: ["47 U.S.C. 222(c)(1)", "47 CFR 64.2007–64.2008"],
  },
  {
    section: "§3",
    opening: "You may opt-out of these communications",
    declarations: ["obligations.honour-opt-out"],
    guards: ["consentAt"],
  },
  {
    section: "§4",
    opening: "We do not sell your personal information.",
    declarations: ["prohibitions.no-sale", "prohibitions.no-data-broker", "recipients.data-broker"],
  },
  {
    section: "§4",
    opening: "We may share your information with third parties only",
    declarations: ["scopes.share", "recipients"],
  },
  {
    section: "§4",
    opening: "Underlying Carriers and Service Providers:",
    declarations: [
      "recipients.upstream-carrier",
      "recipients.upstream-carrier.receives.account",
      "obligations.route-only",
    ],
    law: ["47 U.S.C. 222(d)(1), (d)(4)", "47 CFR 9.11"],
  },
  {
    section: "§4",
    opening: "Third-Party Vendors:",
    declarations: [
      "recipients.payment-processor",
      "recipients.cloud-hosting",
      "recipients.analytics-vendor",
      "recipients.support-vendor",
      "recipients.payment-processor.receives.account",
      "recipients.support-vendor.receives.account",
    ],
    law: ["GDPR Art. 28"],
  },
  {
    section: "§4",
    opening: "These vendors are contractually obligated",
    declarations: [
      "obligations.vendor-contract",
      "contextFields.crossContextAdvertising",
      "conditions.cross-context-advertising",
      "prohibitions.no-cross-context-advertising",
    ],
    law: ["Cal. Civ. Code 1798.120, 1798.140(ah)"],
  },
  {
    section: "§4",
    opening: "Legal and Regulatory Authorities:",
    declarations: [
      "recipients.authority",
      "contextFields.legalProcess",
      "conditions.reaches-subscriber-information",
      "conditions.reaches-records",
      "conditions.reaches-content",
      "prohibitions.interception-needs-order",
      "prohibitions.stored-needs-warrant",
      "prohibitions.no-foreign-order",
    ],
    law: [
      "18 U.S.C. 2703(a)–(d)",
      "18 U.S.C. 2518",
      "47 U.S.C. 1002(a)",
      "18 U.S.C. 2702(c)(4)",
      "GDPR Art. 48",
    ],
  },
  {
    section: "§4",
    opening: "We will notify you of such requests",
    declarations: ["obligations.notify-customer", "conditions.disclosure-prohibited"],
  },
  {
    section: "§4",
    opening: "Business Transfers:",
    declarations: ["recipients.acquirer", "conditions.business-transfer", "prohibitions.no-sale"],
    law: ["Cal. Civ. Code 1798.140(ad)(2)(C)"],
  },
  {
    section: "§4",
    opening: "To Protect Rights and Property:",
    declarations: ["recipients.investigating-party", "conditions.harm-prevention"],
  },
  {
    section: "§5",
    opening: "As a customer of our Services, you act as the",
    declarations: [
      "commitments.roles",
      "purposes.call-recording",
      "retention.communication-content",
    ],
    // Requests about content are referred to the customer (GDPR Arts. 28(3)(e), 29).
    guards: ["canExercise", "planRequest"],
  },
  {
    section: "§5",
    opening: "This includes the content of your communications",
    declarations: ["categories.communication-content", "categories.communication-content.role"],
    law: ["GDPR Art. 28", "GDPR Art. 30(2)"],
  },
  {
    section: "§5",
    opening: "You are solely responsible for ensuring",
    informative: "the customer's duty as controller; nothing for TrunkIQ's services to decide",
  },
  {
    section: "§6",
    opening: "We implement appropriate technical and organizational",
    declarations: ["commitments.security"],
  },
  {
    section: "§6",
    opening: "These measures include encryption",
    declarations: ["commitments.security"],
  },
  { section: "§6", opening: "However, no method of transmission", informative: "a disclaimer" },
  {
    section: "§7",
    opening: "We retain your information for as long as necessary",
    declarations: ["scopes.retention", "retention"],
    guards: ["withRetention"],
  },
  {
    section: "§7",
    opening: "Account Information is kept for the duration",
    declarations: ["retention.account", "retention.account.us.minimum"],
    // Erasure yields while the EEA and UK rules keep it for legal claims (Art. 17(3)(e)).
    guards: ["retentionFor", "withRetention", "canExercise", "planRequest"],
  },
  {
    section: "§7",
    opening: "Call Detail Records (CDRs) are retained",
    declarations: [
      "retention.call-detail-record",
      "retention.call-detail-record.eea.maximum",
      "retention.call-detail-record.uk.maximum",
    ],
    // A child's call records stay restricted while 47 CFR 42.6 keeps them (Art. 17(3)(b)).
    guards: ["withRetention", "retentionCutoff", "canExercise", "planChildDataDiscovery"],
  },
  {
    section: "§7",
    opening: "KYC Documents are retained as required",
    declarations: [
      "retention.kyc-document",
      "retention.kyc-document.eea.maximum",
      "retention.kyc-document.uk.maximum",
    ],
    guards: ["withRetention", "canExercise", "planChildDataDiscovery"],
  },
  {
    section: "§8",
    opening: "We are based in the United States",
    informative: "a statement of fact; the transfer rule follows",
  },
  {
    section: "§8",
    opening: "If you are located in the European Economic Area",
    guards: ["canTransfer"],
  },
  {
    section: "§8",
    opening: "When we transfer personal data outside of these regions",
    declarations: ["commitments.transfers"],
    guards: ["canTransfer"],
  },
  {
    section: "§9",
    opening: "Depending on your location, you may have the following rights",
    declarations: ["rights"],
    guards: ["canExercise"],
  },
  {
    section: "§9",
    opening: "The right to access:",
    declarations: ["rights.access"],
    guards: ["canExercise", "planRequest"],
  },
  {
    section: "§9",
    opening: "The right to rectification:",
    declarations: ["rights.rectification"],
    guards: ["canExercise", "planRequest"],
  },
  {
    section: "§9",
    opening: "The right to erasure:",
    declarations: ["rights.erasure"],
    guards: ["canExercise", "planRequest"],
  },
  {
    section: "§9",
    opening: "The right to restrict processing:",
    declarations: ["rights.restriction"],
    guards: ["canExercise", "planRequest"],
  },
  {
    section: "§9",
    opening: "The right to object to processing:",
    declarations: ["rights.objection"],
    guards: ["canExercise", "planRequest"],
  },
  {
    section: "§9",
    opening: "The right to data portability:",
    declarations: ["rights.portability"],
    guards: ["canExercise", "planRequest"],
  },
  {
    section: "§9",
    opening: "To exercise any of these rights, please contact us",
    informative: "how to reach TrunkIQ; §12 gives the address",
  },
  {
    section: "§10",
    opening: "Our Services are not intended for or directed at individuals under the age of 16",
    declarations: ["commitments.minimumAge"],
    guards: ["canCollect"],
  },
  {
    section: "§10",
    opening: "We do not knowingly collect personal information from children",
    guards: ["canCollect"],
  },
  {
    section: "§10",
    opening: "If we become aware that we have collected personal information from a child",
    guards: ["planChildDataDiscovery"],
  },
];
