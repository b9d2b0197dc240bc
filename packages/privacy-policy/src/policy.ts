import { declaredPolicy } from "@trunkiq/policy-core/engine";

// The TrunkIQ Privacy Policy, "Last Updated: July 7, 2025", clause by clause.
// Where the text leaves a choice open the declaration grants the least, and says why beside it.

const VENDOR = {
  section: "§4",
  text: "These vendors are contractually obligated to protect your information and are not permitted to use it for their own purposes.",
} as const;

// Clauses many declarations cite.
const AS_LONG_AS_NECESSARY = {
  section: "§7",
  text: "We retain your information for as long as necessary to fulfill the purposes outlined in this Privacy Policy, unless a longer retention period is required or permitted by law.",
} as const;
const ACCOUNT_RETENTION = {
  section: "§7",
  text: "Account Information is kept for the duration of your relationship with us and for a reasonable period thereafter for legal and accounting purposes.",
} as const;
const CDR_RETENTION = {
  section: "§7",
  text: "Call Detail Records (CDRs) are retained for billing, troubleshooting, and legal compliance for a period defined by our data retention policies and applicable law.",
} as const;
const KYC_RETENTION = {
  section: "§7",
  text: "KYC Documents are retained as required by anti-money laundering regulations.",
} as const;
const CARD_NEVER_STORED = {
  section: "§2(a)",
  text: "We do not store your full credit card number on our servers.",
} as const;
const CONTENT_CLAUSE = {
  section: "§2(c)",
  text: "We do not access or store the content of your phone calls (the audio) or other communications, except as transiently necessary to transmit them through our network or as explicitly directed by you",
} as const;

const ACCOUNT_SERVICES = {
  section: "§3",
  text: "To create and manage your account, process payments, and provide customer support.",
} as const;
const WITH_CONSENT = { section: "§3", text: "With Your Consent (Consent)" } as const;
const USAGE_TRENDS = {
  section: "§3",
  text: "To analyze usage trends to develop new products and features.",
} as const;
const MARKETING = {
  section: "§3",
  text: "To send you marketing communications about our products and services.",
} as const;
const NO_SALE = { section: "§4", text: "We do not sell your personal information." } as const;
const NOTIFY_UNLESS_PROHIBITED = {
  section: "§4",
  text: "We will notify you of such requests unless legally prohibited from doing so.",
} as const;
const CARD_PROCESSORS = {
  section: "§2(a)",
  text: "We use third-party payment processors to handle payment card information securely. We do not store your full credit card number on our servers.",
} as const;
const TRANSIENT_TRANSMISSION = {
  section: "§2(c)",
  text: "except as transiently necessary to transmit them through our network",
} as const;

// ePrivacy Directive 2002/58/EC Art. 6(1)–(5) and PECR 2003 reg. 7–8: traffic data (call detail
// records, signalling IP addresses) may be processed for transmission, billing, traffic management,
// customer enquiries and fraud, or with consent; otherwise it is erased or made anonymous.
const TRAFFIC_DATA_BY_CONSENT = {
  eea: [
    {
      basis: "consent",
      when: ["traffic-data-consent"],
      law: "Directive 2002/58/EC Art. 6(3)–(4): traffic data for other services only with consent",
    },
    {
      when: ["anonymised-aggregate"],
      law: "Directive 2002/58/EC Art. 6(1): traffic data made anonymous",
    },
  ],
  uk: [
    {
      basis: "consent",
      when: ["traffic-data-consent"],
      law: "PECR 2003 reg. 7(3)–(4), reg. 8: traffic data for other services only with consent",
    },
    { when: ["anonymised-aggregate"], law: "PECR 2003 reg. 7(1): traffic data made anonymous" },
  ],
} as const;

// Art. 5(3) of the ePrivacy Directive (PECR reg. 6 in the UK): reading or storing cookies for
// analytics needs consent, not legitimate interest (CJEU C-673/17, Planet49).
const COOKIES_BY_CONSENT = {
  eea: {
    basis: "consent",
    when: ["cookie-consent"],
    law: "Directive 2002/58/EC Art. 5(3): analytics cookies need consent (CJEU C-673/17, Planet49)",
  },
  uk: {
    basis: "consent",
    when: ["cookie-consent"],
    law: "PECR 2003 reg. 6: analytics cookies need consent",
  },
} as const;

const LEGAL_PROCESS = {
  section: "§4",
  text: "We may disclose your information if required by law, regulation, or a valid legal process.",
} as const;
const PROTECT_RIGHTS = {
  section: "§4",
  text: "To Protect Rights and Property: We may disclose information when we believe it is necessary to prevent harm, financial loss, or in connection with an investigation of suspected or actual illegal activity.",
} as const;
const CARRIERS = {
  section: "§4",
  text: "Underlying Carriers and Service Providers: We share information (primarily traffic data like phone numbers and IP addresses) with our upstream telecommunications carriers and other service providers as necessary to route your calls and provide the Services.",
} as const;

// §4: an authority receives data only under the process that reaches it, and the customer is
// told unless the law forbids it (18 U.S.C. 2705(b)).
const NOTIFY = [{ id: "notify-customer", unless: ["disclosure-prohibited"] }] as const;
// 18 U.S.C. 2703(c)(2): a subpoena reaches name, address, connection records and session times
// (CDRs, 2703(c)(2)(C)), the network address assigned (IP) and the means of payment; so does any
// greater process (2703(c)(1)) and an emergency request (2702(c)(4)).
const ON_SUBSCRIBER_PROCESS = {
  when: ["reaches-subscriber-information"],
  obligations: NOTIFY,
} as const;
// 18 U.S.C. 2703(d): other records about a customer need at least a court order.
const ON_RECORDS_PROCESS = { when: ["reaches-records"], obligations: NOTIFY } as const;

