/**
 * Where a declaration comes from: the policy section (`"§4"`, `"§2(a)"`) and the sentence it encodes.
 * Every declaration carries one, so every decision can cite the clause that produced it.
 */
export interface Citation {
  /** The policy section, e.g. `"§3"` or `"§2(c)"`. */
  readonly section: string;
  /** The sentence of the policy this declaration encodes, quoted or closely paraphrased. */
  readonly text: string;
}

/** A lawful basis for processing (GDPR Art. 6(1)). */
export interface BasisDeclaration extends Citation {
  /** The GDPR provision, e.g. `"Art. 6(1)(b)"`. */
  readonly gdpr?: string;
  /**
   * `true` for a basis that exists only where a law lays it down, as a legal obligation does
   * (GDPR Art. 6(1)(c) with 6(3)): every purpose or recipient on it names that law and the
   * jurisdictions it binds ({@link LawDeclaration}), and says how every other one decides.
   */
  readonly requiresLaw?: boolean;
}

/** A category of personal data the policy says is collected. */
export interface CategoryDeclaration extends Citation {
  /** Whose data this is, for the record of processing (e.g. `"customers' representatives"`). */
  readonly subjects?: readonly string[];
  /**
   * The policy owner's role for this data: `"processor"` where it processes it only on its
   * customers' behalf (GDPR Art. 28), so the record of processing lists it under Art. 30(2)
   * rather than among the owner's own purposes. Omitted: `"controller"`.
   */
  readonly role?: "controller" | "processor";
}

/** A yes/no fact the caller states about a request, e.g. `consent` or `legalProcess`. Defaults to `false`. */
export interface FlagFieldDeclaration {
  readonly kind: "flag";
  /** Which questions read this field. */
  readonly appliesTo: readonly ("use" | "share")[];
  readonly description: string;
}

/** A fact with a closed set of values, e.g. `storage: "transient" | "stored"`. */
export interface ChoiceFieldDeclaration {
  readonly kind: "choice";
  readonly appliesTo: readonly ("use" | "share")[];
  readonly values: readonly [string, ...string[]];
  /** The value assumed when the caller says nothing: choose the one that grants least. */
  readonly default: string;
  readonly description: string;
  /**
   * The values `true` and `false` stand for, so that a field which used to be a flag keeps
   * accepting them, e.g. `{ true: "subpoena", false: "none" }`.
   */
  readonly flagValues?: { readonly true: string; readonly false: string };
}

/** A field of the context a caller passes to `canUse`/`canShare`. */
export type ContextFieldDeclaration = FlagFieldDeclaration | ChoiceFieldDeclaration;

/**
 * A named condition: data, not a closure, so it can be listed, rendered and tested.
 * It holds when the context field `field` equals `equals` (`true` for a flag when omitted),
 * or, for a choice field, when its value is one of `oneOf`.
 */
export interface ConditionDeclaration<Field extends string = string> extends Citation {
  readonly field: Field;
  readonly equals?: string | boolean;
  /** The values of a choice field for which the condition holds; not together with `equals`. */
  readonly oneOf?: readonly [string, ...string[]];
}

/** Something a caller must do when a request is allowed (an XACML-style obligation). */
export type ObligationDeclaration = Citation;

/** An obligation attached to a rule, optionally lifted while some conditions hold. */
export type ObligationReference<
  Obligation extends string = string,
  Condition extends string = string,
> = Obligation | { readonly id: Obligation; readonly unless?: readonly Condition[] };

/** The conditions and obligations of a rule, as a jurisdiction's variant adds them too. */
interface RuleTerms<Condition extends string = string, Obligation extends string = string>
  extends Partial<Citation> {
  /** Every one of these conditions must hold. */
  readonly when?: readonly Condition[];
  /** None of these conditions may hold. */
  readonly unless?: readonly Condition[];
  readonly obligations?: readonly ObligationReference<Obligation, Condition>[];
}

/**
 * How a use or share is decided in one jurisdiction whose law differs: the rule as declared,
 * plus these conditions and obligations, on this basis, under this law.
 */
export interface JurisdictionRuleDeclaration<
  Basis extends string = string,
  Condition extends string = string,
  Obligation extends string = string,
> extends RuleTerms<Condition, Obligation> {
  /** The lawful basis in this jurisdiction; the purpose's (or recipient's) when omitted. */
  readonly basis?: Basis;
  /** The law that decides in this jurisdiction, with its citation, e.g. `"PECR reg. 7"`. */
  readonly law: string;
}

