import type { PolicyRef, ReasonCode, ShareDecision, UseDecision } from "../decision";
import type { PolicyDeclaration } from "../declaration";
import type { AnyDecision } from "../explain";
import type {
  RetentionContext,
  RetentionCutoff,
  RetentionCutoffContext,
  RetentionDecision,
} from "../retention";
import type { Bound, Cleared } from "./Bound";
import type {
  JurisdictionRequired,
  JurisdictionSentence,
  RuleNeedsJurisdiction,
  ShareContextFor,
  ShareNeedsJurisdiction,
  UseContextFor,
  UseNeedsJurisdiction,
} from "./Context";
import type { Declared } from "./Declared";
import type {
  BasisOf,
  BasisOfPurpose,
  BasisOfRecipient,
  CategoryOf,
  JurisdictionOf,
  PurposeOf,
  RecipientOf,
} from "./Ids";
import type { IsSingleLiteral } from "./IsUnion";
import type { RecipientFor, ShareRefusal, UsableCategory, UseRefusal } from "./Permitted";
import type { UntrustedGuards } from "./UntrustedGuards";

// Any other string, so a typo reaches the argument's own type and its refusal instead of
// failing the type parameter's constraint (whose message would print the whole declaration).
type Undeclared = string & {};

// The argument types below are read by the compiler twice per guard: once, generic, to decide
// whether a literal argument keeps its literal type (which computes their constraint, every
// branch of every conditional), and once per call with the inferred ids. So the policy is read
// only in the checks, on tuples (not distributed over the constraint's union), and a refusal's
// sentence is computed only once the ids are known. Each literal pair is decided once.

/** The purpose argument of `canUse`: a declared purpose, or a refusal listing them. */
export type PurposeArgument<D extends PolicyDeclaration, P> = Declared<P, PurposeOf<D>, "purpose">;

/** The category argument of `canShare` and the retention guards, checked like {@link PurposeArgument}. */
export type CategoryArgument<D extends PolicyDeclaration, C> = Declared<
  C,
  CategoryOf<D>,
  "data category"
>;

// Whether a literal pair's answer differs by jurisdiction, read from its rule.
type UseDependsOnJurisdiction<D extends PolicyDeclaration, P, C> = P extends keyof D["purposes"]
  ? C extends keyof D["purposes"][P]["uses"]
    ? RuleNeedsJurisdiction<D, D["purposes"][P], D["purposes"][P]["uses"][C]>
    : false
  : false;
type ShareDependsOnJurisdiction<D extends PolicyDeclaration, C, R> = R extends keyof D["recipients"]
  ? C extends keyof D["recipients"][R]["receives"]
    ? RuleNeedsJurisdiction<D, D["recipients"][R], D["recipients"][R]["receives"][C]>
    : false
  : false;

// The compiler's verdict on two declared ids: "asked" when the pair may be asked (or when
// either id is known only at runtime), "forbidden" when the policy never permits it, and,
// asked without a context, "jurisdiction" when the answer depends on one.
type UseVerdict<D extends PolicyDeclaration, P, C, WithoutContext extends boolean> =
  IsSingleLiteral<P> extends true
    ? IsSingleLiteral<C> extends true
      ? P extends PurposeOf<D>
        ? [C] extends [UsableCategory<D, P>]
          ? [WithoutContext, UseDependsOnJurisdiction<D, P, C>] extends [true, true]
            ? "jurisdiction"
            : "asked"
          : "forbidden"
        : "asked"
      : "asked"
    : "asked";

type ShareVerdict<D extends PolicyDeclaration, C, R, WithoutContext extends boolean> =
  IsSingleLiteral<C> extends true
    ? IsSingleLiteral<R> extends true
      ? C extends CategoryOf<D>
        ? [R] extends [RecipientFor<D, C>]
          ? [WithoutContext, ShareDependsOnJurisdiction<D, C, R>] extends [true, true]
            ? "jurisdiction"
            : "asked"
          : "forbidden"
        : "asked"
      : "asked"
    : "asked";

// The verdict sits in the checks and only cheap types in the branches: the constraint the
// compiler computes from the generic signature is the union of the branches, so the policy is
// read only once the ids are known, and only the chosen branch is built.
type DecidedUse<
  D extends PolicyDeclaration,
  P extends string,
  C extends string,
  WithoutContext extends boolean,
> = [UseVerdict<D, P, C, WithoutContext>] extends ["asked"]
  ? C
  : [UseVerdict<D, P, C, WithoutContext>] extends ["jurisdiction"]
    ? JurisdictionRequired<JurisdictionSentence<D, `${P} using ${C}`>, JurisdictionOf<D>>
    : UseRefusal<D, P, C>;

