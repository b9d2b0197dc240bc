// Mistakes the compiler must refuse; compileErrors.test.ts pins their sentences in the snapshot.
import { examplePolicy } from "../../../../test-support/fixtures/examplePolicy";
import { createGuards, type PolicyDeclaration } from "../../src";
import { definePolicy } from "../../src/schemas";

const { canUse, canShare, assertCanUse, assertCanShare, bind, isBoundTo, retentionCutoff } =
  createGuards(examplePolicy);

// refused: newsletter may never use card (§3)
canUse("newsletter", "card");
// refused: tax-filing may never use card (§2(b))
canUse("tax-filing", "card");
// refused: newsletter may never use card (§3)
assertCanUse("newsletter", "card");
// refused: tax-filing may never use card (§2(b))
bind("tax-filing", "card", "4111");
// refused: newsletter may never use card (§3)
isBoundTo({}, "newsletter", "card");
// refused: card may never be shared with courier (§4)
canShare("card", "courier");
// refused: email may never be shared with ad-network (§4)
canShare("email", "ad-network");
// refused: card may never be shared with courier (§4)
assertCanShare("card", "courier");
// refused: cards is not a declared data category; declared: card, email, order
retentionCutoff("cards", { now: new Date() });
// refused: Property 'jurisdiction' is missing in type '{ now: Date; }' but required in type 'RetentionCutoffContext<"us" | "eea">'
retentionCutoff("order", { now: new Date() });
// refused: marketing is not a declared purpose; declared: fulfilment, newsletter, tax-filing
canUse("marketing", "email");
// refused: phone is not a declared data category; declared: card, email, order
canUse("fulfilment", "phone");
// refused: bank is not a declared recipient; declared: ad-network, courier, police
canShare("order", "bank");

const cite = { section: "§1", text: "a sentence" } as const;
const rule = {
  anchor: "collection",
  period: { years: 1 },
  basis: "contract",
  law: "judgement",
  ...cite,
} as const;
const base = {
  id: "p",
  version: "2025-01-01",
  title: "P",
  jurisdictions: ["us"],
  scopes: { use: cite, share: cite, retention: cite },
  bases: { contract: cite },
  categories: { email: cite, order: cite },
  contextFields: { consent: { kind: "flag", appliesTo: ["use"], description: "opted in" } },
  conditions: { consent: { field: "consent", ...cite } },
  obligations: { notify: cite },
  recipients: { courier: { basis: "contract", ...cite, receives: { order: {} } } },
  prohibitions: {},
  rights: {},
} as const;

definePolicy({
  ...base,
  purposes: {
    // refused: phone is not a declared data category; declared: email, order
    mail: { basis: "contract", ...cite, uses: { phone: {} } },
  },
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  // refused: whim is not a declared lawful basis; declared: contract
  purposes: { mail: { basis: "whim", ...cite, uses: { email: {} } } },
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  purposes: {
    // refused: opted-in is not a declared condition; declared: consent
    mail: { basis: "contract", ...cite, uses: { email: { when: ["opted-in"] } } },
  },
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  purposes: {},
  // refused: eea is not a declared jurisdiction; declared: us
  retention: { email: { us: rule, eea: rule } },
});

definePolicy({
  ...base,
  purposes: {},
  // refused: emial is not a declared data category; declared: email, order
  retention: { emial: { us: rule } },
});

definePolicy({
  ...base,
  purposes: {},
  recipients: {
    // refused: notify-all is not a declared obligation; declared: notify
    courier: { basis: "contract", ...cite, receives: { order: { obligations: ["notify-all"] } } },
  },
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  purposes: {},
  // refused: optin is not a declared context field; declared: consent, jurisdiction
  conditions: { consent: { field: "optin", ...cite } },
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  purposes: {},
  // refused: police is not a declared recipient; declared: courier
  prohibitions: { "no-police": { ...cite, share: { recipients: ["police"] } } },
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  purposes: {},
  prohibitions: {
    // refused: a prohibition forbids either `use` or `share`, not both
    "no-ads": { ...cite, use: { categories: ["email"] }, share: { categories: ["email"] } },
  },
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  purposes: {},
  // refused: audit is not a declared lawful basis; declared: contract
  retention: { email: { us: { ...rule, basis: "audit" } } },
});

definePolicy({
  ...base,
  purposes: {},
  contextFields: {
    channel: {
      kind: "choice",
      appliesTo: ["use"],
      values: ["web", "phone"],
      // refused: fax is not a value of channel; its values: phone, web
      default: "fax",
      description: "where the order came from",
    },
  },
  conditions: {},
  retention: { email: { us: rule } },
});

definePolicy({
  ...base,
  purposes: { mail: { basis: "contract", ...cite, uses: { email: {} } } },
  // refused: post is not a declared purpose; declared: mail
  prohibitions: { "no-post": { ...cite, use: { purposes: ["post"] } } },
  retention: { email: { us: rule } },
});

createGuards(examplePolicy, {
  // refused: order in us must be kept at least 7 years (26 CFR 1.6001-1, §7)
  retention: { order: { us: { years: 6, months: 11 } } },
});
createGuards(examplePolicy, {
  // refused: email in eea may be kept at most 1 year (GDPR Art. 5(1)(e), §7)
  retention: { email: { eea: { months: 13 } } },
});
createGuards(examplePolicy, {
  // refused: phone is not a declared data category; declared: card, email, order
  retention: { phone: { us: { years: 1 } } },
});
createGuards(examplePolicy, {
  // refused: uk is not a declared jurisdiction; declared: us, eea
  retention: { order: { uk: { years: 7 } } },
});

// A policy whose answers differ by jurisdiction: a question about such a pair must name one.
const byJurisdiction = createGuards(
  definePolicy({
    ...base,
    jurisdictions: ["us", "eea"],
    bases: { contract: cite, consent: cite, "legal-obligation": { ...cite, requiresLaw: true } },
    purposes: {
      mail: {
        basis: "contract",
        ...cite,
        uses: {
          email: { jurisdictions: { eea: { basis: "consent", when: ["consent"], law: "PECR" } } },
          order: {},
        },
      },
      audit: {
        basis: "legal-obligation",
        law: { name: "26 U.S.C. 6001", binds: ["us"] },
        jurisdictions: { eea: { denied: true, law: "GDPR Art. 6(3)" } },
        ...cite,
        uses: { order: {} },
      },
    },
    retention: { email: { us: rule, eea: rule }, order: { us: rule, eea: rule } },
  }),
);
// refused: mail using email depends on the jurisdiction: give one of us, eea
byJurisdiction.canUse("mail", "email");
// refused: mail using email depends on the jurisdiction: give one of us, eea
byJurisdiction.canUse("mail", "email", { consent: true });
// refused: audit using order depends on the jurisdiction: give one of us, eea
byJurisdiction.assertCanUse("audit", "order", {});
// refused: audit using order depends on the jurisdiction: give one of us, eea
byJurisdiction.bind("audit", "order", 1);

definePolicy({
  ...base,
  purposes: {
    mail: {
      basis: "contract",
      ...cite,
      // refused: eea is not a declared jurisdiction; declared: us
      uses: { email: { jurisdictions: { eea: { denied: true, law: "PECR" } } } },
    },
  },
  retention: { email: { us: rule } },
});

// A declaration read from a file, not yet checked by definePolicy.
declare const loaded: PolicyDeclaration;
// refused: createGuards takes a policy made by definePolicy; pass the declaration through definePolicy first
createGuards(loaded);