/** A use or share the law of one jurisdiction does not allow, and the law that says so. */
export interface JurisdictionDenialDeclaration extends Partial<Citation> {
  readonly denied: true;
  /** The law that denies it, with its citation, e.g. `"ePrivacy Directive 2002/58/EC Art. 6(1)"`. */
  readonly law: string;
}

/**
 * A rule in one jurisdiction: a variant; alternatives, of which the first whose conditions
 * hold decides (consent, or else anonymised aggregates); or a denial.
 */
export type JurisdictionVariant<
  Basis extends string = string,
  Condition extends string = string,
  Obligation extends string = string,
> =
  | JurisdictionRuleDeclaration<Basis, Condition, Obligation>
  | readonly JurisdictionRuleDeclaration<Basis, Condition, Obligation>[]
  | JurisdictionDenialDeclaration;

/** Variants of a rule keyed by jurisdiction, as retention rules are; unlisted ones use the rule. */
export type JurisdictionVariants<
  Basis extends string = string,
  Condition extends string = string,
  Obligation extends string = string,
> = { readonly [jurisdiction: string]: JurisdictionVariant<Basis, Condition, Obligation> };

/** A permission: a purpose may use a category, or a recipient may receive one. */
export interface RuleDeclaration<
  Condition extends string = string,
  Obligation extends string = string,
  Basis extends string = string,
> extends RuleTerms<Condition, Obligation> {
  /** Where a jurisdiction's law decides this pair otherwise; overrides the actor's variants. */
  readonly jurisdictions?: JurisdictionVariants<Basis, Condition, Obligation>;
}

/**
 * The rules of a purpose or recipient, keyed by the categories they cover; a category without
 * one is not permitted. With declared ids each key is optional; over any string it is a record
 * whose values are rules, as the declaration schema reads it (a listed key always holds a rule).
 */
export type RulesByCategory<Category extends string, Rule> = string extends Category
  ? { readonly [category: string]: Rule }
  : { readonly [C in Category]?: Rule };

/**
 * The law a basis rests on and the jurisdictions whose law it is (GDPR Art. 6(3): a legal
 * obligation is one laid down by the law of the place). Elsewhere the obligation does not exist.
 */
export interface LawDeclaration<Jurisdiction extends string = string> {
  /** The law with its citation, e.g. `"18 U.S.C. 2703: subpoenas, court orders and warrants"`. */
  readonly name: string;
  readonly binds: readonly [Jurisdiction, ...Jurisdiction[]];
}

/** A purpose of processing, with exactly one lawful basis and the categories it may use. */
export interface PurposeDeclaration<
  Basis extends string = string,
  Category extends string = string,
  Condition extends string = string,
  Obligation extends string = string,
> extends Citation {
  readonly basis: Basis;
  /** The law `basis` rests on, required when the basis `requiresLaw`. */
  readonly law?: LawDeclaration;
  /** How each jurisdiction decides every use of this purpose, where its law differs. */
  readonly jurisdictions?: JurisdictionVariants<Basis, Condition, Obligation>;
  readonly uses: RulesByCategory<Category, RuleDeclaration<Condition, Obligation, Basis>>;
}

/** A recipient of personal data and the categories it may receive. */
export interface RecipientDeclaration<
  Basis extends string = string,
  Category extends string = string,
  Condition extends string = string,
  Obligation extends string = string,
> extends Citation {
  /** The lawful basis of disclosures to this recipient. */
  readonly basis: Basis;
  /** The law `basis` rests on, required when the basis `requiresLaw`. */
  readonly law?: LawDeclaration;
  /** How each jurisdiction decides every disclosure to this recipient, where its law differs. */
  readonly jurisdictions?: JurisdictionVariants<Basis, Condition, Obligation>;
  readonly receives: RulesByCategory<Category, RuleDeclaration<Condition, Obligation, Basis>>;
}

/**
 * A prohibition overrides every permission it matches (deny overrides, like a Cedar `forbid`).
 * It forbids either `use` or `share`: one of the two, which `definePolicy` checks with the
 * references (as it checks a condition's `equals` against `oneOf`), and refuses at compile
 * time when both are given. An omitted list matches everything; `when` makes it conditional.
 */
export interface ProhibitionDeclaration<
  Purpose extends string = string,
  Category extends string = string,
  Recipient extends string = string,
  Condition extends string = string,
> extends Citation {
  /** The conditions under which it forbids; always when omitted. */
  readonly when?: readonly Condition[];
  /** The uses it forbids: of these categories for these purposes. */
  readonly use?: {
    readonly purposes?: readonly Purpose[];
    readonly categories?: readonly Category[];
  };
  /** The disclosures it forbids: of these categories to these recipients. */
  readonly share?: {
    readonly categories?: readonly Category[];
    readonly recipients?: readonly Recipient[];
  };
}

