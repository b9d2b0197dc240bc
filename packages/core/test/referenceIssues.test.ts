import { describe, expect, it } from "vitest";
import { PolicyDefinitionError, type PolicyDefinitionIssue } from "../src";
import { definePolicy } from "../src/schemas";
import { declarationWith, REMOVE } from "./support/declarationWith";

const cite = { section: "§3", text: "a sentence of the policy" };

/** Every issue `definePolicy` throws for a declaration, or none when it accepts it. */
function issuesOf(changes: Record<string, unknown>): PolicyDefinitionIssue[] {
  try {
    definePolicy(declarationWith(changes) as never);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyDefinitionError);
    return [...(error as PolicyDefinitionError).issues];
  }
  return [];
}

const issue = (path: string, message: string) => ({ path, message });

// Each case: one mistake in an otherwise consistent declaration and exactly what is reported.
const cases: [string, Record<string, unknown>, PolicyDefinitionIssue[]][] = [
  [
    "a context field named jurisdiction",
    { "contextFields.jurisdiction": { kind: "flag", appliesTo: ["use"], description: "where" } },
    [
      issue(
        "contextFields.jurisdiction",
        "jurisdiction is implicit: it comes from `jurisdictions`",
      ),
    ],
  ],
  [
    "a question listed twice in a field's appliesTo",
    { "contextFields.consent.appliesTo": ["use", "use"] },
    [issue("contextFields.consent.appliesTo", 'duplicate id "use"')],
  ],
  [
    "a value listed twice in a choice",
    { "contextFields.channel.values": ["web", "phone", "web"] },
    [issue("contextFields.channel.values", 'duplicate id "web"')],
  ],
  [
    "a jurisdiction condition on an undeclared jurisdiction",
    { "conditions.on-mars": { ...cite, field: "jurisdiction", equals: "mars" } },
    [issue("conditions.on-mars.equals", "a jurisdiction condition equals one of us, eea")],
  ],
  [
    "a jurisdiction condition that equals a flag",
    { "conditions.in-eea": { ...cite, field: "jurisdiction", equals: true } },
    [issue("conditions.in-eea.equals", "a jurisdiction condition equals one of us, eea")],
  ],
  [
    "a flag condition that equals a string",
    { "conditions.consent.equals": "yes" },
    [issue("conditions.consent.equals", '"consent" is a flag: equals must be true or false')],
  ],
  [
    "a choice condition without a value",
    { "conditions.by-phone.equals": REMOVE },
    [issue("conditions.by-phone.equals", '"channel" is one of web, phone')],
  ],
  [
    "a choice condition on a value the choice does not have",
    { "conditions.by-phone.equals": "fax" },
    [issue("conditions.by-phone.equals", '"channel" is one of web, phone')],
  ],
  [
    "a oneOf condition on a flag",
    { "conditions.consent.oneOf": ["web"] },
    [issue("conditions.consent.oneOf", "`oneOf` needs a choice field")],
  ],
  [
    "a oneOf condition on a value the choice does not have",
    { "conditions.by-phone.equals": REMOVE, "conditions.by-phone.oneOf": ["phone", "fax"] },
    [issue("conditions.by-phone.oneOf", '"channel" is one of web, phone')],
  ],
  [
    "a condition with both equals and oneOf",
    { "conditions.by-phone.oneOf": ["phone"] },
    [issue("conditions.by-phone", "a condition takes either `equals` or `oneOf`, not both")],
  ],
  [
    "a value listed twice in oneOf",
    { "conditions.by-phone.equals": REMOVE, "conditions.by-phone.oneOf": ["phone", "phone"] },
    [issue("conditions.by-phone.oneOf", 'duplicate id "phone"')],
  ],
  [
    "a flag standing for a value the choice does not have",
    { "contextFields.channel.flagValues": { true: "phone", false: "fax" } },
    [issue("contextFields.channel.flagValues.false", '"fax" is not one of web, phone')],
  ],
  [
    "a condition on a field named like a prototype member",
    { "conditions.consent.field": "constructor" },
    [
      issue(
        "conditions.consent.field",
        'unknown context field "constructor" (declared: consent, channel, subpoena, gagged, paid)',
      ),
    ],
  ],
  [
    "an unknown condition, which is not also reported as unreadable",
    { "purposes.newsletter.uses.email.when": ["opted-in"] },
    [
      issue(
        "purposes.newsletter.uses.email.when.0",
        'unknown condition "opted-in" (declared: consent, by-phone, subpoena, gagged, sale)',
      ),
    ],
  ],
  [
    "a condition both required and excluded",
    { "purposes.newsletter.uses.order": { when: ["consent"], unless: ["by-phone", "consent"] } },
    [
      issue(
        "purposes.newsletter.uses.order",
        'condition "consent" is both required and excluded: the rule can never apply',
      ),
    ],
  ],
  [
    "an excluded condition the question cannot read",
    { "purposes.newsletter.uses.order.unless": ["paid"] },
    [
      issue(
        "purposes.newsletter.uses.order.unless.0",
        'unknown condition "paid" (declared: consent, by-phone, subpoena, gagged, sale)',
      ),
    ],
  ],
  [
    "an excluded share condition in a use rule",
    { "purposes.newsletter.uses.order.unless": ["sale"] },
    [
      issue(
        "purposes.newsletter.uses.order.unless.0",
        'condition "sale" reads "paid", which is not a context field of use',
      ),
    ],
  ],
  [
    "a use condition in a share rule",
    { "recipients.courier.receives.order.when": ["consent"] },
    [
      issue(
        "recipients.courier.receives.order.when.0",
        'condition "consent" reads "consent", which is not a context field of share',
      ),
    ],
  ],
  [
    "a use condition lifting an obligation of a share rule",
    {
      "recipients.police.receives.email.obligations": [
        { id: "notify-customer", unless: ["gagged", "consent"] },
      ],
    },
    [
      issue(
        "recipients.police.receives.email.obligations.0.unless.1",
        'condition "consent" reads "consent", which is not a context field of share',
      ),
    ],
  ],
  [
    "an obligation listed twice, once with exceptions",
    {
      "recipients.police.receives.order.obligations": [
        "notify-customer",
        { id: "notify-customer" },
      ],
    },
    [issue("recipients.police.receives.order.obligations", 'duplicate id "notify-customer"')],
  ],
  [
    "an unknown obligation given with exceptions",
    { "recipients.police.receives.email.obligations": [{ id: "apologise" }] },
    [
      issue(
        "recipients.police.receives.email.obligations.0.id",
        'unknown obligation "apologise" (declared: notify-customer)',
      ),
    ],
  ],
  [
    "obligations referenced where none are declared",
    { obligations: {} },
    [
      issue(
        "recipients.police.receives.email.obligations.0.id",
        'unknown obligation "notify-customer" (declared: none declared)',
      ),
      issue(
        "recipients.police.receives.order.obligations.0",
        'unknown obligation "notify-customer" (declared: none declared)',
      ),
    ],
  ],
  [
    "an unknown basis of a recipient",
    { "recipients.courier.basis": "whim" },
    [
      issue(
        "recipients.courier.basis",
        'unknown lawful basis "whim" (declared: contract, consent, legal-obligation)',
      ),
    ],
  ],
  [
    "a prohibition of both use and share",
    { "prohibitions.no-ads.use": {} },
    [issue("prohibitions.no-ads", "a prohibition forbids either `use` or `share`")],
  ],
  [
    "a prohibition of neither use nor share",
    { "prohibitions.no-ads.share": REMOVE },
    [issue("prohibitions.no-ads", "a prohibition forbids either `use` or `share`")],
  ],
  [
    "unknown purposes and categories in a use prohibition",
    { "prohibitions.no-card-for-tax.use": { purposes: ["ads"], categories: ["face"] } },
    [
      issue(
        "prohibitions.no-card-for-tax",
        'unknown purpose "ads" (declared: fulfilment, newsletter, tax-filing)',
      ),
      issue(
        "prohibitions.no-card-for-tax",
        'unknown data category "face" (declared: email, order, card)',
      ),
    ],
  ],
  [
    "unknown categories and recipients in a share prohibition",
    { "prohibitions.no-ads.share": { categories: ["face"], recipients: ["bank"] } },
    [
      issue("prohibitions.no-ads", 'unknown data category "face" (declared: email, order, card)'),
      issue(
        "prohibitions.no-ads",
        'unknown recipient "bank" (declared: courier, police, ad-network)',
      ),
    ],
  ],
  [
    "a purpose listed twice in a prohibition",
    { "prohibitions.no-card-for-tax.use.purposes": ["tax-filing", "tax-filing"] },
    [issue("prohibitions.no-card-for-tax", 'duplicate id "tax-filing"')],
  ],
  [
    "a share condition on a use prohibition",
    { "prohibitions.no-card-for-tax.when": ["sale"] },
    [
      issue(
        "prohibitions.no-card-for-tax.when.0",
        'condition "sale" reads "paid", which is not a context field of use',
      ),
    ],
  ],
  [
    "a use condition on a share prohibition",
    { "prohibitions.no-sale.when": ["consent"] },
    [
      issue(
        "prohibitions.no-sale.when.0",
        'condition "consent" reads "consent", which is not a context field of share',
      ),
    ],
  ],
  [
    "a retention rule for an undeclared category",
    { "retention.face": (declarationWith().retention as Record<string, unknown>).email },
    [issue("retention.face", 'unknown data category "face" (declared: email, order, card)')],
  ],
  [
    "a retention rule for an undeclared jurisdiction",
    {
      "retention.email.uk": (declarationWith().retention as Record<string, Record<string, unknown>>)
        .email?.us,
    },
    [issue("retention.email.uk", 'unknown jurisdiction "uk" (declared: us, eea)')],
  ],
  [
    "a category named like a prototype member without a retention rule",
    { "categories.constructor": cite },
    [issue("retention.constructor", 'data category "constructor" has no retention rule')],
  ],
  [
    "a period below the legal minimum",
    { "retention.order.eea.period": { years: 9 } },
    [issue("retention.order.eea.period", "9 years is shorter than the legal minimum of 10 years")],
  ],
  [
    "a period above the maximum",
    { "retention.email.eea.period": { months: 13 } },
    [issue("retention.email.eea.period", "13 months is longer than the maximum of 1 year")],
  ],
];

