import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, PolicyDefinitionError } from "../src";
import { definePolicy } from "../src/schemas";
import { declarationWith, isDeepFrozen, REMOVE } from "./support/declarationWith";
import type { LooseGuards } from "./support/hostile";

const cite = { section: "§2(a)", text: "your phone number" };

/** The issues `definePolicy` throws for a declaration, or fails the test when it accepts it. */
function issuesOf(declaration: unknown) {
  try {
    definePolicy(declaration as never);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyDefinitionError);
    return (error as PolicyDefinitionError).issues;
  }
  throw new Error("definePolicy accepted an invalid declaration");
}

// Each case: one mistake, the path it must be reported at and a fragment of the message.
const mistakes: [string, Record<string, unknown>, string, RegExp][] = [
  [
    "an unknown category in a purpose's uses",
    { "purposes.fulfilment.uses.face": {} },
    "purposes.fulfilment.uses.face",
    /unknown data category "face"/,
  ],
  [
    "an unknown category in a recipient's receives",
    { "recipients.courier.receives.face": {} },
    "recipients.courier.receives.face",
    /unknown data category "face"/,
  ],
  [
    "an unknown basis of a purpose",
    { "purposes.fulfilment.basis": "whim" },
    "purposes.fulfilment.basis",
    /unknown lawful basis "whim"/,
  ],
  [
    "an unknown basis of a retention rule",
    { "retention.email.us.basis": "whim" },
    "retention.email.us.basis",
    /unknown lawful basis "whim"/,
  ],
  [
    "an unknown condition in `when`",
    { "purposes.newsletter.uses.email.when": ["opted-in"] },
    "purposes.newsletter.uses.email.when.0",
    /unknown condition "opted-in"/,
  ],
  [
    "an unknown condition in an obligation's `unless`",
    { "recipients.police.receives.email.obligations": [{ id: "notify-customer", unless: ["x"] }] },
    "recipients.police.receives.email.obligations.0.unless.0",
    /unknown condition "x"/,
  ],
  [
    "a condition whose field is not part of the question",
    { "purposes.fulfilment.uses.email.when": ["subpoena"] },
    "purposes.fulfilment.uses.email.when.0",
    /condition "subpoena" reads "subpoena", which is not a context field of use/,
  ],
  [
    "an unknown obligation",
    { "recipients.police.receives.order.obligations": ["apologise"] },
    "recipients.police.receives.order.obligations.0",
    /unknown obligation "apologise"/,
  ],
  [
    "an unknown context field of a condition",
    { "conditions.consent.field": "optIn" },
    "conditions.consent.field",
    /unknown context field "optIn"/,
  ],
  [
    "a category without a retention rule",
    { "categories.phone": cite },
    "retention.phone",
    /"phone" has no retention rule/,
  ],
  [
    "a retention rule missing for a jurisdiction",
    { "retention.order.eea": REMOVE },
    "retention.order.eea",
    /no retention rule for "order" in "eea"/,
  ],
  [
    "a section in the wrong format",
    { "categories.email.section": "section 2" },
    "categories.email.section",
    /a section looks like "§4"/,
  ],
  [
    "a choice default that is not one of its values",
    { "contextFields.channel.default": "fax" },
    "contextFields.channel.default",
    /default "fax" is not one of web, phone/,
  ],
  [
    "a period below the legal minimum",
    { "retention.order.us.period": { years: 6, months: 11 } },
    "retention.order.us.period",
    /6 years 11 months is shorter than the legal minimum of 7 years/,
  ],
  [
    "a period above the maximum",
    { "retention.email.eea.period": { years: 1, days: 1 } },
    "retention.email.eea.period",
    /1 year 1 day is longer than the maximum of 1 year/,
  ],
  [
    "a duplicate jurisdiction",
    { jurisdictions: ["us", "eea", "us"] },
    "jurisdictions",
    /duplicate id "us"/,
  ],
  [
    "a duplicate condition in a list",
    { "purposes.newsletter.uses.order.when": ["consent", "consent"] },
    "purposes.newsletter.uses.order.when",
    /duplicate id "consent"/,
  ],
  [
    "a duplicate recipient in a prohibition",
    { "prohibitions.no-ads.share": { recipients: ["ad-network", "ad-network"] } },
    "prohibitions.no-ads",
    /duplicate id "ad-network"/,
  ],
  [
    "a retention rule for an undeclared jurisdiction",
    { "retention.email.uk": structuredClone(examplePolicy.retention.email.us) },
    "retention.email.uk",
    /unknown jurisdiction "uk"/,
  ],
];

describe("definePolicy", () => {
  it("returns the declaration it was given when it is consistent", () => {
    const declaration = declarationWith();
    expect(definePolicy(declaration as never)).toBe(declaration);
  });

  it.each(mistakes)("reports %s at its path", (_, changes, path, message) => {
    const issues = issuesOf(declarationWith(changes));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("reports every problem of a declaration at once, structural ones included", () => {
    const all = Object.assign({}, ...mistakes.map(([, changes]) => changes));
    const issues = issuesOf(declarationWith(all));
    for (const [, , path, message] of mistakes) {
      expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
    }
  });

  it("names the count and every path in the error message", () => {
    const declaration = declarationWith({
      "purposes.fulfilment.basis": "whim",
      "categories.email.section": "2",
    });
    expect(() => definePolicy(declaration as never)).toThrow(
      /2 problem\(s\):\n {2}- categories\.email\.section: .*\n {2}- purposes\.fulfilment\.basis: /,
    );
  });

  it("reports a missing jurisdictions list instead of crashing", () => {
    const issues = issuesOf(declarationWith({ jurisdictions: REMOVE }));
    expect(issues.map((i) => i.path)).toContain("jurisdictions");
  });

  it("refuses a non-object declaration with an error, not a crash", () => {
    for (const value of [null, undefined, 42, "policy", []]) {
      expect(issuesOf(value).length).toBeGreaterThan(0);
    }
  });
});

describe("a defined policy", () => {
  it("is deep-frozen", () => {
    expect(isDeepFrozen(examplePolicy)).toBe(true);
  });

  it("cannot be widened with a new purpose or a looser rule", () => {
    const policy = definePolicy(declarationWith() as never) as typeof examplePolicy;
    const guards = createGuards(policy);
    const before = guards.canUse("newsletter", "email");
    const purposes = policy.purposes as Record<string, unknown>;
    expect(() => {
      purposes.profiling = { ...policy.purposes.fulfilment };
    }).toThrow(TypeError);
    expect(() => {
      (policy.purposes.newsletter.uses.email as { when: unknown }).when = [];
    }).toThrow(TypeError);
    expect(() => {
      (policy.purposes.newsletter.uses.email.when as unknown as string[]).pop();
    }).toThrow(TypeError);
    expect(() => {
      delete (policy.prohibitions as Record<string, unknown>)["no-ads"];
    }).toThrow(TypeError);
    expect("profiling" in policy.purposes).toBe(false);
    expect(guards.canUse("newsletter", "email")).toBe(before);
    expect(createGuards(policy).canUse("newsletter", "email")).toEqual(before);
    expect((guards as unknown as LooseGuards).canUse("profiling", "email").allowed).toBe(false);
  });
});