type DecidedShare<
  D extends PolicyDeclaration,
  C extends string,
  R extends string,
  WithoutContext extends boolean,
> = [ShareVerdict<D, C, R, WithoutContext>] extends ["asked"]
  ? R
  : [ShareVerdict<D, C, R, WithoutContext>] extends ["jurisdiction"]
    ? JurisdictionRequired<JurisdictionSentence<D, `sharing ${C} with ${R}`>, JurisdictionOf<D>>
    : ShareRefusal<D, C, R>;

type UseCategory<
  D extends PolicyDeclaration,
  P extends string,
  C extends string,
  WithoutContext extends boolean,
> = [C] extends [CategoryOf<D>]
  ? [P] extends [PurposeOf<D>]
    ? DecidedUse<D, P, C, WithoutContext>
    : C
  : CategoryArgument<D, C>;

type ShareRecipient<
  D extends PolicyDeclaration,
  C extends string,
  R extends string,
  WithoutContext extends boolean,
> = [R] extends [RecipientOf<D>]
  ? [C] extends [CategoryOf<D>]
    ? DecidedShare<D, C, R, WithoutContext>
    : R
  : Declared<R, RecipientOf<D>, "recipient">;

/**
 * The category argument of `canUse`: when both ids are literals the compiler decides, and a
 * pair the policy never permits resolves to a {@link PolicyForbids} refusal naming it and the
 * section that forbids it. Ids known only at runtime (unions) pass through to the runtime check.
 */
export type UseCategoryArgument<
  D extends PolicyDeclaration,
  P extends string,
  C extends string,
> = UseCategory<D, P, C, false>;

/** The recipient argument of `canShare`, decided like {@link UseCategoryArgument}. */
export type ShareRecipientArgument<
  D extends PolicyDeclaration,
  C extends string,
  R extends string,
> = ShareRecipient<D, C, R, false>;

/**
 * The category argument of `canUse` called without a context: a pair whose answer differs by
 * jurisdiction resolves to a {@link JurisdictionRequired} refusal, since it needs one.
 */
export type UseCategoryWithoutContext<
  D extends PolicyDeclaration,
  P extends string,
  C extends string,
> = UseCategory<D, P, C, true>;

/** The recipient argument of `canShare` called without a context, refused like {@link UseCategoryWithoutContext}. */
export type ShareRecipientWithoutContext<
  D extends PolicyDeclaration,
  C extends string,
  R extends string,
> = ShareRecipient<D, C, R, true>;

/** The context of `canUse`: required, with `jurisdiction`, where the pair's answer differs by it. */
export type UseContextArgument<D extends PolicyDeclaration, P extends string, C extends string> =
  UseNeedsJurisdiction<D, P & PurposeOf<D>, C & CategoryOf<D>> extends true
    ? UseContextFor<D, P & PurposeOf<D>> &
        JurisdictionRequired<JurisdictionSentence<D, `${P} using ${C}`>, JurisdictionOf<D>>
    : UseContextFor<D, P & PurposeOf<D>> | undefined;

/** The context of `canShare`, required like {@link UseContextArgument}. */
export type ShareContextArgument<D extends PolicyDeclaration, C extends string, R extends string> =
  ShareNeedsJurisdiction<D, C & CategoryOf<D>, R & RecipientOf<D>> extends true
    ? ShareContextFor<D, R & RecipientOf<D>> &
        JurisdictionRequired<JurisdictionSentence<D, `sharing ${C} with ${R}`>, JurisdictionOf<D>>
    : ShareContextFor<D, R & RecipientOf<D>> | undefined;

type UseAnswer<D extends PolicyDeclaration, P, C> = UseDecision<
  P & PurposeOf<D>,
  C & CategoryOf<D>,
  BasisOfPurpose<D, P & PurposeOf<D>>
>;
type ShareAnswer<D extends PolicyDeclaration, C, R> = ShareDecision<
  C & CategoryOf<D>,
  R & RecipientOf<D>,
  BasisOfRecipient<D, R & RecipientOf<D>>
>;

/**
 * What `onDecision` receives, once per decision: ids and outcome only, never a value from the
 * context (no dates, ages or countries). `kind` names the guard that decided.
 */