describe("the references definePolicy follows", () => {
  it.each(cases)("report %s, and nothing else", (_, changes, expected) => {
    expect(issuesOf(changes)).toEqual(expected);
  });

  it("accept a jurisdiction condition in any rule, and fields that both questions read", () => {
    expect(
      issuesOf({
        "conditions.in-eea": { ...cite, field: "jurisdiction", equals: "eea" },
        "contextFields.consent.appliesTo": ["use", "share"],
        "purposes.fulfilment.uses.email": { when: ["in-eea"], unless: ["consent"] },
        "recipients.courier.receives.email": { when: ["in-eea", "consent"] },
        "prohibitions.no-sale.when": ["sale", "in-eea"],
      }),
    ).toEqual([]);
  });

  it("follow a jurisdiction condition past a context field wrongly named jurisdiction", () => {
    expect(
      issuesOf({
        "contextFields.jurisdiction": { kind: "flag", appliesTo: ["share"], description: "where" },
        "conditions.in-eea": { ...cite, field: "jurisdiction", equals: "eea" },
        "purposes.fulfilment.uses.email": { when: ["in-eea"] },
      }),
    ).toEqual([
      issue(
        "contextFields.jurisdiction",
        "jurisdiction is implicit: it comes from `jurisdictions`",
      ),
    ]);
  });

  it("report an unknown condition only as unknown, whatever the context fields are named", () => {
    expect(
      issuesOf({
        "contextFields.undefined": { kind: "flag", appliesTo: ["share"], description: "odd" },
        "purposes.fulfilment.uses.email": { when: ["opted-in"] },
      }),
    ).toEqual([
      issue(
        "purposes.fulfilment.uses.email.when.0",
        'unknown condition "opted-in" (declared: consent, by-phone, subpoena, gagged, sale)',
      ),
    ]);
  });

  it("accept a flag condition that equals false and periods at their limits", () => {
    expect(
      issuesOf({
        "conditions.consent.equals": false,
        "retention.email.eea.period": { years: 1 },
        "retention.order.us.period": { years: 7 },
      }),
    ).toEqual([]);
  });
});
