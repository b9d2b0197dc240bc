import type { Obligation, PolicyRef, Reason, ReasonCode } from "./decision";
import type { PolicyDeclaration } from "./declaration";
import { auditEmitter } from "./internal/audit";
import { describe } from "./internal/context";
import { readDate } from "./internal/dates";
import { frozenCopy } from "./internal/deepFreeze";
import { validateSchedule } from "./internal/schedule";
import { ownElements } from "./ownElements";
import { ownFields } from "./ownFields";
import { responseDeadline } from "./responseDeadline";
import { compileRetention, type RetentionSchedule } from "./retention";
import type { AuditHooks } from "./types/AuditHooks";
import type { CategoryOf, JurisdictionOf, RightOf } from "./types/Ids";

/** The data subject rights the engine decides, by their GDPR ids (Arts. 15–21). */
export const gdprRights = Object.freeze([
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "portability",
] as const);
export type GdprRight = (typeof gdprRights)[number];

const article: Record<GdprRight, string> = {
  access: "Art. 15",
  rectification: "Art. 16",
  erasure: "Art. 17",
  restriction: "Art. 18",
  objection: "Art. 21",
  portability: "Art. 20",
};

/** What a caller knows about the data subject when a right is exercised. */
export interface RightsContext<J extends string = string> {
  /** When the customer relationship ended; omit while it is open. */
  readonly relationshipEndedAt?: Date | undefined;
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

/** What a request plan does with one category. */
export type RequestAction = "export" | "delete" | "restrict" | "keep" | "rectify" | "stop";

/** One step of a request plan. */
export interface PlannedAction<C extends string = string> {
  readonly category: C;
  readonly action: RequestAction;
  /** For `restrict` and `keep`: when the keeping ends (`null`: not yet known). */
  readonly until?: Date | null;
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
}

/** A data subject request, as `planRequest` takes it. */
export interface RightsRequest<
  R extends string = string,
  C extends string = string,
  J extends string = string,
> extends Omit<RightsContext<J>, "now"> {
  readonly right: R;
  readonly receivedAt: Date;
  /** The categories to plan for; every declared category by default. */
  readonly categories?: readonly C[] | undefined;
  /** The moment to decide retention for; `receivedAt` by default. */
  readonly now?: Date | undefined;
}

/** A valid plan: the Art. 12(3) deadlines and one action per category. */
export interface RequestPlan<R extends string = string, C extends string = string> {
  readonly valid: true;
  readonly right: R;
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
 * Options of {@link createRightsGuards}. `onDecision` receives one `right` event per
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
}

/** The guards {@link createRightsGuards} returns. */
export interface RightsGuards<D extends PolicyDeclaration> {
  canExercise(
    right: RightOf<D>,
    category: CategoryOf<D>,
    context?: RightsContext<JurisdictionOf<D>>,
  ): RightDecision<RightOf<D>, CategoryOf<D>, JurisdictionOf<D>>;
  planRequest(
    request: RightsRequest<RightOf<D>, CategoryOf<D>, JurisdictionOf<D>>,
  ): RequestPlan<RightOf<D>, CategoryOf<D>> | InvalidRequestPlan;
}

const contextFields = ["relationshipEndedAt", "legalHold", "now", "jurisdiction"] as const;
const requestFields = ["receivedAt", "categories", ...contextFields] as const;

type BasisKind = "consent" | "contract" | "legal-obligation" | "legitimate-interest" | "other";

const gdprBasis: Record<string, BasisKind> = {
  "Art. 6(1)(a)": "consent",
  "Art. 6(1)(b)": "contract",
  "Art. 6(1)(c)": "legal-obligation",
  "Art. 6(1)(f)": "legitimate-interest",
};

/** A basis's kind from its GDPR provision, or from its id when the declaration names none. */
function basisKind(policy: PolicyDeclaration, basis: string): BasisKind {
  const gdpr = Object.hasOwn(policy.bases, basis) ? policy.bases[basis]?.gdpr : undefined;
  if (gdpr !== undefined) return gdprBasis[gdpr] ?? "other";
  return (
    (["consent", "contract", "legal-obligation", "legitimate-interest"] as const).find(
      (k) => k === basis,
    ) ?? "other"
  );
}

/**
 * Compiles the data subject rights of a policy (GDPR Arts. 15–21) from its declarations:
 * which purposes use a category on which basis, and how long the retention rules keep it.
 *
 * - access and rectification: every declared category (Arts. 15, 16);
 * - erasure (Art. 17) yields while a legal-obligation retention period runs in the subject's
 *   jurisdiction (17(3)(b)) or a legal hold applies (17(3)(e)), and says until when;
 * - restriction (Art. 18): allowed, with the obligation to establish a ground of 18(1);
 * - objection: to legitimate-interest processing, allowed with `assess-compelling-grounds`
 *   (Art. 21(1)); to direct marketing, absolute (Art. 21(3));
 * - portability: a category some consent- or contract-based purpose uses (Art. 20(1)).
 *
 * Rights the policy does not declare, unknown categories and malformed contexts are denied
 * with `invalid-input`; nothing here throws.
 *
 * @category Rights
 * @example
 * const { canExercise, planRequest } = createRightsGuards(policy, { directMarketing: ["marketing"] });
 * canExercise("erasure", "kyc-document", { jurisdiction: "eea" }).until; // null: relationship open
 */
export function createRightsGuards<const D extends PolicyDeclaration>(
  declaration: D,
  rightsOptions: RightsOptions = {},
): RightsGuards<D> {
  // Private frozen copies: changing the caller's objects afterwards changes no decision.
  const policy = frozenCopy(declaration);
  // The hooks are functions, which a copy cannot clone: they are taken once, apart from the tables.
  const { onDecision: decisionHook, onHookError, ...tables } = rightsOptions;
  const onDecision = auditEmitter({ onDecision: decisionHook, onHookError });
  const options = frozenCopy(tables);
  const schedule = options.retention ?? {};
  validateSchedule(policy, schedule);
  const retention = compileRetention(policy, schedule);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const marketing = new Set(options.directMarketing ?? []);
  const rightsScope = Object.values(policy.rights)[0] ?? policy.scopes.use;

  const reason = (code: ReasonCode, message: string, right?: string): Reason => {
    const cite =
      right !== undefined && Object.hasOwn(policy.rights, right) ? policy.rights[right] : undefined;
    return Object.freeze({
      code,
      message,
      section: cite?.section ?? rightsScope.section,
      text: cite?.text ?? rightsScope.text,
    });
  };
  const obligation = (id: string, message: string, right: string): Obligation =>
    Object.freeze({ id, message, section: policy.rights[right]?.section ?? rightsScope.section });

  const purposesUsing = (category: string) =>
    Object.entries(policy.purposes)
      .filter(([, p]) => Object.hasOwn(p.uses, category))
      .map(([id, p]) => ({ id, kind: basisKind(policy, p.basis) }));

  type Checked = {
    right: GdprRight;
    category: string;
    jurisdiction: string;
    relationshipEndedAt: Date | undefined;
    legalHold: boolean;
    now: Date;
  };

  /** Validates untrusted arguments; a string says what is wrong. */
  const check = (right: unknown, category: unknown, context: unknown): Checked | string => {
    if (typeof right !== "string" || !Object.hasOwn(policy.rights, right)) {
      return `unknown right ${describe(right)} (declared: ${Object.keys(policy.rights).join(", ")})`;
    }
    if (!(gdprRights as readonly string[]).includes(right)) {
      return `the right ${describe(right)} has no GDPR semantics here (known: ${gdprRights.join(", ")})`;
    }
    if (typeof category !== "string" || !Object.hasOwn(policy.categories, category)) {
      return `unknown data category ${describe(category)} (declared: ${Object.keys(policy.categories).join(", ")})`;
    }
    if (
      context !== undefined &&
      (context === null || typeof context !== "object" || Array.isArray(context))
    ) {
      return `the context must be an object, got ${describe(context)}`;
    }
    // Own data fields only, each read once: an inherited or getter-given legalHold is refused.
    const read = context === undefined ? undefined : ownFields(context, contextFields);
    if (read?.problem !== undefined) return read.problem;
    // Dates are read once through the intrinsic: a subclass or Proxy cannot lie about its time.
    const endedValue = read?.fields.relationshipEndedAt;
    const ended = endedValue === undefined ? undefined : readDate(endedValue);
    if (endedValue !== undefined && ended === undefined) {
      return `relationshipEndedAt must be a valid Date when given, got ${describe(endedValue)}`;
    }
    const hold = read?.fields.legalHold;
    if (hold !== undefined && typeof hold !== "boolean") {
      return `legalHold must be true or false, got ${describe(hold)}`;
    }
    const nowValue = read?.fields.now;
    const now = nowValue === undefined ? new Date() : readDate(nowValue);
    if (now === undefined) return `now must be a valid Date when given, got ${describe(nowValue)}`;
    // Only an omitted jurisdiction means the default one: null is a mistake, not a choice.
    const stated = read?.fields.jurisdiction;
    const jurisdiction = stated === undefined ? policy.jurisdictions[0] : stated;
    if (typeof jurisdiction !== "string" || !policy.jurisdictions.includes(jurisdiction)) {
      return `unknown jurisdiction ${describe(jurisdiction)} (declared: ${policy.jurisdictions.join(", ")})`;
    }
    // The keeping ends at the relationship's end plus a period: past the Date range, no answer holds.
    if (ended !== undefined && Object.hasOwn(policy.retention, category)) {
      const kept = retention.retentionFor(category, {
        collectedAt: ended,
        relationshipEndedAt: ended,
        jurisdiction,
        now,
      });
      if (kept.rule !== null && kept.reasons[0]?.code === "invalid-input") {
        return `relationshipEndedAt ${ended.toISOString()} plus the retention period of "${category}" is past the last representable date`;
      }
    }
    return {
      right: right as GdprRight,
      category,
      jurisdiction,
      relationshipEndedAt: ended,
      legalHold: hold === true,
      now,
    };
  };

  const make = (
    c: { right: string; category: string; jurisdiction: string },
    fields: {
      allowed: boolean;
      until?: Date | null;
      purposes?: readonly string[];
      reasons: readonly Reason[];
      obligations?: readonly Obligation[];
    },
  ): RightDecision =>
    Object.freeze({
      kind: "right" as const,
      allowed: fields.allowed,
      right: c.right,
      category: c.category,
      jurisdiction: c.jurisdiction,
      until: fields.until ?? null,
      purposes: Object.freeze([...(fields.purposes ?? [])]),
      reasons: Object.freeze([...fields.reasons]),
      obligations: Object.freeze([...(fields.obligations ?? [])]),
      policy: policyRef,
    });

  /** When the retention rule of a category stops keeping it, and whether it is a legal obligation. */
  const keeping = (c: Checked) => {
    const rule = policy.retention[c.category]?.[c.jurisdiction];
    if (!rule) return null;
    const legal = basisKind(policy, rule.basis) === "legal-obligation";
    // A collection-anchored period runs from each record; once the relationship has ended no
    // record is newer than its end, so the end bounds every record's deadline.
    const anchor = c.relationshipEndedAt;
    const decided =
      anchor === undefined
        ? null
        : retention.retentionFor(c.category, {
            collectedAt: anchor,
            relationshipEndedAt: anchor,
            jurisdiction: c.jurisdiction,
            now: c.now,
          });
    return { rule, legal, decided };
  };

  const judged = (c: Checked) => options.judgements?.[c.right]?.[c.category] ?? [];

  const decide = (c: Checked): RightDecision => {
    const art = article[c.right];
    switch (c.right) {
      case "access":
      case "rectification":
        return make(c, {
          allowed: true,
          reasons: [
            reason(
              "right-applies",
              `${c.right} applies to every declared category (GDPR ${art})`,
              c.right,
            ),
          ],
          obligations: judged(c),
        });
      case "restriction":
        return make(c, {
          allowed: true,
          reasons: [reason("right-applies", `restriction of processing (GDPR ${art})`, c.right)],
          obligations: [
            obligation(
              "establish-restriction-ground",
              "record which ground of GDPR Art. 18(1)(a)–(d) the restriction rests on",
              c.right,
            ),
            obligation(
              "notify-before-lifting",
              "tell the data subject before the restriction is lifted (GDPR Art. 18(3))",
              c.right,
            ),
            ...judged(c),
          ],
        });
      case "portability": {
        const purposes = purposesUsing(c.category)
          .filter((p) => p.kind === "consent" || p.kind === "contract")
          .map((p) => p.id);
        return purposes.length > 0
          ? make(c, {
              allowed: true,
              purposes,
              reasons: [
                reason(
                  "right-applies",
                  `processed on consent or contract by ${purposes.join(", ")} (GDPR Art. 20(1)(a))`,
                  c.right,
                ),
              ],
              obligations: judged(c),
            })
          : make(c, {
              allowed: false,
              reasons: [
                reason(
                  "right-not-applicable",
                  `no consent- or contract-based purpose uses "${c.category}": portability covers only such processing (GDPR Art. 20(1)(a))`,
                  c.right,
                ),
              ],
            });
      }
      case "objection": {
        const using = purposesUsing(c.category);
        const direct = using.filter((p) => marketing.has(p.id)).map((p) => p.id);
        const interest = using
          .filter((p) => p.kind === "legitimate-interest" && !marketing.has(p.id))
          .map((p) => p.id);
        if (direct.length === 0 && interest.length === 0) {
          return make(c, {
            allowed: false,
            reasons: [
              reason(
                "right-not-applicable",
                `no legitimate-interest or direct-marketing purpose uses "${c.category}": objection covers only such processing (GDPR Art. 21(1)–(2))`,
                c.right,
              ),
            ],
          });
        }
        const reasons: Reason[] = [];
        const obligations: Obligation[] = [];
        if (direct.length > 0) {
          reasons.push(
            reason(
              "right-applies",
              `objection to direct marketing (${direct.join(", ")}) always wins (GDPR Art. 21(2)–(3))`,
              c.right,
            ),
          );
          obligations.push(
            obligation(
              "stop-direct-marketing",
              `stop processing "${c.category}" for ${direct.join(", ")} (GDPR Art. 21(3))`,
              c.right,
            ),
          );
        }
        if (interest.length > 0) {
          reasons.push(
            reason(
              "right-applies",
              `objection to legitimate-interest processing (${interest.join(", ")}) (GDPR Art. 21(1))`,
              c.right,
            ),
          );
          obligations.push(
            obligation(
              "assess-compelling-grounds",
              `stop ${interest.join(", ")} unless compelling legitimate grounds override the subject's interests or legal claims require it; restrict meanwhile (GDPR Arts. 21(1), 18(1)(d))`,
              c.right,
            ),
          );
        }
        return make(c, {
          allowed: true,
          purposes: [...direct, ...interest],
          reasons,
          obligations: [...obligations, ...judged(c)],
        });
      }
      case "erasure": {
        const restrict = (until: Date | null) =>
          obligation(
            "restrict-processing",
            `restrict processing of "${c.category}" (GDPR Art. 18) and delete it when the keeping ends${until ? ` (${until.toISOString()})` : ""}`,
            c.right,
          );
        if (c.legalHold) {
          return make(c, {
            allowed: false,
            until: null,
            reasons: [
              reason(
                "legal-hold",
                "a legal hold keeps the data for legal claims until it is lifted (GDPR Art. 17(3)(e))",
                c.right,
              ),
            ],
            obligations: [restrict(null)],
          });
        }
        const kept = keeping(c);
        if (kept?.legal) {
          const law = `${kept.rule.law}; GDPR Art. 17(3)(b)`;
          if (kept.decided === null) {
            return make(c, {
              allowed: false,
              until: null,
              reasons: [
                reason(
                  "retention-not-started",
                  `a legal obligation keeps "${c.category}" and its period has not started: the relationship is still open${kept.rule.anchor === "collection" ? ", so new records still start their own periods" : ""} (${law})`,
                  c.right,
                ),
              ],
              obligations: [restrict(null)],
            });
          }
          const until = kept.decided.until;
          if (until === null || !kept.decided.expired) {
            return make(c, {
              allowed: false,
              until,
              reasons: [
                reason(
                  "retention-running",
                  `a legal obligation keeps "${c.category}"${until ? ` until ${until.toISOString()}` : ""} (${law})`,
                  c.right,
                ),
              ],
              obligations: [restrict(until)],
            });
          }
        }
        return make(c, {
          allowed: true,
          reasons: [
            reason(
              "right-applies",
              `no legal obligation or legal hold keeps "${c.category}" in ${c.jurisdiction} (GDPR Art. 17(1))`,
              c.right,
            ),
          ],
          obligations: judged(c),
        });
      }
    }
  };

  /** One event per public call; ids only when declared, never a date of the context. */
  const emit = (
    kind: "right" | "request-plan",
    allowed: boolean,
    ids: { right: unknown; category: unknown },
    d: { reasons: readonly Reason[]; obligations: readonly Obligation[] },
  ) =>
    onDecision?.({
      kind,
      allowed,
      purpose: null,
      category:
        typeof ids.category === "string" && Object.hasOwn(policy.categories, ids.category)
          ? ids.category
          : null,
      recipient: null,
      right:
        typeof ids.right === "string" && Object.hasOwn(policy.rights, ids.right) ? ids.right : null,
      reasonCodes: Object.freeze(d.reasons.map((r) => r.code)),
      obligations: Object.freeze(d.obligations.map((o) => o.id)),
      policy: policyRef,
    });

  const canExercise = (right: unknown, category: unknown, context?: unknown): RightDecision => {
    const decision = exercise(right, category, context);
    emit("right", decision.allowed, { right, category }, decision);
    return decision;
  };

  const exercise = (right: unknown, category: unknown, context?: unknown): RightDecision => {
    try {
      const checked = check(right, category, context);
      if (typeof checked === "string") {
        return make(
          {
            right: typeof right === "string" ? right : describe(right),
            category: typeof category === "string" ? category : describe(category),
            jurisdiction: policy.jurisdictions[0],
          },
          { allowed: false, reasons: [reason("invalid-input", checked)] },
        );
      }
      return decide(checked);
    } catch {
      return make(
        {
          right: typeof right === "string" ? right : describe(right),
          category: typeof category === "string" ? category : describe(category),
          jurisdiction: policy.jurisdictions[0],
        },
        { allowed: false, reasons: [reason("invalid-input", "the context could not be read")] },
      );
    }
  };

  const invalidPlan = (right: unknown, problem: string): InvalidRequestPlan =>
    Object.freeze({
      valid: false as const,
      right: typeof right === "string" ? right : describe(right),
      receivedAt: null,
      deadline: null,
      extendedDeadline: null,
      actions: Object.freeze([]) as readonly [],
      reasons: Object.freeze([reason("invalid-input", problem)]),
      policy: policyRef,
    });

  const actionFor = (d: RightDecision, c: Checked): PlannedAction => {
    const step = (action: RequestAction, until?: Date | null): PlannedAction =>
      Object.freeze({
        category: d.category,
        action,
        ...(until === undefined ? {} : { until }),
        reasons: d.reasons,
        obligations: d.obligations,
      });
    const keepUntil = () => {
      const kept = keeping(c);
      return kept?.decided?.until ?? null;
    };
    switch (c.right) {
      case "access":
        return step("export");
      case "portability":
        return d.allowed ? step("export") : step("keep", keepUntil());
      case "rectification":
        return step("rectify");
      case "restriction":
        return step("restrict", null);
      case "erasure":
        return d.allowed ? step("delete") : step("restrict", d.until);
      case "objection":
        if (!d.allowed) return step("keep", keepUntil());
        // Direct marketing stops outright; legitimate interests are restricted pending the
        // assessment of compelling grounds (Art. 18(1)(d)).
        return d.obligations.some((o) => o.id === "stop-direct-marketing")
          ? step("stop")
          : step("restrict", null);
    }
  };

  const planRequest = (request: unknown): RequestPlan | InvalidRequestPlan => {
    const plan = planFor(request);
    // A plan spans categories, so its event names the right only.
    emit(
      "request-plan",
      plan.valid,
      { right: plan.right, category: undefined },
      {
        reasons: plan.reasons,
        obligations: [],
      },
    );
    return plan;
  };

  const planFor = (request: unknown): RequestPlan | InvalidRequestPlan => {
    let right: unknown;
    try {
      if (request === null || typeof request !== "object" || Array.isArray(request)) {
        return invalidPlan(undefined, `the request must be an object, got ${describe(request)}`);
      }
      // Only own data fields count, as in a context: a polluted prototype must not end a relationship.
      // The right first, so a refusal of the other fields can still name it.
      const head = ownFields(request, ["right"], "request");
      if (head.problem !== undefined) return invalidPlan(undefined, head.problem);
      right = head.fields.right;
      const read = ownFields(request, requestFields, "request");
      if (read.problem !== undefined) return invalidPlan(right, read.problem);
      const r = read.fields;
      const receivedAt = readDate(r.receivedAt);
      if (receivedAt === undefined) {
        return invalidPlan(right, `receivedAt must be a valid Date, got ${describe(r.receivedAt)}`);
      }
      const deadlines = responseDeadline(receivedAt);
      if (deadlines === null) return invalidPlan(right, "receivedAt is out of the date range");
      // Only omitted categories mean all of them: a null list must not plan erasing everything.
      const listed = r.categories;
      const requested = listed === undefined ? Object.keys(policy.categories) : listed;
      if (!Array.isArray(requested) || requested.length === 0) {
        return invalidPlan(
          right,
          `categories must be a non-empty array, got ${describe(requested)}`,
        );
      }
      const categories = ownElements(requested, "categories");
      if (categories.problem !== undefined) return invalidPlan(right, categories.problem);
      const context = {
        relationshipEndedAt: r.relationshipEndedAt,
        legalHold: r.legalHold,
        jurisdiction: r.jurisdiction,
        now: r.now === undefined ? receivedAt : r.now,
      };
      const actions: PlannedAction[] = [];
      for (const category of new Set(categories.elements)) {
        const checked = check(right, category, context);
        if (typeof checked === "string") return invalidPlan(right, checked);
        actions.push(actionFor(decide(checked), checked));
      }
      return Object.freeze({
        valid: true as const,
        right: right as string,
        receivedAt,
        ...deadlines,
        actions: Object.freeze(actions),
        reasons: Object.freeze([
          reason(
            "right-applies",
            `answer by ${deadlines.deadline.toISOString()}, or by ${deadlines.extendedDeadline.toISOString()} if extended with reasons given within the first month (GDPR Art. 12(3))`,
            right as string,
          ),
        ]),
        policy: policyRef,
      });
    } catch {
      return invalidPlan(right, "the request could not be read");
    }
  };

  return Object.freeze({ canExercise, planRequest }) as unknown as RightsGuards<D>;
}
