// The declaration's TypeScript types and its zod schema describe the same values: proven here
// both ways (`toEqualTypeOf` is symmetric), for what the schema reads (`z.input`) and what it
// returns (`z.output`). `DeepReadonly` only adds the `readonly` the types carry and zod leaves off.
// Not equal, and so not claimed here: purposes' and recipients' rule records, context fields and
// prohibitions, where the types are narrower than the schema (a choice's values are a non-empty
// tuple, a prohibition names `use` or `share` but not both).
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { PolicyDeclaration, RetentionPeriod, RetentionRuleDeclaration } from "../src";
import type { durationSchema, policyDeclarationSchema } from "../src/policyDeclarationSchema";

type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type SchemaInput = DeepReadonly<z.input<typeof policyDeclarationSchema>>;
type SchemaOutput = DeepReadonly<z.output<typeof policyDeclarationSchema>>;
type Declared = DeepReadonly<PolicyDeclaration>;
type ValueOf<R> = R extends { readonly [key: string]: infer V } ? V : never;

describe("the declaration's types and its zod schema", () => {
  it("agree on a retention period, in both directions", () => {
    expectTypeOf<Readonly<z.input<typeof durationSchema>>>().toEqualTypeOf<RetentionPeriod>();
    expectTypeOf<RetentionPeriod>().toEqualTypeOf<Readonly<z.input<typeof durationSchema>>>();
    expectTypeOf<Readonly<z.output<typeof durationSchema>>>().toEqualTypeOf<RetentionPeriod>();
    expectTypeOf<RetentionPeriod>().toEqualTypeOf<Readonly<z.output<typeof durationSchema>>>();
  });

  it("agree on a retention rule and the retention table", () => {
    type Rule = ValueOf<ValueOf<SchemaInput["retention"]>>;
    expectTypeOf<Rule>().toEqualTypeOf<DeepReadonly<RetentionRuleDeclaration>>();
    expectTypeOf<SchemaInput["retention"]>().toEqualTypeOf<Declared["retention"]>();
    expectTypeOf<SchemaOutput["retention"]>().toEqualTypeOf<Declared["retention"]>();
  });

  it("agree on the header, the scopes, the jurisdictions and the commitments", () => {
    expectTypeOf<SchemaInput["id"]>().toEqualTypeOf<Declared["id"]>();
    expectTypeOf<SchemaInput["version"]>().toEqualTypeOf<Declared["version"]>();
    expectTypeOf<SchemaInput["title"]>().toEqualTypeOf<Declared["title"]>();
    expectTypeOf<SchemaInput["jurisdictions"]>().toEqualTypeOf<Declared["jurisdictions"]>();
    expectTypeOf<SchemaInput["scopes"]>().toEqualTypeOf<Declared["scopes"]>();
    expectTypeOf<SchemaInput["commitments"]>().toEqualTypeOf<Declared["commitments"]>();
    expectTypeOf<SchemaOutput["commitments"]>().toEqualTypeOf<Declared["commitments"]>();
  });

  it("agree on bases, categories, conditions, obligations and rights", () => {
    expectTypeOf<SchemaInput["bases"]>().toEqualTypeOf<Declared["bases"]>();
    expectTypeOf<SchemaInput["categories"]>().toEqualTypeOf<Declared["categories"]>();
    expectTypeOf<SchemaInput["conditions"]>().toEqualTypeOf<Declared["conditions"]>();
    expectTypeOf<SchemaInput["obligations"]>().toEqualTypeOf<Declared["obligations"]>();
    expectTypeOf<SchemaInput["rights"]>().toEqualTypeOf<Declared["rights"]>();
  });
});
