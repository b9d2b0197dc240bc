import type {
  AuditHooks,
  CategoryOf,
  JurisdictionOf,
  Obligation,
  PolicyDeclaration,
  PolicyRef,
  Reason,
  RetentionSchedule,
  RightOf,
} from "@trunkiq/policy-core";
import type { ResponseLaw } from "../responseDeadline";

/** What a caller knows about the data subject when a right is exercised. */
export interface RightsContext<J extends string = string> {
  /** When the customer relationship ended; omit while it is open. */
  readonly relationshipEndedAt?: Date | undefined;
  /**
   * For someone who never became a customer (a prospect, a rejected applicant): their last
   * contact, from which the keeping runs since no relationship will end. Give it instead of
   * `relationshipEndedAt`, never with it.
   */
  readonly lastContactAt?: Date | undefined;
  /** A legal hold (preservation request, litigation) covers the data (Art. 17(3)(e)). */
  readonly legalHold?: boolean | undefined;
  /** The moment to decide for; the current time by default. */
  readonly now?: Date | undefined;
  /** Whose law governs the data; the policy's first jurisdiction by default. */
  readonly jurisdiction?: J | undefined;
}

/**
 * The answer to `canExercise(right, category, context)`. When erasure yields, `allowed` is
 * `false` and `until` says when the keeping ends (`null`: not yet known — the relationship is
 * open or a legal hold runs until lifted).
 */
export interface RightDecision<
  R extends string = string,
  C extends string = string,
  J extends string = string,
> {
  readonly kind: "right";
  readonly allowed: boolean;
  readonly right: R;
  readonly category: C;
  readonly jurisdiction: J;
  readonly until: Date | null;
  /** The purposes the decision rests on (portability, objection); empty otherwise. */
  readonly purposes: readonly string[];
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  readonly policy: PolicyRef;
}

/**
 * What a request plan does with one category: `refer` sends the request to the controller the
 * data is processed for; `none` means nothing is held to act on (a category never stored).
 */
export type RequestAction =
  | "export"
  | "delete"
  | "restrict"
  | "keep"
  | "rectify"
  | "stop"
  | "refer"
  | "none";

/** One step of a request plan. */
export interface PlannedAction<C extends string = string> {
  readonly category: C;
  readonly action: RequestAction;
  /** For `restrict` and `keep`: when the keeping ends (`null`: not yet known). */
  readonly until?: Date | null;
  /** For an objection: the purposes the action applies to (Art. 21(3): "for such purposes"). */
  readonly purposes?: readonly string[];
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
}

/** A data subject request, as `planRequest` takes it. */
export interface RightsRequest<
  R extends string = string,
  C extends string = string,
  J extends string = string,
> extends Omit<RightsContext<J>, "now" | "jurisdiction"> {
  readonly right: R;
  /** Whose law governs the request: it sets the deadline and the duties to keep. Required. */
  readonly jurisdiction: J;
  readonly receivedAt: Date;
  /** The categories to plan for; every declared category by default. */
  readonly categories?: readonly C[] | undefined;
  /** The moment to decide retention for; `receivedAt` by default. */
  readonly now?: Date | undefined;
}

/** A valid plan: the deadlines of the jurisdiction's law and the actions per category. */
export interface RequestPlan<
  R extends string = string,
  C extends string = string,
  J extends string = string,
> {
  readonly valid: true;
  readonly right: R;
  readonly jurisdiction: J;
  readonly receivedAt: Date;
  readonly deadline: Date;
  readonly extendedDeadline: Date;
  readonly actions: readonly PlannedAction<C>[];
  readonly reasons: readonly Reason[];
  readonly policy: PolicyRef;
}

/** A refused plan: nothing to do, and `reasons` says what was wrong with the request. */
export interface InvalidRequestPlan {
  readonly valid: false;
  readonly right: string;
  readonly receivedAt: null;
  readonly deadline: null;
  readonly extendedDeadline: null;
  readonly actions: readonly [];
  readonly reasons: readonly Reason[];
  readonly policy: PolicyRef;
}

/**
 * Options of `createRightsGuards`. `onDecision` receives one `right` event per
 * `canExercise` and one `request-plan` event per `planRequest`.
 */
export interface RightsOptions extends AuditHooks {
  /** Purposes that are direct marketing: an objection to them always wins (Art. 21(3)). */
  readonly directMarketing?: readonly string[];
  /** Extra obligations for a right on a category, where the policy leaves a judgement. */
  readonly judgements?: {
    readonly [right: string]: { readonly [category: string]: readonly Obligation[] } | undefined;
  };
  /** A deployment's retention periods, as `createGuards` takes them. */
  readonly retention?: RetentionSchedule;
  /**
   * The law that sets the response deadline in each jurisdiction (`gdpr`, `uk-gdpr`, `ccpa`):
   * a request from a jurisdiction without one is refused as `invalid-input`.
   */
  readonly responseLaws?: { readonly [jurisdiction: string]: ResponseLaw };
  /**
   * Categories processed only on a customer's behalf, the customer being their controller:
   * requests about them are referred to it, not executed (GDPR Arts. 28(3)(e), 29).
   */
  readonly processorFor?: readonly string[];
}

/** The guards `createRightsGuards` returns. */
export interface RightsGuards<D extends PolicyDeclaration> {
  canExercise(
    right: RightOf<D>,
    category: CategoryOf<D>,
    context?: RightsContext<JurisdictionOf<D>>,
  ): RightDecision<RightOf<D>, CategoryOf<D>, JurisdictionOf<D>>;
  planRequest(
    request: RightsRequest<RightOf<D>, CategoryOf<D>, JurisdictionOf<D>>,
  ): RequestPlan<RightOf<D>, CategoryOf<D>, JurisdictionOf<D>> | InvalidRequestPlan;
}
