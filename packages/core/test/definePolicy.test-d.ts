import { describe, expectTypeOf, it } from "vitest";
import type { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import type { CategoryOf, JurisdictionOf, PurposeOf } from "../src";
import { definePolicy } from "../src/schemas";

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
  categories: { email: cite },
  contextFields: { consent: { kind: "flag", appliesTo: ["use"], description: "opted in" } },
  conditions: { consent: { field: "consent", ...cite } },
  obligations: {},
  recipients: {},
  prohibitions: {},
  rights: {},
} as const;

describe("definePolicy types", () => {
  it("keeps every id a literal type", () => {
    expectTypeOf<PurposeOf<typeof examplePolicy>>().toEqualTypeOf<
      "fulfilment" | "newsletter" | "tax-filing"
    >();
    expectTypeOf<CategoryOf<typeof examplePolicy>>().toEqualTypeOf<"email" | "order" | "card">();
    expectTypeOf<JurisdictionOf<typeof examplePolicy>>().toEqualTypeOf<"us" | "eea">();
  });

  it("accepts a declaration whose references all resolve", () => {
    definePolicy({
      ...base,
      purposes: { mail: { basis: "contract", ...cite, uses: { email: { when: ["consent"] } } } },
      retention: { email: { us: rule } },
    });
  });

  it("refuses a reference to an undeclared category where it is written", () => {
    definePolicy({
      ...base,
      purposes: {
        // @ts-expect-error: "phone" is not a declared category
        mail: { basis: "contract", ...cite, uses: { phone: {} } },
      },
      retention: { email: { us: rule } },
    });
  });

  it("refuses a reference to an undeclared basis", () => {
    definePolicy({
      ...base,
      // @ts-expect-error: "whim" is not a declared basis
      purposes: { mail: { basis: "whim", ...cite, uses: { email: {} } } },
      retention: { email: { us: rule } },
    });
  });

  it("refuses a reference to an undeclared condition", () => {
    definePolicy({
      ...base,
      purposes: {
        // @ts-expect-error: "opted-in" is not a declared condition
        mail: { basis: "contract", ...cite, uses: { email: { when: ["opted-in"] } } },
      },
      retention: { email: { us: rule } },
    });
  });

  it("refuses a retention rule for an undeclared jurisdiction", () => {
    definePolicy({
      ...base,
      purposes: {},
      // @ts-expect-error: "eea" is not a declared jurisdiction
      retention: { email: { us: rule, eea: rule } },
    });
  });
});