/**
 * A retention period in UTC calendar units, as the declaration schema accepts it: whole,
 * non-negative `years`, `months`, `weeks` and `days`, e.g. `{ years: 5 }` or `{ months: 18 }`.
 */
export interface RetentionPeriod {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
}

/** The event a retention period runs from. */
export type RetentionAnchor = "collection" | "relationship-end";

/** How long a category is kept in one jurisdiction, and the law that says so. */
export interface RetentionRuleDeclaration<Basis extends string = string> extends Citation {
  readonly anchor: RetentionAnchor;
  /** The default period, counted in UTC calendar units from the anchor. */
  readonly period: RetentionPeriod;
  /** The shortest period the cited law allows; a deployment may not configure less. */
  readonly minimum?: RetentionPeriod;
  /** The longest period storage limitation allows; a deployment may not configure more. */
  readonly maximum?: RetentionPeriod;
  /** The lawful basis for keeping the data this long. */
  readonly basis: Basis;
  /**
   * The period keeps the data for the establishment, exercise or defence of legal claims (GDPR
   * Art. 17(3)(e)): a request to erase it yields while the period runs.
   */
  readonly keptForLegalClaims?: boolean;
  /** The law or reasoning the period rests on, with its citation. */
  readonly law: string;
}

/** A data subject right (GDPR Arts. 15–22). */
export interface RightDeclaration extends Citation {
  /** The GDPR article, e.g. `"Art. 17"`. */
  readonly gdpr?: string;
}

/** The clauses that close each question's world: anything they do not list is denied. */
export interface ScopeDeclarations {
  readonly use: Citation;
  readonly share: Citation;
  readonly retention: Citation;
}

/** Who answers for the processing (GDPR Art. 30(1)(a)), as the policy's contact clause names it. */
export interface ControllerDeclaration extends Citation {
  readonly name: string;
  readonly address: readonly string[];
}

/** A commitment no single request decides, listed item by item for the record of processing. */
export interface CommitmentDeclaration extends Citation {
  readonly items: readonly string[];
}

/**
 * Clauses that bind the policy's owner but are not decided per request. They feed the record
 * of processing and the guards built beside the engine (transfers, children).
 */
export interface CommitmentsDeclaration {
  readonly controller?: ControllerDeclaration;
  /** Technical and organisational security measures (Art. 30(1)(g)). */
  readonly security?: CommitmentDeclaration;
  /** Safeguards for transfers to third countries (Art. 30(1)(e)). */
  readonly transfers?: CommitmentDeclaration;
  /** The youngest age from which personal data may be collected, and the law that sets it. */
  readonly minimumAge?: Citation & { readonly years: number; readonly law?: string };
  /** How the customer's own role is divided from the policy owner's. */
  readonly roles?: Citation;
  /** How changes to the policy are announced; decisions name the version they were made under. */
  readonly changes?: Citation;
}

/** The whole input of `definePolicy`. Identifiers are the keys of each record. */
export interface PolicyDeclaration {
  /** A stable identifier for the policy, e.g. `"trunkiq-privacy-policy"`. */
  readonly id: string;
  /** The policy's "Last Updated" date, `YYYY-MM-DD`: every decision names it. */
  readonly version: string;
  readonly title: string;
  /**
   * Jurisdictions whose law the rules rest on. A use or share whose answer depends on the
   * jurisdiction must be asked with one; retention defaults to the first.
   */
  readonly jurisdictions: readonly [string, ...string[]];
  readonly scopes: ScopeDeclarations;
  readonly bases: { readonly [id: string]: BasisDeclaration };
  readonly categories: { readonly [id: string]: CategoryDeclaration };
  readonly contextFields: { readonly [field: string]: ContextFieldDeclaration };
  readonly conditions: { readonly [id: string]: ConditionDeclaration };
  readonly obligations: { readonly [id: string]: ObligationDeclaration };
  readonly purposes: { readonly [id: string]: PurposeDeclaration };
  readonly recipients: { readonly [id: string]: RecipientDeclaration };
  readonly prohibitions: { readonly [id: string]: ProhibitionDeclaration };
  readonly retention: {
    readonly [category: string]: { readonly [jurisdiction: string]: RetentionRuleDeclaration };
  };
  readonly rights: { readonly [id: string]: RightDeclaration };
  readonly commitments?: CommitmentsDeclaration;
}
