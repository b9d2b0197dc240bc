import type {
  ChoiceFieldDeclaration,
  ConditionDeclaration,
  FlagFieldDeclaration,
  PolicyDeclaration,
  ProhibitionDeclaration,
  RetentionRuleDeclaration,
  RuleDeclaration,
} from "../declaration";
import type {
  BasisOf,
  CategoryOf,
  ConditionOf,
  FieldOf,
  JurisdictionOf,
  ObligationOf,
  PurposeOf,
  RecipientOf,
} from "./Ids";

/** Shown by the compiler where a declaration names a data category the policy does not declare. */
export type UnknownCategory<C extends PropertyKey> = `unknown data category: ${C & string}`;
/** Shown where a retention rule names a jurisdiction the policy does not declare. */
export type UnknownJurisdiction<J extends PropertyKey> = `unknown jurisdiction: ${J & string}`;

type CheckedRules<D extends PolicyDeclaration, Rules> = {
  readonly [C in keyof Rules]: C extends CategoryOf<D>
    ? RuleDeclaration<ConditionOf<D>, ObligationOf<D>>
    : UnknownCategory<C>;
};

type CheckedField<F> = F extends { readonly kind: "choice"; readonly values: infer V }
  ? ChoiceFieldDeclaration & { readonly default: V extends readonly (infer E)[] ? E : never }
  : FlagFieldDeclaration;

/**
 * The shape a declaration must have once its own ids are known: every reference to a
 * category, basis, condition, obligation, field, purpose, recipient or jurisdiction must name
 * one the same declaration declares. `definePolicy` intersects its argument with this type,
 * so a dangling reference is a compile error at the reference itself.
 */
export type CheckReferences<D extends PolicyDeclaration> = {
  readonly contextFields: {
    readonly [F in keyof D["contextFields"]]: CheckedField<D["contextFields"][F]>;
  };
  readonly conditions: {
    readonly [K in keyof D["conditions"]]: ConditionDeclaration<FieldOf<D> | "jurisdiction">;
  };
  readonly purposes: {
    readonly [P in keyof D["purposes"]]: {
      readonly basis: BasisOf<D>;
      readonly uses: CheckedRules<D, D["purposes"][P]["uses"]>;
    };
  };
  readonly recipients: {
    readonly [R in keyof D["recipients"]]: {
      readonly basis: BasisOf<D>;
      readonly receives: CheckedRules<D, D["recipients"][R]["receives"]>;
    };
  };
  readonly prohibitions: {
    readonly [K in keyof D["prohibitions"]]: ProhibitionDeclaration<
      PurposeOf<D>,
      CategoryOf<D>,
      RecipientOf<D>,
      ConditionOf<D>
    >;
  };
  readonly retention: {
    readonly [C in keyof D["retention"]]: C extends CategoryOf<D>
      ? {
          readonly [J in keyof D["retention"][C]]: J extends JurisdictionOf<D>
            ? RetentionRuleDeclaration<BasisOf<D>>
            : UnknownJurisdiction<J>;
        }
      : UnknownCategory<C>;
  };
};