export interface DecisionEvent {
  readonly kind:
    | "use"
    | "share"
    | "retention"
    | "retention-cutoff"
    | "collect"
    | "consent"
    | "transfer"
    | "right"
    | "request-plan";
  /**
   * For `retention`: whether the record is due for deletion; for `retention-cutoff`: whether a
   * cutoff was given; for `request-plan`: whether the plan is valid; for `consent`: whether
   * consent held; otherwise whether the guard allowed.
   */
  readonly allowed: boolean;
  /** Ids are `null` when the caller passed something the policy does not declare. */
  readonly purpose: string | null;
  readonly category: string | null;
  readonly recipient: string | null;
  /** Only on `right` and `request-plan` events: the right asked, `null` when undeclared. */
  readonly right?: string | null;
  readonly reasonCodes: readonly ReasonCode[];
  readonly obligations: readonly string[];
  readonly policy: PolicyRef;
}

/** The guards `createGuards` returns, typed from one policy declaration. */
export interface Guards<D extends PolicyDeclaration> {
  /** The declaration these guards enforce. */
  readonly policy: D;

  /**
   * May `purpose` use `category`? Never throws: unknown ids, malformed contexts and
   * non-strings are denied with reason `invalid-input`.
   *
   * @example
   * canUse("marketing", "account", { consent: true }).allowed; // true, basis "consent"
   */
  canUse<P extends PurposeOf<D> | Undeclared, C extends CategoryOf<D> | Undeclared>(
    purpose: PurposeArgument<D, P>,
    category: UseCategoryWithoutContext<D, P, C>,
  ): UseAnswer<D, P, C>;
  /** A pair whose answer differs by jurisdiction needs `jurisdiction` in the context. */
  canUse<P extends PurposeOf<D> | Undeclared, C extends CategoryOf<D> | Undeclared>(
    purpose: PurposeArgument<D, P>,
    category: UseCategoryArgument<D, P, C>,
    context: UseContextArgument<D, P, C>,
  ): UseAnswer<D, P, C>;

  /**
   * May `category` be disclosed to `recipient`? Never throws; fails closed.
   *
   * @example
   * canShare("account", "authority", { legalProcess: true }).obligations; // [{ id: "notify-customer", … }]
   */
  canShare<C extends CategoryOf<D> | Undeclared, R extends RecipientOf<D> | Undeclared>(
    category: CategoryArgument<D, C>,
    recipient: ShareRecipientWithoutContext<D, C, R>,
  ): ShareAnswer<D, C, R>;
  /** A pair whose answer differs by jurisdiction needs `jurisdiction` in the context. */
  canShare<C extends CategoryOf<D> | Undeclared, R extends RecipientOf<D> | Undeclared>(
    category: CategoryArgument<D, C>,
    recipient: ShareRecipientArgument<D, C, R>,
    context: ShareContextArgument<D, C, R>,
  ): ShareAnswer<D, C, R>;

  /** Like `canUse`, but throws a `PolicyViolationError` carrying the decision when denied. */
  assertCanUse<P extends PurposeOf<D> | Undeclared, C extends CategoryOf<D> | Undeclared>(
    purpose: PurposeArgument<D, P>,
    category: UseCategoryWithoutContext<D, P, C>,
  ): UseAnswer<D, P, C> & { readonly allowed: true };
  assertCanUse<P extends PurposeOf<D> | Undeclared, C extends CategoryOf<D> | Undeclared>(
    purpose: PurposeArgument<D, P>,
    category: UseCategoryArgument<D, P, C>,
    context: UseContextArgument<D, P, C>,
  ): UseAnswer<D, P, C> & { readonly allowed: true };

  /** Like `canShare`, but throws a `PolicyViolationError` carrying the decision when denied. */
  assertCanShare<C extends CategoryOf<D> | Undeclared, R extends RecipientOf<D> | Undeclared>(
    category: CategoryArgument<D, C>,
    recipient: ShareRecipientWithoutContext<D, C, R>,
  ): ShareAnswer<D, C, R> & { readonly allowed: true };
  assertCanShare<C extends CategoryOf<D> | Undeclared, R extends RecipientOf<D> | Undeclared>(
    category: CategoryArgument<D, C>,
    recipient: ShareRecipientArgument<D, C, R>,
    context: ShareContextArgument<D, C, R>,
  ): ShareAnswer<D, C, R> & { readonly allowed: true };

  /**
   * When is a record of `category` due for deletion? Never throws, and never reports
   * `expired: true` for invalid input, an open relationship or a legal hold.
   *
   * @example
   * retentionFor("call-detail-record", { collectedAt: callStart }).until; // 18 months later (US)
   */
  retentionFor<C extends CategoryOf<D> | Undeclared>(
    category: CategoryArgument<D, C>,
    context: RetentionContext<JurisdictionOf<D>>,
  ): RetentionDecision<C & CategoryOf<D>, JurisdictionOf<D>, BasisOf<D>>;

