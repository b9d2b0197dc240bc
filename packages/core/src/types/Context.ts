import type { PolicyDeclaration, RuleDeclaration } from "../declaration";
import type { ConditionOf, FieldOf, JurisdictionOf, PurposeOf, RecipientOf } from "./Ids";
import type { IsSingleLiteral } from "./IsUnion";
import type { Simplify } from "./Simplify";

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

type RuleConditions<R> = R extends RuleDeclaration
  ?
      | Elements<R["when"]>
      | Elements<R["unless"]>
      | (Elements<R["obligations"]> extends infer O
          ? O extends { readonly unless?: infer U }
            ? Elements<U>
            : never
          : never)
  : never;

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
  RuleConditions<RulesOf<D["purposes"][P]["uses"]>> | ProhibitionConditions<D, "use", P>
>;

type ShareFieldsOfRecipient<
  D extends PolicyDeclaration,
  R extends RecipientOf<D>,
> = FieldsOfConditions<
  D,
  RuleConditions<RulesOf<D["recipients"][R]["receives"]>> | ProhibitionConditions<D, "share", R>
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
