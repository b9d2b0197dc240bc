import type { PolicyDeclaration } from "../declaration";
import type {
  CategoryOf,
  ConditionOf,
  FieldOf,
  JurisdictionOf,
  PurposeOf,
  RecipientOf,
} from "./Ids";
import type { IsSingleLiteral } from "./IsUnion";
import type { ListTuple } from "./ListIds";
import type { Simplify } from "./Simplify";

// The sentence lives in a key no value can have, so the compiler prints it with the refusal.
declare const sentence: unique symbol;

type FieldValue<F> = F extends { readonly kind: "choice"; readonly values: readonly (infer V)[] }
  ? F extends { readonly flagValues: object }
    ? V | boolean
    : V
  : boolean;

type FieldsFor<D extends PolicyDeclaration, Question extends "use" | "share"> = {
  [F in FieldOf<D>]: Question extends D["contextFields"][F]["appliesTo"][number] ? F : never;
}[FieldOf<D>];

/** Every field a caller may state when asking a question of this kind. All are optional. */
export type ContextOf<D extends PolicyDeclaration, Question extends "use" | "share"> = Simplify<
  {
    readonly [F in FieldsFor<D, Question>]?: FieldValue<D["contextFields"][F]>;
  } & { readonly jurisdiction?: JurisdictionOf<D> }
>;

type Elements<L> = L extends readonly (infer E)[] ? E : never;

type TermConditions<R> = R extends object
  ?
      | (R extends { readonly when?: infer W } ? Elements<W> : never)
      | (R extends { readonly unless?: infer U } ? Elements<U> : never)
      | (R extends { readonly obligations?: infer Os }
          ? Elements<Os> extends infer O
            ? O extends { readonly unless?: infer U }
              ? Elements<U>
              : never
            : never
          : never)
  : never;

// A variant is one rule, alternatives or a denial; its conditions are read like the rule's.
type VariantConditions<X> = X extends { readonly jurisdictions?: infer V }
  ? V extends object
    ? V[keyof V] extends infer Variant
      ? Variant extends readonly (infer A)[]
        ? TermConditions<A>
        : TermConditions<Variant>
      : never
    : never
  : never;

type RuleConditions<R> = TermConditions<R> | VariantConditions<R>;

// The conditions of the prohibitions that can match an actor: a scope that lists actors
// (`purposes` or `recipients`) matches only those it lists.
type ProhibitionConditions<
  D extends PolicyDeclaration,
  Question extends "use" | "share",
  Actor extends string,
> = {
  [K in keyof D["prohibitions"]]: D["prohibitions"][K] extends {
    readonly [Q in Question]: infer Scope;
  }
    ? Scope extends {
        readonly [L in Question extends "use" ? "purposes" : "recipients"]: infer Listed;
      }
      ? Actor extends Elements<Listed>
        ? Elements<D["prohibitions"][K]["when"]>
        : never
      : Elements<D["prohibitions"][K]["when"]>
    : never;
}[keyof D["prohibitions"]];

type FieldsOfConditions<D extends PolicyDeclaration, K> =
  K extends ConditionOf<D> ? D["conditions"][K]["field"] : never;

type RulesOf<Rules> = Rules[keyof Rules];

type UseFieldsOfPurpose<D extends PolicyDeclaration, P extends PurposeOf<D>> = FieldsOfConditions<
  D,
  | RuleConditions<RulesOf<D["purposes"][P]["uses"]>>
  | VariantConditions<D["purposes"][P]>
  | ProhibitionConditions<D, "use", P>
>;

type ShareFieldsOfRecipient<
  D extends PolicyDeclaration,
  R extends RecipientOf<D>,
> = FieldsOfConditions<
  D,
  | RuleConditions<RulesOf<D["recipients"][R]["receives"]>>
  | VariantConditions<D["recipients"][R]>
  | ProhibitionConditions<D, "share", R>
>;

type AllUseRuleFields<D extends PolicyDeclaration> = {
  [P in PurposeOf<D>]: UseFieldsOfPurpose<D, P>;
}[PurposeOf<D>];