  /**
   * The anchor date before which records of `category` are expired at `now` under the law of
   * `jurisdiction` (required: periods differ by law), to push the rule into a query. Agrees
   * exactly with `retentionFor(...).expired`.
   *
   * @example
   * const { cutoff } = retentionCutoff("call-detail-record", { now: new Date(), jurisdiction: "eea" });
   * if (cutoff) await sql`DELETE FROM cdr WHERE jurisdiction = 'eea' AND called_at < ${cutoff} AND NOT legal_hold`;
   */
  retentionCutoff<C extends CategoryOf<D> | Undeclared>(
    category: CategoryArgument<D, C>,
    context: RetentionCutoffContext<JurisdictionOf<D>>,
  ): RetentionCutoff<C & CategoryOf<D>, JurisdictionOf<D>, BasisOf<D>>;

  /**
   * Binds a value to the purpose and category it was obtained for (purpose limitation). A
   * function can then require `Bound<"billing", "call-detail-record", Rows>`, and data bound
   * to another purpose or category does not compile there, nor where a plain `Rows` is expected
   * (read it with `Bound.read`). Throws `PolicyViolationError` when denied.
   *
   * @example
   * const rows = bind("product-development", "call-detail-record", await loadCdrs());
   */
  bind<P extends PurposeOf<D> | Undeclared, C extends CategoryOf<D> | Undeclared, T>(
    purpose: PurposeArgument<D, P>,
    category: UseCategoryWithoutContext<D, P, C>,
    value: T,
  ): Bound<P & PurposeOf<D>, C & CategoryOf<D>, T>;
  bind<P extends PurposeOf<D> | Undeclared, C extends CategoryOf<D> | Undeclared, T>(
    purpose: PurposeArgument<D, P>,
    category: UseCategoryArgument<D, P, C>,
    value: T,
    context: UseContextArgument<D, P, C>,
  ): Bound<P & PurposeOf<D>, C & CategoryOf<D>, T>;

  /**
   * Clears a value for disclosure of `category` to `recipient` (the share side of `bind`), for
   * export code: a function that sends to a recipient can require
   * `Cleared<"website-usage", "analytics-vendor", Rows>`, and data not cleared for that recipient
   * does not compile there. Throws `PolicyViolationError` when `canShare` denies.
   *
   * @example
   * const payload = clear("website-usage", "analytics-vendor", rows);
   */
  clear<C extends CategoryOf<D> | Undeclared, R extends RecipientOf<D> | Undeclared, T>(
    category: CategoryArgument<D, C>,
    recipient: ShareRecipientWithoutContext<D, C, R>,
    value: T,
  ): Cleared<C & CategoryOf<D>, R & RecipientOf<D>, T>;
  clear<C extends CategoryOf<D> | Undeclared, R extends RecipientOf<D> | Undeclared, T>(
    category: CategoryArgument<D, C>,
    recipient: ShareRecipientArgument<D, C, R>,
    value: T,
    context: ShareContextArgument<D, C, R>,
  ): Cleared<C & CategoryOf<D>, R & RecipientOf<D>, T>;

  /**
   * Checks a message that crossed a process boundary, `{ purpose, category, data }`: `true`
   * when it names this purpose and category and the policy permits the pair (without context).
   * Like every guard, it emits one event: the `use` decision on the pair, whatever the message.
   */
  isBoundTo<P extends PurposeOf<D> | Undeclared, C extends CategoryOf<D> | Undeclared>(
    message: unknown,
    purpose: PurposeArgument<D, P>,
    category: UseCategoryArgument<D, P, C>,
  ): message is BoundMessage<P & PurposeOf<D>, C & CategoryOf<D>>;

  /**
   * The same guards for values from outside the program: every argument is `unknown`, so ids and
   * contexts from a request reach a guard without a cast, and anything undeclared is denied with
   * `invalid-input` naming the field. See {@link UntrustedGuards}.
   *
   * @example
   * const decision = untrusted.canUse(request.query.purpose, request.query.category);
   * if (!decision.allowed) return reply.code(403).send(decision.reasons);
   */
  readonly untrusted: UntrustedGuards<D>;

  /** Renders a decision as text, with every reason's section and sentence. */
  explain(decision: AnyDecision): string;
}

/** The form of bound data on the wire: the purpose and category travel with it. */
export interface BoundMessage<P extends string, C extends string, T = unknown> {
  readonly purpose: P;
  readonly category: C;
  readonly data: Bound<P, C, T>;
}
