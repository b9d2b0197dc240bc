import type { PolicyDeclaration } from "../declaration";
import type { Declared, DeclaredList } from "./Declared";
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
import type { ListIds, ListTuple } from "./ListIds";
import type { InvalidDeclaration, NotDeclared } from "./Refusal";

/** Shown by the compiler where a declaration names a data category the policy does not declare. */
export type UnknownCategory<C, Known extends string> = Declared<C, Known, "data category">;

/** Shown where a retention rule names a jurisdiction the policy does not declare. */
export type UnknownJurisdiction<
  J,
  Jurisdictions extends readonly string[],
> = J extends Jurisdictions[number]
  ? J
  : NotDeclared<`${J & string} is not a declared jurisdiction; declared: ${ListTuple<Jurisdictions>}`>;

type Category<D extends PolicyDeclaration, C> = UnknownCategory<C, CategoryOf<D>>;
type Condition<D extends PolicyDeclaration, L> = DeclaredList<L, ConditionOf<D>, "condition">;

// Only the references are checked here; the rest of each shape is checked by `PolicyDeclaration`.
type CheckedObligation<D extends PolicyDeclaration, O> = O extends string
  ? Declared<O, ObligationOf<D>, "obligation">
  : {
      readonly [K in keyof O]: K extends "id"
        ? Declared<O[K], ObligationOf<D>, "obligation">
        : K extends "unless"
          ? Condition<D, O[K]>
          : O[K];
    };

type CheckedRule<D extends PolicyDeclaration, R> = {
  readonly [K in keyof R]: K extends "when" | "unless"
    ? Condition<D, R[K]>
    : K extends "obligations"
      ? { readonly [I in keyof R[K]]: CheckedObligation<D, R[K][I]> }
      : K extends "basis"
        ? Declared<R[K], BasisOf<D>, "lawful basis">
        : K extends "jurisdictions"
          ? CheckedVariants<D, R[K]>
          : R[K];
};

// A denial names no ids; a variant or each alternative is checked like a rule.
type CheckedVariant<D extends PolicyDeclaration, V> = V extends { readonly denied: true }
  ? V
  : V extends readonly unknown[]
    ? { readonly [I in keyof V]: CheckedRule<D, V[I]> }
    : CheckedRule<D, V>;

type CheckedVariants<D extends PolicyDeclaration, Vs> = {
  readonly [J in keyof Vs]: J extends JurisdictionOf<D>
    ? CheckedVariant<D, Vs[J]>
    : UnknownJurisdiction<J, D["jurisdictions"]>;
};

type CheckedLaw<D extends PolicyDeclaration, L> = {
  readonly [K in keyof L]: K extends "binds"
    ? DeclaredList<L[K], JurisdictionOf<D>, "jurisdiction">
    : L[K];
};

type CheckedRules<D extends PolicyDeclaration, Rules> = {
  readonly [C in keyof Rules]: C extends CategoryOf<D> ? CheckedRule<D, Rules[C]> : Category<D, C>;
};

type CheckedField<F, Name> = {
  readonly [K in keyof F]: K extends "default"
    ? F extends { readonly values: readonly (infer V extends string)[] }
      ? F[K] extends V
        ? F[K]
        : NotDeclared<`${F[K] & string} is not a value of ${Name & string}; its values: ${ListIds<V>}`>
      : F[K]
    : F[K];
};

type CheckedLists<D extends PolicyDeclaration, Lists> = {
  readonly [K in keyof Lists]: K extends "purposes"
    ? DeclaredList<Lists[K], PurposeOf<D>, "purpose">
    : K extends "categories"
      ? DeclaredList<Lists[K], CategoryOf<D>, "data category">
      : K extends "recipients"
        ? DeclaredList<Lists[K], RecipientOf<D>, "recipient">
        : Lists[K];
};

// The declared shape allows both `use` and `share`; a prohibition may give only one of them.
type CheckedProhibition<D extends PolicyDeclaration, X> = {
  readonly [K in keyof X]: K extends "when"
    ? Condition<D, X[K]>
    : K extends "share"
      ? "use" extends keyof X
        ? InvalidDeclaration<"a prohibition forbids either `use` or `share`, not both">
        : CheckedLists<D, X[K]>
      : K extends "use"
        ? CheckedLists<D, X[K]>
        : X[K];
};

type CheckedRetention<D extends PolicyDeclaration, Rule> = {
  readonly [K in keyof Rule]: K extends "basis"
    ? Declared<Rule[K], BasisOf<D>, "lawful basis">
    : Rule[K];
};

/**
 * The references a declaration must get right once its own ids are known: every category,
 * basis, condition, obligation, field, purpose, recipient or jurisdiction it names must be one
 * the same declaration declares. `definePolicy` intersects its argument with this type, so a
 * dangling reference is a compile error at the reference itself, naming the declared ids.
 */
export type CheckReferences<D extends PolicyDeclaration> = {
  readonly contextFields: {
    readonly [F in keyof D["contextFields"]]: CheckedField<D["contextFields"][F], F>;
  };
  readonly conditions: {
    readonly [K in keyof D["conditions"]]: {
      readonly [P in keyof D["conditions"][K]]: P extends "field"
        ? Declared<D["conditions"][K][P], FieldOf<D> | "jurisdiction", "context field">
        : D["conditions"][K][P];
    };
  };
  readonly purposes: {
    readonly [P in keyof D["purposes"]]: {
      readonly [K in keyof D["purposes"][P]]: K extends "basis"
        ? Declared<D["purposes"][P][K], BasisOf<D>, "lawful basis">
        : K extends "uses"
          ? CheckedRules<D, D["purposes"][P][K]>
          : K extends "jurisdictions"
            ? CheckedVariants<D, D["purposes"][P][K]>
            : K extends "law"
              ? CheckedLaw<D, D["purposes"][P][K]>
              : D["purposes"][P][K];
    };
  };
  readonly recipients: {
    readonly [R in keyof D["recipients"]]: {
      readonly [K in keyof D["recipients"][R]]: K extends "basis"
        ? Declared<D["recipients"][R][K], BasisOf<D>, "lawful basis">
        : K extends "receives"
          ? CheckedRules<D, D["recipients"][R][K]>
          : K extends "jurisdictions"
            ? CheckedVariants<D, D["recipients"][R][K]>
            : K extends "law"
              ? CheckedLaw<D, D["recipients"][R][K]>
              : D["recipients"][R][K];
    };
  };
  readonly prohibitions: {
    readonly [K in keyof D["prohibitions"]]: CheckedProhibition<D, D["prohibitions"][K]>;
  };
  readonly retention: {
    readonly [C in keyof D["retention"]]: C extends CategoryOf<D>
      ? {
          readonly [J in keyof D["retention"][C]]: J extends JurisdictionOf<D>
            ? CheckedRetention<D, D["retention"][C][J]>
            : UnknownJurisdiction<J, D["jurisdictions"]>;
        }
      : Category<D, C>;
  };
};
