import { describe, expect, it } from "vitest";
import { policyDeclarationSchema } from "../src/schemas";
import { declarationWith, REMOVE } from "./support/declarationWith";

/** The paths at which the schema refuses a changed copy of the example declaration. */
const refusedPaths = (changes: Record<string, unknown>) => {
  const result = policyDeclarationSchema.safeParse(declarationWith(changes));
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

const cite = { section: "§2(a)", text: "a sentence" };

describe("policyDeclarationSchema", () => {
  it("accepts the example declaration as it is", () => {
    expect(policyDeclarationSchema.safeParse(declarationWith()).success).toBe(true);
  });

  it.each([
    ["an id that is not kebab-case", { "categories.eMail": cite }, "categories.eMail"],
    ["a policy id with a space", { id: "example shop" }, "id"],
    ["a version that is not a date", { version: "2024-31-01" }, "version"],
    ["an empty title", { title: "" }, "title"],
    ["no jurisdiction at all", { jurisdictions: [] }, "jurisdictions.0"],
    ["a section without §", { "scopes.use.section": "3" }, "scopes.use.section"],
    [
      "a section with two letters",
      { "categories.email.section": "§2(ab)" },
      "categories.email.section",
    ],
    ["an empty quotation", { "categories.email.text": "" }, "categories.email.text"],
    [
      "a context field that is not camelCase",
      { "contextFields.opt-in": { kind: "flag", appliesTo: ["use"], description: "x" } },
      "contextFields.opt-in",
    ],
    [
      "a field that applies to no question",
      { "contextFields.consent.appliesTo": [] },
      "contextFields.consent.appliesTo",
    ],
    [
      "a field of an unknown kind",
      { "contextFields.consent.kind": "number" },
      "contextFields.consent.kind",
    ],
    [
      "a choice without values",
      { "contextFields.channel.values": [] },
      "contextFields.channel.values",
    ],
    [
      "an unknown key in a rule",
      { "purposes.fulfilment.uses.email": { if: ["consent"] } },
      "purposes.fulfilment.uses.email",
    ],
    [
      "a retention period in hours",
      { "retention.email.us.period": { hours: 12 } },
      "retention.email.us.period",
    ],
    [
      "a fractional retention period",
      { "retention.email.us.period": { years: 1.5 } },
      "retention.email.us.period.years",
    ],
    [
      "a negative retention period",
      { "retention.email.us.period": { days: -1 } },
      "retention.email.us.period.days",
    ],
    [
      "an unknown retention anchor",
      { "retention.email.us.anchor": "deletion" },
      "retention.email.us.anchor",
    ],
    [
      "a minimum age of zero",
      { commitments: { minimumAge: { ...cite, years: 0 } } },
      "commitments.minimumAge.years",
    ],
    [
      "a controller without an address",
      { commitments: { controller: { ...cite, name: "Shop", address: [] } } },
      "commitments.controller.address",
    ],
    ["an undeclared top-level key", { owner: "Shop" }, ""],
    ["a missing rights record", { rights: REMOVE }, "rights"],
  ])("refuses %s", (_, changes, path) => {
    expect(refusedPaths(changes)).toContain(path);
  });
});