/** The TrunkIQ Privacy Policy of July 7, 2025 as a frozen, typed declaration. */
// Validated in full by test/policy.test.ts, not again at every import.
export const policy = declaredPolicy({
  id: "trunkiq-privacy-policy",
  version: "2025-07-07",
  title: "TrunkIQ LLC Privacy Policy",
  jurisdictions: ["us", "eea", "uk"],
  scopes: {
    use: {
      section: "§3",
      text: "We use the information we collect for the following purposes, based on a lawful basis for processing",
    },
    share: {
      section: "§4",
      text: "We may share your information with third parties only in the following circumstances",
    },
    retention: AS_LONG_AS_NECESSARY,
  },

  bases: {
    contract: {
      section: "§3",
      text: "To Provide and Maintain Our Services (Performance of a Contract)",
      gdpr: "Art. 6(1)(b)",
    },
    // GDPR Art. 6(3): an obligation laid down by the law of one place is no legal obligation in
    // another; each purpose and recipient on this basis names its law and where it binds.
    "legal-obligation": {
      section: "§3",
      text: "To Meet Our Legal and Compliance Obligations (Legal Obligation)",
      gdpr: "Art. 6(1)(c)",
      requiresLaw: true,
    },
    "legitimate-interest": {
      section: "§3",
      text: "For Our Legitimate Business Interests (Legitimate Interest)",
      gdpr: "Art. 6(1)(f)",
    },
    consent: { ...WITH_CONSENT, gdpr: "Art. 6(1)(a)" },
  },

  categories: {
    account: {
      section: "§2(a)",
      text: "your company name, the name of your authorized representative, business address, email address, phone number",
      subjects: ["customers' authorised representatives", "prospective customers"],
    },
    "kyc-document": {
      section: "§2(a)",
      text: "any documents required for our Know Your Customer (KYC) verification process (such as government-issued IDs, proof of address, and company formation documents)",
      subjects: ["customers' authorised representatives"],
    },
    "support-communication": {
      section: "§2(a)",
      text: "Communications with Us: We collect information when you communicate with our customer support, sales, or technical teams, including the content of your emails, chats, or phone calls.",
      subjects: ["customers' staff", "prospective customers"],
    },
    "payment-transaction": {
      section: "§2(a)",
      text: "When you make payments, we collect transaction details.",
      subjects: ["customers"],
    },
    "payment-card": {
      ...CARD_PROCESSORS,
      subjects: ["customers' cardholders"],
    },
    "call-detail-record": {
      section: "§2(b)",
      text: "The calling party’s number (CLI), the called party’s number, the date, time, and duration of the call, and routing information.",
      subjects: ["callers and called parties"],
    },
    "ip-address": {
      section: "§2(b)",
      text: "The IP addresses of the devices connecting to our platform.",
      subjects: ["customers' staff and devices"],
    },
    "service-configuration": {
      section: "§2(b)",
      text: "Information about how you have configured our Services, such as call routing rules or dialer settings.",
      subjects: ["customers"],
    },
    "website-usage": {
      section: "§2(b)",
      text: "your IP address, browser type, operating system, pages viewed, and the dates/times of your visits",
      subjects: ["website visitors"],
    },
    // §5: the customer is the controller of the content of its communications; TrunkIQ carries
    // and stores it only on the customer's instructions, as its processor (GDPR Art. 28).
    "communication-content": {
      ...CONTENT_CLAUSE,
      subjects: ["callers and called parties"],
      role: "processor",
    },
  },

  // Every flag defaults to false and `storage` to "stored": silence never grants.
  contextFields: {
    consent: {
      kind: "flag",
      appliesTo: ["use"],
      description:
        "the person has consented to this purpose and has not withdrawn it (GDPR Art. 7(3))",
    },
    storage: {
      kind: "choice",
      appliesTo: ["use", "share"],
      values: ["transient", "stored"],
      default: "stored",
      description: "whether the data only passes through the network or is written to storage",
    },
    customerDirected: {
      kind: "flag",
      appliesTo: ["use", "share"],
      description:
        "the customer explicitly directed this processing, e.g. by enabling call recording",
    },
    // One flag cannot say what the law distinguishes: each kind of process reaches different data
    // (18 U.S.C. 2703, 2518, 2702(c)(4); GDPR Art. 48). `true`, the former flag, means a subpoena,
    // the least legal process compels, so an old caller never gets more than it once stated.
    legalProcess: {
      kind: "choice",
      appliesTo: ["use", "share"],
      values: [
        "none",
        "subpoena",
        "court-order",
        "warrant",
        "interception-order",
        "emergency",
        "foreign-order",
      ],
      default: "none",
      flagValues: { true: "subpoena", false: "none" },
      description:
        "the legal process that requires it: a subpoena (basic subscriber information, 18 U.S.C. 2703(c)(2)), a court order (records, 2703(d)), a search warrant (stored contents, 2703(a)–(b)), an interception order (content in transit, 18 U.S.C. 2518, 47 U.S.C. 1002), an emergency request (2702(c)(4)), or an order of a court or authority outside the EEA and the UK for data of people there that rests on no international agreement (GDPR Art. 48); true means a subpoena",
    },
    disclosureProhibited: {
      kind: "flag",
      appliesTo: ["share"],
      description:
        "the law forbids telling the customer of the request (e.g. an order under 18 U.S.C. 2705(b))",
    },
    businessTransfer: {
      kind: "flag",
      appliesTo: ["share"],
      description: "a merger, acquisition, bankruptcy or sale of assets is under way",
    },
    necessaryToPreventHarm: {
      kind: "flag",
      appliesTo: ["share"],
      description:
        "disclosure is believed necessary to prevent harm or financial loss, or for an investigation of illegal activity",
    },
    cookieConsent: {
      kind: "flag",
      appliesTo: ["use", "share"],
      description:
        "the visitor accepted the analytics cookies the data was collected with (ePrivacy Art. 5(3), PECR reg. 6)",
    },
    anonymised: {
      kind: "flag",
      appliesTo: ["use"],
      description:
        "the data is an anonymous aggregate: no caller, customer or device can be singled out (GDPR recital 26)",
    },
    sale: {
      kind: "flag",
      appliesTo: ["share"],
      description:
        "the disclosure is made for money or other valuable consideration (a sale, Cal. Civ. Code 1798.140(ad)); a transfer to an acquirer in a business transfer is not a sale (1798.140(ad)(2)(C))",
    },
    crossContextAdvertising: {
      kind: "flag",
      appliesTo: ["share"],
      description:
        "the disclosure is for cross-context behavioural advertising, paid or not (a share, Cal. Civ. Code 1798.140(ah))",
    },
    aggregate: {
      kind: "flag",
      appliesTo: ["use"],
      description:
        "the data is aggregate customer information: collective data from which individual customer identities and characteristics have been removed (47 U.S.C. 222(h)(2))",
    },
  },

  conditions: {
    consent: {
      field: "consent",
      ...MARKETING,
    },
    "transient-only": {
      field: "storage",
      equals: "transient",
      ...TRANSIENT_TRANSMISSION,
    },
    "customer-directed": {
      field: "customerDirected",
      section: "§2(c)",
      text: "or as explicitly directed by you (for example, if you use a call recording feature)",
    },
    // 18 U.S.C. 2703(c)(2) and (c)(1); 2702(c)(4) lets a provider answer an emergency with records.
    "reaches-subscriber-information": {
      field: "legalProcess",
      oneOf: ["subpoena", "court-order", "warrant", "emergency"],
      ...LEGAL_PROCESS,
    },
    // 18 U.S.C. 2703(c)(1)(A)–(B), 2703(d).
    "reaches-records": {
      field: "legalProcess",
      oneOf: ["court-order", "warrant"],
      ...LEGAL_PROCESS,
    },
    // Content only under a warrant (stored, 2703(a)–(b)) or an interception order (in transit,
    // 18 U.S.C. 2518, which 47 U.S.C. 1002(a)(1) obliges a carrier to enable).
    "reaches-content": {
      field: "legalProcess",
      oneOf: ["warrant", "interception-order"],
      ...LEGAL_PROCESS,
    },
    "search-warrant": {
      field: "legalProcess",
      equals: "warrant",
      ...LEGAL_PROCESS,
    },
    "interception-order": {
      field: "legalProcess",
      equals: "interception-order",
      ...LEGAL_PROCESS,
    },
    // GDPR Art. 48: a third country's judgment or order is no ground for disclosing EEA or UK data
    // unless an international agreement (a mutual legal assistance treaty) recognises it.
    "foreign-order": {
      field: "legalProcess",
      equals: "foreign-order",
      ...LEGAL_PROCESS,
    },
    "disclosure-prohibited": {
      field: "disclosureProhibited",
      ...NOTIFY_UNLESS_PROHIBITED,
    },
    "business-transfer": {
      field: "businessTransfer",
      section: "§4",
      text: "In the event of a merger, acquisition, bankruptcy, or sale of all or a portion of our assets, your information may be transferred to the new owner.",
    },
    "harm-prevention": {
      field: "necessaryToPreventHarm",
      section: "§4",
      text: "We may disclose information when we believe it is necessary to prevent harm, financial loss, or in connection with an investigation of suspected or actual illegal activity.",
    },
    sale: {
      field: "sale",
      ...NO_SALE,
    },
    "traffic-data-consent": { field: "consent", ...WITH_CONSENT },
    "anonymised-aggregate": { field: "anonymised", ...USAGE_TRENDS },
    "cookie-consent": {
      field: "cookieConsent",
      section: "§2(b)",
      text: "When you visit our website, we automatically collect information about your device and browsing activity using cookies and similar technologies.",
    },
    "cross-context-advertising": {
      field: "crossContextAdvertising",
      ...VENDOR,
    },
    "stored-content": {
      field: "storage",
      equals: "stored",
      ...CONTENT_CLAUSE,
    },
    "aggregate-only": {
      field: "aggregate",
      ...USAGE_TRENDS,
    },
  },

  obligations: {
    "notify-customer": {
      ...NOTIFY_UNLESS_PROHIBITED,
    },
    "honour-opt-out": {
      section: "§3",
      text: "You may opt-out of these communications at any time.",
    },
    "vendor-contract": VENDOR,
    "route-only": {
      section: "§4",
      text: "We share information (primarily traffic data like phone numbers and IP addresses) with our upstream telecommunications carriers and other service providers as necessary to route your calls and provide the Services.",
    },
  },

  purposes: {
    "account-management": {
      basis: "contract",
      ...ACCOUNT_SERVICES,
      uses: { account: {}, "service-configuration": {} },
    },
    "payment-processing": {
      basis: "contract",
      ...ACCOUNT_SERVICES,
      uses: {
        account: {},
        "payment-transaction": {},
        // §2(a): card data passes through to the processor and is never stored.
        "payment-card": {
          when: ["transient-only"],
          ...CARD_PROCESSORS,
        },
      },
    },
    "customer-support": {
      basis: "contract",
      ...ACCOUNT_SERVICES,
      // §7 names troubleshooting among the reasons CDRs are kept.
      uses: {
        account: {},
        "support-communication": {},
        "service-configuration": {},
        "call-detail-record": {},
      },
    },
    "call-routing": {
      basis: "contract",
      section: "§3",
      text: "To route your calls and other communications across our network and the networks of our underlying carriers.",
      uses: {
        "call-detail-record": {},
        "ip-address": {},
        "service-configuration": {},
        "communication-content": {
          when: ["transient-only"],
          ...TRANSIENT_TRANSMISSION,
        },
      },
    },
    "platform-access": {
      basis: "contract",
      section: "§3",
      text: "To provide you with access to our platforms and portals.",
      uses: { account: {}, "ip-address": {}, "service-configuration": {} },
    },
    "call-recording": {
      basis: "contract",
      section: "§2(c)",
      text: "or as explicitly directed by you (for example, if you use a call recording feature). You, the Customer, are responsible for the content of your communications.",
      // §5: the customer is the controller of recordings; TrunkIQ stores them only on its instruction.
      uses: { "communication-content": { when: ["customer-directed"] } },
    },
    // The carrier's own KYC duty is the FCC's robocall rule. The AML laws the policy invokes bind
    // obliged entities (EU) and relevant persons (UK), not a carrier, so in Europe verification
    // rests on preventing fraud (GDPR recital 47), a judgement worth a legal review.
    "kyc-verification": {
      basis: "legal-obligation",
      law: {
        name: "47 CFR 64.1200(n)(4): a voice service provider takes steps to know its customers",
        binds: ["us"],
      },
      jurisdictions: {
        eea: {
          basis: "legitimate-interest",
          law: "GDPR Art. 6(1)(f), recital 47: preventing fraud; Directive (EU) 2015/849 binds obliged entities, not a carrier",
        },
        uk: {
          basis: "legitimate-interest",
          law: "UK GDPR Art. 6(1)(f): preventing fraud; the Money Laundering Regulations 2017 bind relevant persons, not a carrier",
        },
      },
      section: "§3",
      text: "To conduct KYC verification to prevent fraud, money laundering, and other illegal activities.",
      uses: { account: {}, "kyc-document": {} },
    },
    // A US order obliges under US law; in Europe only an order under European law does, and a
    // third country's order alone is no ground (GDPR Art. 48).
    "lawful-request": {
      basis: "legal-obligation",
      law: {
        name: "18 U.S.C. 2703 (Stored Communications Act) and 47 U.S.C. 1002 (CALEA)",
        binds: ["us"],
      },
      jurisdictions: {
        eea: {
          basis: "legal-obligation",
          law: "an order under EU or Member State law (GDPR Art. 6(1)(c), 6(3); Directive 2002/58/EC Art. 15(1)); a third country's order alone is no ground (GDPR Art. 48)",
        },
        uk: {
          basis: "legal-obligation",
          law: "an order under UK law, such as the Investigatory Powers Act 2016 (UK GDPR Art. 6(1)(c), 6(3))",
        },
      },
      section: "§3",
      text: "To respond to lawful requests from government authorities, law enforcement, or in litigation (such as subpoenas or court orders).",
      // Judgement: answering is lawful only while a request actually compels it, and each kind of
      // process reaches only what the law gives it (as for `authority` below). Card numbers are not
      // held (§2(a)). Content is retrieved only as a stored recording, to answer a search warrant
      // (18 U.S.C. 2703(a)–(b)); interception in transit is the carrier's routing (call-routing).
      uses: {
        account: { when: ["reaches-subscriber-information"] },
        "kyc-document": { when: ["reaches-records"] },
        "support-communication": { when: ["reaches-records"] },
        "payment-transaction": { when: ["reaches-subscriber-information"] },
        "call-detail-record": { when: ["reaches-subscriber-information"] },
        "ip-address": { when: ["reaches-subscriber-information"] },
        "service-configuration": { when: ["reaches-records"] },
        "website-usage": { when: ["reaches-records"] },
        "communication-content": { when: ["search-warrant", "stored-content"] },
      },
    },
    // The US duties are not EU or UK law (GDPR Art. 6(3)): for European data, answering the US
    // regulator rests on legitimate interest, and traffic data cannot serve it at all.
    "regulatory-compliance": {
      basis: "legal-obligation",
      law: {
        name: "47 CFR 42.6 (toll records), 47 CFR 64.1200(n) (knowing the customer), 26 U.S.C. 6001 (tax records)",
        binds: ["us"],
      },
      jurisdictions: {
        eea: {
          basis: "legitimate-interest",
          law: "GDPR Art. 6(1)(f): US regulations are not EU law (Art. 6(3))",
        },
        uk: {
          basis: "legitimate-interest",
          law: "UK GDPR Art. 6(1)(f): US regulations are not UK law (Art. 6(3))",
        },
      },
      section: "§3",
      text: "To comply with telecommunications regulations in the jurisdictions where we operate.",
      uses: {
        account: {},
        "kyc-document": {},
        "call-detail-record": {
          jurisdictions: {
            eea: {
              denied: true,
              law: "Directive 2002/58/EC Art. 6(1): traffic data only for transmission, billing, fraud or with consent, and a US record-keeping duty is none of these",
            },
            uk: {
              denied: true,
              law: "PECR 2003 reg. 7(1): traffic data only for transmission, billing, fraud or with consent, and a US record-keeping duty is none of these",
            },
          },
        },
        "payment-transaction": {},
      },
    },
    "service-monitoring": {
      basis: "legitimate-interest",
      section: "§3",
      text: "To monitor and improve the performance, security, and stability of our Services.",
      // Traffic management is a use ePrivacy Art. 6(5) and PECR reg. 7(5) allow for traffic data;
      // website analytics is not strictly necessary, so its cookies need consent.
      uses: {
        "call-detail-record": {},
        "ip-address": {},
        "service-configuration": {},
        "website-usage": { jurisdictions: COOKIES_BY_CONSENT },
      },
    },
    "product-development": {
      basis: "legitimate-interest",
      ...USAGE_TRENDS,
      // Usage trends need traffic patterns and settings, not who the customer is. Call records and
      // service configuration are CPNI (47 U.S.C. 222(h)(1)), which 222(c)(1) keeps to providing
      // the service; developing new products is not that, so only aggregate customer information
      // (222(c)(3), defined in 222(h)(2)) is used for it, wherever the customer is. In Europe
      // identifiable traffic data needs consent besides, or is worked on as anonymous aggregates.
      uses: {
        "call-detail-record": { when: ["aggregate-only"], jurisdictions: TRAFFIC_DATA_BY_CONSENT },
        "service-configuration": { when: ["aggregate-only"] },
        "website-usage": { jurisdictions: COOKIES_BY_CONSENT },
      },
    },
    "abuse-prevention": {
      basis: "legitimate-interest",
      section: "§3",
      text: "To protect our network, our customers, and the public from fraudulent, abusive, or unlawful activity.",
      uses: {
        account: {},
        "call-detail-record": {},
        "ip-address": {},
        "service-configuration": {},
        "payment-transaction": {},
        "website-usage": {},
      },
    },
    "agreement-enforcement": {
      basis: "legitimate-interest",
      section: "§3",
      text: "To enforce our Master Services Agreement and other policies.",
      uses: {
        account: {},
        "call-detail-record": {},
        "payment-transaction": {},
        "service-configuration": {},
        "support-communication": {},
      },
    },
    marketing: {
      basis: "consent",
      section: "§3",
      text: "To send you marketing communications about our products and services. You may opt-out of these communications at any time.",
      uses: {
        account: { when: ["consent"], obligations: ["honour-opt-out"] },
        "website-usage": { when: ["consent"], obligations: ["honour-opt-out"] },
      },
    },
  },

  recipients: {
    "upstream-carrier": {
      basis: "contract",
      ...CARRIERS,
      receives: {
        // The customer's name, registered address and numbers go to carriers to route calls,
        // deliver 911 calls with the registered location (47 CFR 9.11), show the caller's name
        // and port numbers: disclosures to render the service (47 U.S.C. 222(d)(1), (d)(4)).
        account: { obligations: ["route-only"], ...CARRIERS },
        "call-detail-record": { obligations: ["route-only"] },
        "ip-address": { obligations: ["route-only"] },
        // The audio itself crosses carriers' networks in transit, never as a stored copy.
        "communication-content": {
          when: ["transient-only"],
          obligations: ["route-only"],
          ...TRANSIENT_TRANSMISSION,
        },
      },
    },
    "payment-processor": {
      basis: "contract",
      section: "§4",
      text: "Third-Party Vendors: We use third-party vendors for functions such as payment processing",
      receives: {
        // The billing name and address, which card authorisation checks (GDPR Art. 28 processor).
        account: { obligations: ["vendor-contract"] },
        "payment-card": { obligations: ["vendor-contract"] },
        "payment-transaction": { obligations: ["vendor-contract"] },
      },
    },
    "cloud-hosting": {
      basis: "contract",
      section: "§4",
      text: "Third-Party Vendors: We use third-party vendors for functions such as ... cloud hosting",
      // What is stored is hosted; full card numbers never are (§2(a)), content only as recordings (§2(c)).
      receives: {
        account: { obligations: ["vendor-contract"] },
        "kyc-document": { obligations: ["vendor-contract"] },
        "support-communication": { obligations: ["vendor-contract"] },
        "payment-transaction": { obligations: ["vendor-contract"] },
        "call-detail-record": { obligations: ["vendor-contract"] },
        "ip-address": { obligations: ["vendor-contract"] },
        "service-configuration": { obligations: ["vendor-contract"] },
        "website-usage": { obligations: ["vendor-contract"] },
        "communication-content": { when: ["customer-directed"], obligations: ["vendor-contract"] },
      },
    },
    "analytics-vendor": {
      basis: "legitimate-interest",
      section: "§4",
      text: "Third-Party Vendors: We use third-party vendors for functions such as ... analytics",
      // The vendor reads what the analytics cookies collect: in Europe only with their consent.
      receives: {
        "website-usage": { obligations: ["vendor-contract"], jurisdictions: COOKIES_BY_CONSENT },
      },
    },
    "support-vendor": {
      basis: "contract",
      section: "§4",
      text: "Third-Party Vendors: We use third-party vendors for functions such as ... customer support software",
      // Support software holds the tickets and the account they belong to (GDPR Art. 28 processor).
      receives: {
        account: { obligations: ["vendor-contract"] },
        "support-communication": { obligations: ["vendor-contract"] },
      },
    },
    authority: {
      basis: "legal-obligation",
      law: {
        name: "18 U.S.C. 2703 (Stored Communications Act) and 47 U.S.C. 1002 (CALEA)",
        binds: ["us"],
      },
      jurisdictions: {
        eea: {
          basis: "legal-obligation",
          law: "an order under EU or Member State law (GDPR Art. 6(1)(c), 6(3)); a third country's order alone is no ground (GDPR Art. 48)",
        },
        uk: {
          basis: "legal-obligation",
          law: "an order under UK law, such as the Investigatory Powers Act 2016 (UK GDPR Art. 6(1)(c), 6(3))",
        },
      },
      section: "§4",
      text: "Legal and Regulatory Authorities: We may disclose your information if required by law, regulation, or a valid legal process. We will notify you of such requests unless legally prohibited from doing so.",
      // Judgement: each kind of process reaches what the law gives it, nothing more. Support
      // correspondence is the customer's exchange with us, not a communication we carry for it, so
      // it is treated as a record (2703(d)). Full card numbers are not held (§2(a)).
      receives: {
        account: ON_SUBSCRIBER_PROCESS,
        "kyc-document": ON_RECORDS_PROCESS,
        "support-communication": ON_RECORDS_PROCESS,
        "payment-transaction": ON_SUBSCRIBER_PROCESS,
        "call-detail-record": ON_SUBSCRIBER_PROCESS,
        "ip-address": ON_SUBSCRIBER_PROCESS,
        "service-configuration": ON_RECORDS_PROCESS,
        "website-usage": ON_RECORDS_PROCESS,
        // Stored recordings under a warrant, content in transit under an interception order, which
        // a carrier must be able to carry out (CALEA, 47 U.S.C. 1002(a)(1)); the prohibitions
        // below keep each order to its kind of content.
        "communication-content": { when: ["reaches-content"], obligations: NOTIFY },
      },
    },
    acquirer: {
      basis: "legitimate-interest",
      section: "§4",
      text: "Business Transfers: In the event of a merger, acquisition, bankruptcy, or sale of all or a portion of our assets, your information may be transferred to the new owner.",
      receives: {
        account: { when: ["business-transfer"] },
        "kyc-document": { when: ["business-transfer"] },
        "support-communication": { when: ["business-transfer"] },
        "payment-transaction": { when: ["business-transfer"] },
        "call-detail-record": { when: ["business-transfer"] },
        "ip-address": { when: ["business-transfer"] },
        "service-configuration": { when: ["business-transfer"] },
        "website-usage": { when: ["business-transfer"] },
        "communication-content": { when: ["business-transfer", "customer-directed"] },
      },
    },
    "investigating-party": {
      basis: "legitimate-interest",
      ...PROTECT_RIGHTS,
      // Judgement: what an investigation of fraud or abuse needs (47 U.S.C. 222(d)(2)), not
      // support conversations, browsing or content.
      receives: {
        account: { when: ["harm-prevention"] },
        "kyc-document": { when: ["harm-prevention"] },
        "payment-transaction": { when: ["harm-prevention"] },
        "call-detail-record": { when: ["harm-prevention"] },
        "ip-address": { when: ["harm-prevention"] },
        "service-configuration": { when: ["harm-prevention"] },
      },
    },
    "data-broker": {
      // A sale could only ever rest on consent; the policy refuses it outright (prohibitions below).
      basis: "consent",
      ...NO_SALE,
      receives: {},
    },
  },

  prohibitions: {
    // Every recipient but the acquirer: a transfer to a new owner in a merger, acquisition or
    // bankruptcy is not a sale (Cal. Civ. Code 1798.140(ad)(2)(C)), and the acquirer's own rule
    // allows it only in a business transfer.
    "no-sale": {
      ...NO_SALE,
      when: ["sale"],
      share: {
        recipients: [
          "upstream-carrier",
          "payment-processor",
          "cloud-hosting",
          "analytics-vendor",
          "support-vendor",
          "authority",
          "investigating-party",
          "data-broker",
        ],
      },
    },
    // CCPA "share": disclosure for cross-context behavioural advertising (Cal. Civ. Code
    // 1798.140(ah)), which 1798.120 lets a consumer refuse. The policy grants it to nobody: vendors
    // may not use data for their own purposes (§4), and no recipient advertises for us.
    "no-cross-context-advertising": {
      ...VENDOR,
      when: ["cross-context-advertising"],
      share: {},
    },
    "no-data-broker": {
      ...NO_SALE,
      share: { recipients: ["data-broker"] },
    },
    "marketing-excluded-data": {
      ...MARKETING,
      // Consent to marketing covers contact details, never identity documents, content or cards.
      use: {
        purposes: ["marketing"],
        categories: ["kyc-document", "communication-content", "payment-card"],
      },
    },
    // CPNI (47 U.S.C. 222(h)(1): call records and the configuration of the service subscribed to)
    // is used only to provide that service (222(c)(1)); marketing with it needs the notice and
    // opt-out or opt-in approval of 47 CFR 64.2007–64.2008, which the policy does not ask for.
    "marketing-no-cpni": {
      ...MARKETING,
      use: {
        purposes: ["marketing"],
        categories: ["call-detail-record", "service-configuration"],
      },
    },
    // GDPR Art. 48: an order of a third country's court or authority alone is no ground to
    // disclose EEA or UK data; it must go through an international agreement.
    "no-foreign-order": {
      ...LEGAL_PROCESS,
      when: ["foreign-order"],
      share: { recipients: ["authority"] },
    },
    "no-foreign-order-answer": {
      ...LEGAL_PROCESS,
      when: ["foreign-order"],
      use: { purposes: ["lawful-request"] },
    },
    // A search warrant reaches content in storage (18 U.S.C. 2703(a)–(b)); intercepting it in
    // transit needs an order under 18 U.S.C. 2518.
    "interception-needs-order": {
      ...LEGAL_PROCESS,
      when: ["search-warrant", "transient-only"],
      share: { categories: ["communication-content"], recipients: ["authority"] },
    },
    // An interception order reaches communications in transit (18 U.S.C. 2510(4), 2518); a stored
    // recording needs a search warrant (2703(a)–(b)).
    "stored-needs-warrant": {
      ...LEGAL_PROCESS,
      when: ["interception-order", "stored-content"],
      share: { categories: ["communication-content"], recipients: ["authority"] },
    },
  },

  // Periods are configurable within `minimum`/`maximum` through `withRetention`. Each rule names
  // the jurisdiction whose law it rests on: a US rule is not a GDPR legal obligation for EU/UK
  // data (GDPR Art. 6(3)), where keeping rests on legitimate interest or legal claims instead.
  retention: {
    // Someone who never became a customer (a prospect, a rejected applicant) has no relationship
    // to end: periods anchored at the relationship's end run from their last contact instead.
    account: {
      // 47 CFR 42.6 keeps the caller's name, address and number with the toll records for 18
      // months after the call; the last call is no later than the relationship's end, so 18
      // months from the end is the floor in every case.
      us: {
        anchor: "relationship-end",
        period: { years: 6 },
        minimum: { months: 18 },
        basis: "legitimate-interest",
        law: "47 CFR 42.6: caller's name, address and number kept with toll records 18 months; contract claims: NY CPLR 213(2), 6 years",
        ...ACCOUNT_RETENTION,
      },
      eea: {
        anchor: "relationship-end",
        period: { years: 6 },
        basis: "legitimate-interest",
        keptForLegalClaims: true,
        law: "legal claims, GDPR Art. 17(3)(e); NY CPLR 213(2) limitation period",
        ...ACCOUNT_RETENTION,
      },
      uk: {
        anchor: "relationship-end",
        period: { years: 6 },
        basis: "legitimate-interest",
        keptForLegalClaims: true,
        law: "legal claims, UK GDPR Art. 17(3)(e); Limitation Act 1980 s.5, 6 years",
        ...ACCOUNT_RETENTION,
      },
    },
    "call-detail-record": {
      us: {
        anchor: "collection",
        period: { months: 18 },
        minimum: { months: 18 },
        basis: "legal-obligation",
        law: "47 CFR 42.6: toll records kept 18 months",
        ...CDR_RETENTION,
      },
      // Until the bill can no longer be challenged, which each member state sets; 6 months is the
      // default a deployment replaces with its country's period through `withRetention`. Past that
      // the data must be erased or anonymised (Art. 6(1)), so the setting has a ceiling. Judgement:
      // 12 months covers the longest national challenge period we know of (France, CPCE L34-1
      // III: one year); a longer one needs legal review before the ceiling moves.
      eea: {
        anchor: "collection",
        period: { months: 6 },
        maximum: { months: 12 },
        basis: "contract",
        law: "ePrivacy Directive 2002/58/EC Art. 6(1)-(2): billing data until the bill can no longer be challenged, then erased",
        ...CDR_RETENTION,
      },
      uk: {
        anchor: "collection",
        period: { months: 6 },
        maximum: { months: 12 },
        basis: "contract",
        law: "PECR 2003 reg. 7: billing data until the bill can no longer be challenged, then erased",
        ...CDR_RETENTION,
      },
    },
    // The AML rules the text invokes bind obliged entities (31 CFR 1010.430: financial
    // institutions; Directive (EU) 2015/849 Art. 2; UK MLR 2017 reg. 8), not a carrier, whose KYC
    // duty (47 CFR 64.1200(n)) sets no period. So no legal obligation keeps the documents: they
    // are kept on legitimate interest, for fraud prevention and legal claims (GDPR Art. 6(1)(f),
    // 17(3)(e)), 5 years by default, the AML period the text points to. Where the AML rules do
    // set the period, they also end it (Art. 40(1), reg. 40: delete when the 5 years end; EEA
    // national law may add at most 5 more), and keeping longer than an obliged entity may would
    // exceed storage limitation (Art. 5(1)(e)): those periods are the ceilings.
    "kyc-document": {
      us: {
        anchor: "relationship-end",
        period: { years: 5 },
        basis: "legitimate-interest",
        law: "fraud prevention and legal claims; 47 CFR 64.1200(n) sets no period, 31 CFR 1010.430(d) (5 years) binds financial institutions only",
        ...KYC_RETENTION,
      },
      eea: {
        anchor: "relationship-end",
        period: { years: 5 },
        maximum: { years: 10 },
        basis: "legitimate-interest",
        keptForLegalClaims: true,
        law: "fraud prevention and legal claims, GDPR Art. 6(1)(f) and Art. 17(3)(e); at most Directive (EU) 2015/849 Art. 40(1): 5 years after the relationship ends, 5 more where national law allows",
        ...KYC_RETENTION,
      },
      uk: {
        anchor: "relationship-end",
        period: { years: 5 },
        maximum: { years: 5 },
        basis: "legitimate-interest",
        keptForLegalClaims: true,
        law: "fraud prevention and legal claims, UK GDPR Art. 6(1)(f) and Art. 17(3)(e); at most Money Laundering Regulations 2017 reg. 40: deleted 5 years after the relationship ends",
        ...KYC_RETENTION,
      },
    },
    "payment-transaction": {
      us: {
        anchor: "collection",
        period: { years: 7 },
        basis: "legal-obligation",
        law: "US tax record keeping (26 U.S.C. 6001): up to 7 years for bad-debt and worthless-security cases",
        ...AS_LONG_AS_NECESSARY,
      },
      eea: {
        anchor: "collection",
        period: { years: 7 },
        basis: "legitimate-interest",
        law: "the controller's US tax duty is not EU law (GDPR Art. 6(3)): kept on legitimate interest",
        ...AS_LONG_AS_NECESSARY,
      },
      uk: {
        anchor: "collection",
        period: { years: 7 },
        basis: "legitimate-interest",
        law: "the controller's US tax duty is not UK law (UK GDPR Art. 6(3)): kept on legitimate interest",
        ...AS_LONG_AS_NECESSARY,
      },
    },
    // Never stored in full: any copy found on our servers is due for deletion at once.
    "payment-card": {
      us: {
        anchor: "collection",
        period: {},
        maximum: {},
        basis: "contract",
        law: "§2(a): the full card number is never stored on our servers (PCI DSS v4.0.1 req. 3)",
        ...CARD_NEVER_STORED,
      },
      eea: {
        anchor: "collection",
        period: {},
        maximum: {},
        basis: "contract",
        law: "§2(a): the full card number is never stored on our servers (PCI DSS v4.0.1 req. 3)",
        ...CARD_NEVER_STORED,
      },
      uk: {
        anchor: "collection",
        period: {},
        maximum: {},
        basis: "contract",
        law: "§2(a): the full card number is never stored on our servers (PCI DSS v4.0.1 req. 3)",
        ...CARD_NEVER_STORED,
      },
    },
    // Transient content is never stored; recordings are kept as the customer (the controller, §5)
    // directs while the service runs, and deleted or returned when it ends (GDPR Art. 28(3)(g)):
    // no schedule may keep them past the relationship. In the US nothing directs keeping them
    // once the customer has gone, so the same ceiling holds (§2(c)).
    "communication-content": {
      us: {
        anchor: "relationship-end",
        period: {},
        maximum: {},
        basis: "contract",
        law: "§2(c), §5: kept only as the customer directs, never past the relationship",
        ...CONTENT_CLAUSE,
      },
      eea: {
        anchor: "relationship-end",
        period: {},
        maximum: {},
        basis: "contract",
        law: "§2(c), §5: kept only as the customer directs; deleted or returned at the end of the services, GDPR Art. 28(3)(g)",
        ...CONTENT_CLAUSE,
      },
      uk: {
        anchor: "relationship-end",
        period: {},
        maximum: {},
        basis: "contract",
        law: "§2(c), §5: kept only as the customer directs; deleted or returned at the end of the services, UK GDPR Art. 28(3)(g)",
        ...CONTENT_CLAUSE,
      },
    },
    // Judgement: a year of connection logs serves security and abuse investigations.
    "ip-address": {
      us: {
        anchor: "collection",
        period: { months: 12 },
        basis: "legitimate-interest",
        law: "judgement: security and abuse investigation (§3 legitimate interest)",
        ...AS_LONG_AS_NECESSARY,
      },
      eea: {
        anchor: "collection",
        period: { months: 12 },
        maximum: { months: 12 },
        basis: "legitimate-interest",
        law: "judgement: security and abuse investigation; storage limitation, GDPR Art. 5(1)(e)",
        ...AS_LONG_AS_NECESSARY,
      },
      uk: {
        anchor: "collection",
        period: { months: 12 },
        maximum: { months: 12 },
        basis: "legitimate-interest",
        law: "judgement: security and abuse investigation; storage limitation, UK GDPR Art. 5(1)(e)",
        ...AS_LONG_AS_NECESSARY,
      },
    },
    // Judgement: 90 days after the end lets a returning customer restore its setup.
    "service-configuration": {
      us: {
        anchor: "relationship-end",
        period: { days: 90 },
        basis: "contract",
        law: "judgement: needed only to provide the service",
        ...AS_LONG_AS_NECESSARY,
      },
      eea: {
        anchor: "relationship-end",
        period: { days: 90 },
        basis: "contract",
        law: "judgement: needed only to provide the service",
        ...AS_LONG_AS_NECESSARY,
      },
      uk: {
        anchor: "relationship-end",
        period: { days: 90 },
        basis: "contract",
        law: "judgement: needed only to provide the service",
        ...AS_LONG_AS_NECESSARY,
      },
    },
    // Judgement: 13 months of visit data, the longest the declaration lets a deployment keep in Europe.
    "website-usage": {
      us: {
        anchor: "collection",
        period: { months: 13 },
        basis: "legitimate-interest",
        law: "judgement: usage trends year over year",
        ...AS_LONG_AS_NECESSARY,
      },
      eea: {
        anchor: "collection",
        period: { months: 13 },
        maximum: { months: 13 },
        basis: "consent",
        law: "cookies need consent (ePrivacy Art. 5(3)); storage limitation, GDPR Art. 5(1)(e)",
        ...AS_LONG_AS_NECESSARY,
      },
      uk: {
        anchor: "collection",
        period: { months: 13 },
        maximum: { months: 13 },
        basis: "consent",
        law: "cookies need consent (PECR reg. 6); storage limitation, UK GDPR Art. 5(1)(e)",
        ...AS_LONG_AS_NECESSARY,
      },
    },
    // Judgement: three years of support history covers disputes over service quality.
    "support-communication": {
      us: {
        anchor: "collection",
        period: { years: 3 },
        basis: "legitimate-interest",
        law: "judgement: service disputes and quality",
        ...AS_LONG_AS_NECESSARY,
      },
      eea: {
        anchor: "collection",
        period: { years: 3 },
        basis: "legitimate-interest",
        law: "judgement: service disputes and quality; storage limitation, GDPR Art. 5(1)(e)",
        ...AS_LONG_AS_NECESSARY,
      },
      uk: {
        anchor: "collection",
        period: { years: 3 },
        basis: "legitimate-interest",
        law: "judgement: service disputes and quality; storage limitation, UK GDPR Art. 5(1)(e)",
        ...AS_LONG_AS_NECESSARY,
      },
    },
  },

  rights: {
    access: {
      section: "§9",
      text: "The right to access: You have the right to request copies of your personal data.",
      gdpr: "Art. 15",
    },
    rectification: {
      section: "§9",
      text: "The right to rectification: You have the right to request that we correct any information you believe is inaccurate or complete information you believe is incomplete.",
      gdpr: "Art. 16",
    },
    erasure: {
      section: "§9",
      text: "The right to erasure: You have the right to request that we erase your personal data, under certain conditions.",
      gdpr: "Art. 17",
    },
    restriction: {
      section: "§9",
      text: "The right to restrict processing: You have the right to request that we restrict the processing of your personal data, under certain conditions.",
      gdpr: "Art. 18",
    },
    objection: {
      section: "§9",
      text: "The right to object to processing: You have the right to object to our processing of your personal data, under certain conditions.",
      gdpr: "Art. 21",
    },
    portability: {
      section: "§9",
      text: "The right to data portability: You have the right to request that we transfer the data that we have collected to another organization, or directly to you, under certain conditions.",
      gdpr: "Art. 20",
    },
  },

  commitments: {
    controller: {
      section: "§12",
      text: "If you have any questions, concerns, or requests regarding this Privacy Policy or our data practices, please contact us at:",
      name: "TrunkIQ LLC",
      address: ["125 Park Avenue, 25th Floor", "New York, NY 10017", "United States"],
    },
    roles: {
      section: "§5",
      text: "As a customer of our Services, you act as the “data controller” for any personal data you process through our Services.",
    },
    security: {
      section: "§6",
      text: "We implement appropriate technical and organizational security measures to protect your information from unauthorized access, use, alteration, or destruction. These measures include encryption, access controls, and secure network architecture.",
      items: ["encryption", "access controls", "secure network architecture"],
    },
    transfers: {
      section: "§8",
      text: "When we transfer personal data outside of these regions, we will ensure that appropriate safeguards are in place, such as the use of Standard Contractual Clauses (SCCs) or other lawful transfer mechanisms.",
      items: ["Standard Contractual Clauses (SCCs)", "other lawful transfer mechanisms"],
    },
    minimumAge: {
      section: "§10",
      text: "Our Services are not intended for or directed at individuals under the age of 16.",
      years: 16,
      law: "GDPR Art. 8(1)",
    },
    changes: {
      section: "§11",
      text: "We will notify you of any changes by posting the new Privacy Policy on this page and updating the “Last Updated” date.",
    },
  },
});

/**
 * The type of {@link policy}, named once so that every declaration built from it refers to it
 * by name instead of writing the whole declaration out again.
 */
export type TrunkiqPolicy = typeof policy;