type AllShareRuleFields<D extends PolicyDeclaration> = {
  [R in RecipientOf<D>]: ShareFieldsOfRecipient<D, R>;
}[RecipientOf<D>];

/**
 * The context `canUse` accepts for a purpose: the fields its rules read, plus those no rule
 * reads (such as `jurisdiction`). A field that only matters to other purposes is refused, so
 * the editor offers `consent` for a consent-based purpose and not for a contractual one.
 * A purpose known only at runtime accepts every field.
 */
export type UseContextFor<D extends PolicyDeclaration, P extends PurposeOf<D>> =
  IsSingleLiteral<P> extends true
    ? Simplify<
        Pick<
          ContextOf<D, "use">,
          Extract<
            keyof ContextOf<D, "use">,
            UseFieldsOfPurpose<D, P> | Exclude<keyof ContextOf<D, "use">, AllUseRuleFields<D>>
          >
        >
      >
    : ContextOf<D, "use">;

/** The context `canShare` accepts for a recipient, built the same way as {@link UseContextFor}. */
export type ShareContextFor<D extends PolicyDeclaration, R extends RecipientOf<D>> =
  IsSingleLiteral<R> extends true
    ? Simplify<
        Pick<
          ContextOf<D, "share">,
          Extract<
            keyof ContextOf<D, "share">,
            | ShareFieldsOfRecipient<D, R>
            | Exclude<keyof ContextOf<D, "share">, AllShareRuleFields<D>>
          >
        >
      >
    : ContextOf<D, "share">;

type HasVariants<X> = X extends { readonly jurisdictions: infer V }
  ? [keyof V] extends [never]
    ? false
    : true
  : false;

// A rule differs by jurisdiction when its actor or it declares variants, or a condition of it
// reads the jurisdiction; asked in that order, so the rule's conditions are read only when needed.
export type RuleNeedsJurisdiction<D extends PolicyDeclaration, Actor, Rule> =
  HasVariants<Actor> extends true
    ? true
    : HasVariants<Rule> extends true
      ? true
      : "jurisdiction" extends FieldsOfConditions<D, RuleConditions<Rule>>
        ? true
        : false;

/** Whether the policy answers a literal use differently by jurisdiction, so a context must say which. */
export type UseNeedsJurisdiction<
  D extends PolicyDeclaration,
  P extends PurposeOf<D>,
  C extends CategoryOf<D>,
> =
  IsSingleLiteral<P> extends true
    ? IsSingleLiteral<C> extends true
      ? C extends keyof D["purposes"][P]["uses"]
        ? RuleNeedsJurisdiction<D, D["purposes"][P], D["purposes"][P]["uses"][C]>
        : false
      : false
    : false;

/** Whether the policy answers a literal share differently by jurisdiction. */
export type ShareNeedsJurisdiction<
  D extends PolicyDeclaration,
  C extends CategoryOf<D>,
  R extends RecipientOf<D>,
> =
  IsSingleLiteral<R> extends true
    ? IsSingleLiteral<C> extends true
      ? C extends keyof D["recipients"][R]["receives"]
        ? RuleNeedsJurisdiction<D, D["recipients"][R], D["recipients"][R]["receives"][C]>
        : false
      : false
    : false;

/**
 * Shown by the compiler where a use or share whose answer differs by jurisdiction is asked
 * without one: the context must give `jurisdiction`.
 *
 * @example
 * canUse("product-development", "call-detail-record", { consent: true });
 * // ... Property 'jurisdiction' is missing in type '{ consent: true; }' but required in type
 * // 'JurisdictionRequired<"product-development using call-detail-record depends on the jurisdiction: give one of us, eea, uk">'.
 */
export interface JurisdictionRequired<Sentence extends string, J extends string = string> {
  readonly jurisdiction: J;
  readonly [sentence]?: Sentence;
}

/** The sentence of a {@link JurisdictionRequired} refusal. */
export type JurisdictionSentence<
  D extends PolicyDeclaration,
  Question extends string,
> = `${Question} depends on the jurisdiction: give one of ${ListTuple<D["jurisdictions"]>}`;
