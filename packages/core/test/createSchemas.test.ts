import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import { createSchemas } from "../src/schemas";
import { contextArb } from "./support/arbitraries";

const firstMessage = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("createSchemas", () => {
  // Derived in each test, so every test exercises the derivation itself.
  let schemas: ReturnType<typeof createSchemas<typeof examplePolicy>>;
  beforeEach(() => {
    schemas = createSchemas(examplePolicy);
  });

  it.each([
    ["purposeSchema", Object.keys(examplePolicy.purposes)],
    ["categorySchema", Object.keys(examplePolicy.categories)],
    ["recipientSchema", Object.keys(examplePolicy.recipients)],
    ["basisSchema", Object.keys(examplePolicy.bases)],
    ["rightSchema", Object.keys(examplePolicy.rights)],
    ["jurisdictionSchema", [...examplePolicy.jurisdictions]],
  ] as const)("derives %s from the declared ids", (name, ids) => {
    const schema = schemas[name];
    for (const id of ids) expect(schema.parse(id)).toBe(id);
    expect(schema.options).toEqual(ids);
    for (const bad of ["nope", "__proto__", "constructor", "", 1, null, undefined]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });

  it("lists the allowed ids when refusing one", () => {
    expect(firstMessage(schemas.purposeSchema.safeParse("marketing"))).toBe(
      'unknown purpose "marketing"; expected one of "fulfilment" | "newsletter" | "tax-filing"',
    );
    expect(firstMessage(schemas.jurisdictionSchema.safeParse(7))).toBe(
      'unknown jurisdiction 7; expected one of "us" | "eea"',
    );
  });

  it("accepts a use context of the declared use fields", () => {
    const context = { consent: true, channel: "phone", jurisdiction: "eea" };
    expect(schemas.useContextSchema.parse(context)).toEqual(context);
    expect(schemas.useContextSchema.parse({})).toEqual({});
  });

  it("names the bad field and its allowed values", () => {
    expect(firstMessage(schemas.useContextSchema.safeParse({ channel: "fax" }))).toBe(
      'context field "channel" must be "web" | "phone", got "fax"',
    );
    expect(firstMessage(schemas.shareContextSchema.safeParse({ subpoena: "yes" }))).toBe(
      'context field "subpoena" must be false | true, got "yes"',
    );
  });

  it("refuses fields of the other question and undeclared fields", () => {
    expect(firstMessage(schemas.useContextSchema.safeParse({ subpoena: true }))).toBe(
      'unknown context field(s) "subpoena" for use; declared: consent, channel, jurisdiction',
    );
    expect(schemas.shareContextSchema.safeParse({ consent: true }).success).toBe(false);
  });

  it.each([null, [], "consent", 1])("refuses %s as a context", (value) => {
    expect(firstMessage(schemas.useContextSchema.safeParse(value))).toMatch(
      /the context must be an object/,
    );
  });

  it("validates a retention context", () => {
    const collectedAt = new Date("2020-01-01T00:00:00Z");
    expect(schemas.retentionContextSchema.parse({ collectedAt, jurisdiction: "eea" })).toEqual({
      collectedAt,
      jurisdiction: "eea",
    });
    expect(schemas.retentionContextSchema.safeParse({}).success).toBe(false);
    expect(
      firstMessage(schemas.retentionContextSchema.safeParse({ collectedAt: new Date(Number.NaN) })),
    ).toBe("collectedAt must be a valid Date, got an invalid Date");
    expect(schemas.retentionContextSchema.safeParse({ collectedAt, legalHold: "no" }).success).toBe(
      false,
    );
    expect(schemas.retentionContextSchema.safeParse({ collectedAt, extra: 1 }).success).toBe(false);
  });

  it("accepts only contexts the guards take as well-formed", () => {
    const { canUse, canShare } = createGuards(examplePolicy) as unknown as Record<
      "canUse" | "canShare",
      (a: string, b: string, c: unknown) => { reasons: readonly { code: string }[] }
    >;
    fc.assert(
      fc.property(contextArb(examplePolicy as never), (context) => {
        const invalid = (d: { reasons: readonly { code: string }[] }) =>
          d.reasons[0]?.code === "invalid-input";
        if (schemas.useContextSchema.safeParse(context).success)
          expect(invalid(canUse("fulfilment", "email", context))).toBe(false);
        if (schemas.shareContextSchema.safeParse(context).success)
          expect(invalid(canShare("order", "courier", context))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("says the policy declares none when an id list is empty", () => {
    const none = createSchemas({ ...examplePolicy, rights: {} });
    expect(firstMessage(none.rightSchema.safeParse("access"))).toBe(
      'unknown right "access"; expected none: the policy declares none',
    );
  });

  it("names every undeclared field of a context", () => {
    expect(
      firstMessage(schemas.shareContextSchema.safeParse({ consent: true, channel: "web" })),
    ).toBe(
      'unknown context field(s) "consent", "channel" for share; declared: subpoena, gagged, paid, jurisdiction',
    );
  });

  it("accepts a share context of the declared share fields and refuses an undeclared jurisdiction", () => {
    const context = { subpoena: true, gagged: false, paid: false, jurisdiction: "us" };
    expect(schemas.shareContextSchema.parse(context)).toEqual(context);
    expect(firstMessage(schemas.shareContextSchema.safeParse({ jurisdiction: "uk" }))).toBe(
      'context field "jurisdiction" must be "us" | "eea", got "uk"',
    );
  });

  it("names each date of a retention context that is not a valid Date", () => {
    const collectedAt = new Date("2020-01-01T00:00:00Z");
    expect(
      firstMessage(
        schemas.retentionContextSchema.safeParse({ collectedAt, relationshipEndedAt: "2021" }),
      ),
    ).toBe('relationshipEndedAt must be a valid Date, got "2021"');
    expect(firstMessage(schemas.retentionContextSchema.safeParse({ collectedAt, now: 0 }))).toBe(
      "now must be a valid Date, got 0",
    );
    expect(
      firstMessage(schemas.retentionContextSchema.safeParse({ collectedAt, jurisdiction: "uk" })),
    ).toBe('unknown jurisdiction "uk"; expected one of "us" | "eea"');
    expect(
      schemas.retentionContextSchema.parse({
        collectedAt,
        relationshipEndedAt: collectedAt,
        legalHold: true,
        now: collectedAt,
      }),
    ).toEqual({ collectedAt, relationshipEndedAt: collectedAt, legalHold: true, now: collectedAt });
  });

  it("returns frozen schemas", () => {
    expect(Object.isFrozen(schemas)).toBe(true);
  });
});
