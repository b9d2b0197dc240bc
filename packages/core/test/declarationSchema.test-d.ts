// The declaration's TypeScript types and its zod schema describe the same values: proven here
// both ways (`toEqualTypeOf` is symmetric), for what the schema reads (`z.input`) and what it
// returns (`z.output`). `DeepReadonly` only adds the `readonly` the types carry and zod leaves off.
// Every part is claimed, then the whole declaration, so a field added to one side only fails here.
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type {
  ContextFieldDeclaration,
  JurisdictionVariants,
  PolicyDeclaration,
  ProhibitionDeclaration,
  RetentionPeriod,
  RetentionRuleDeclaration,
  RuleDeclaration,
} from "../src";
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

  it("agree on a use or share rule, its jurisdiction variants and the rule records", () => {
    type Purpose = ValueOf<SchemaInput["purposes"]>;
    type Recipient = ValueOf<SchemaInput["recipients"]>;
    expectTypeOf<ValueOf<Purpose["uses"]>>().toEqualTypeOf<DeepReadonly<RuleDeclaration>>();
    expectTypeOf<DeepReadonly<RuleDeclaration>>().toEqualTypeOf<ValueOf<Purpose["uses"]>>();
    expectTypeOf<ValueOf<Recipient["receives"]>>().toEqualTypeOf<DeepReadonly<RuleDeclaration>>();
    expectTypeOf<NonNullable<Purpose["jurisdictions"]>>().toEqualTypeOf<
      DeepReadonly<JurisdictionVariants>
    >();
    expectTypeOf<ValueOf<Declared["purposes"]>["uses"]>().toEqualTypeOf<Purpose["uses"]>();
    expectTypeOf<ValueOf<Declared["recipients"]>["receives"]>().toEqualTypeOf<
      Recipient["receives"]
    >();
  });

  it("agree on purposes and recipients, in both directions", () => {
    expectTypeOf<SchemaInput["purposes"]>().toEqualTypeOf<Declared["purposes"]>();
    expectTypeOf<Declared["purposes"]>().toEqualTypeOf<SchemaInput["purposes"]>();
    expectTypeOf<SchemaOutput["purposes"]>().toEqualTypeOf<Declared["purposes"]>();
    expectTypeOf<SchemaInput["recipients"]>().toEqualTypeOf<Declared["recipients"]>();
    expectTypeOf<Declared["recipients"]>().toEqualTypeOf<SchemaInput["recipients"]>();
    expectTypeOf<SchemaOutput["recipients"]>().toEqualTypeOf<Declared["recipients"]>();
  });

  it("agree on context fields: a flag, a choice with its values and flagValues", () => {
    type Field = ValueOf<SchemaInput["contextFields"]>;
    expectTypeOf<Field>().toEqualTypeOf<DeepReadonly<ContextFieldDeclaration>>();
    expectTypeOf<DeepReadonly<ContextFieldDeclaration>>().toEqualTypeOf<Field>();
    expectTypeOf<SchemaOutput["contextFields"]>().toEqualTypeOf<Declared["contextFields"]>();
  });

  it("agree on conditions with equals or oneOf", () => {
    expectTypeOf<Declared["conditions"]>().toEqualTypeOf<SchemaInput["conditions"]>();
    expectTypeOf<SchemaOutput["conditions"]>().toEqualTypeOf<Declared["conditions"]>();
  });

  it("agree on prohibitions", () => {
    type Prohibition = ValueOf<SchemaInput["prohibitions"]>;
    expectTypeOf<Prohibition>().toEqualTypeOf<DeepReadonly<ProhibitionDeclaration>>();
    expectTypeOf<DeepReadonly<ProhibitionDeclaration>>().toEqualTypeOf<Prohibition>();
    expectTypeOf<SchemaOutput["prohibitions"]>().toEqualTypeOf<Declared["prohibitions"]>();
  });

  it("agree on the whole declaration, in both directions", () => {
    expectTypeOf<SchemaInput>().toEqualTypeOf<Declared>();
    expectTypeOf<Declared>().toEqualTypeOf<SchemaInput>();
    expectTypeOf<SchemaOutput>().toEqualTypeOf<Declared>();
    expectTypeOf<Declared>().toEqualTypeOf<SchemaOutput>();
  });
});
