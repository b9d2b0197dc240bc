import type { AuditHooks, ReasonCode, RetentionRuleDeclaration } from "@trunkiq/policy-core";
import { auditEmitter, ownElements, ownFields, readDate } from "@trunkiq/policy-core/engine";
import {
  type AgeContext,
  type AgeRule,
  type CollectDecision,
  createAgeGate,
  erasureExemption,
  isLegalDuty,
  type RightsGuards,
} from "@trunkiq/policy-law";
import type { Category, Jurisdiction } from "./ids";
import { policy, type TrunkiqPolicy } from "./policy";
import { rightsGuards, rightsOptions } from "./rights";

// The age, its law and its clause come from the declaration: one place to change them.
const toAgeRule = ({ years, law, ...clause }: TrunkiqPolicy["commitments"]["minimumAge"]) => ({
  minimumAge: years,
  law,
  ...clause,
});
/** The §10 age rule as the age gate reads it. */
export const ageRule: AgeRule = /* @__PURE__ */ toAgeRule(policy.commitments.minimumAge);

// Built on the first age question.
let ageGate: ReturnType<typeof createAgeGate> | undefined;

/**
 * May personal data be collected from this person (§10)? Nothing from anyone under 16 (GDPR
 * Art. 8(1)); a birth date becomes an age at `at` in UTC calendar days, and someone born on
 * February 29 turns a year older on March 1 in non-leap years. Without an age or a birth date
 * the answer is `invalid-input` (fail closed).
 *
 * @category Children
 * @example
 * canCollect({ birthDate: new Date("2009-07-08"), at: new Date("2025-07-07") }).allowed; // false: 15
 * canCollect({ age: 16 }).allowed; // true
 */
export function canCollect(context: AgeContext): CollectDecision {
  ageGate ??= createAgeGate(policy, ageRule);
  return ageGate.canCollect(context);
}

/** What {@link planChildDataDiscovery} needs to know. */
export interface ChildDataDiscovery {
  /** The categories held about the child; every declared category by default. */
  readonly categories?: readonly Category[] | undefined;
  readonly discoveredAt: Date;
  /** Whose law governs the data: it sets the deadline and the duties to keep. Required. */
  readonly jurisdiction: Jurisdiction;
  /**
   * When the child's account ended; the discovery by default, since the service stops for a
   * child once known (§10), so no record is newer than that.
   */
  readonly relationshipEndedAt?: Date | undefined;
  /** Categories a legal hold covers (or `true` for all): they are restricted, not deleted. */
  readonly legalHold?: boolean | readonly Category[] | undefined;
}

type ChildReason = { code: ReasonCode; message: string; section: string; text: string };

/** One step of the §10 deletion plan. */
export interface ChildDataAction {
  readonly category: Category;
  readonly action: "delete" | "restrict";
  /** For `restrict`: when the duty keeping the data ends (`null`: when the hold is lifted). */
  readonly until?: Date | null;
  readonly reasons: readonly ChildReason[];
}

/** An array field as a snapshot of its own elements; any other value as it is. */
function listed(value: unknown, name: string): { value: unknown; problem?: string } {
  if (!Array.isArray(value)) return { value };
  const read = ownElements(value, name);
  return read.problem === undefined ? { value: read.elements } : { value, problem: read.problem };
}

/** The §10 deletion plan; `valid: false` (and nothing to do) for malformed input. */
export type ChildDataPlan =
  | {
      readonly valid: true;
      readonly discoveredAt: Date;
      readonly jurisdiction: Jurisdiction;
      readonly deadline: Date;
      readonly actions: readonly ChildDataAction[];
    }
  | {
      readonly valid: false;
      readonly discoveredAt: null;
      readonly deadline: null;
      readonly actions: readonly [];
      readonly reasons: readonly ChildReason[];
    };

/**
 * The retention rule of a category in a jurisdiction when a legal duty keeps it against erasure:
 * a legal-obligation basis or a legal minimum, read as the rights guards read it. Keeping for
 * legal claims does not hold a child's data back (§10).
 */
const legalDuty = (category: Category, jurisdiction: Jurisdiction) => {
  const rule = (policy.retention as Record<string, Record<string, RetentionRuleDeclaration>>)[
    category
  ]?.[jurisdiction];
  if (rule === undefined) return undefined;
  return isLegalDuty(erasureExemption(policy, rule)) ? rule : undefined;
};

/**
 * The plan when data turns out to be a child's (§10: "we will take steps to delete it", GDPR
 * Art. 17(1)(f)). Every category held is deleted, except:
 * - what a legal hold covers, restricted until the hold is lifted (Art. 17(3)(e), Art. 18);
 * - what a legal retention duty of the jurisdiction still covers (47 CFR 42.6 for US call
 *   records, and for the name, address and number of a US account for 18 months): the duty
 *   overrides the erasure (Art. 17(3)(b) over 17(1)(f)), so the data is restricted until the
 *   duty ends, and the step says when.
 * The deadline is that of an erasure request in the jurisdiction.
 *
 * @category Children
 * @example
 * planChildDataDiscovery({ categories: ["account", "call-detail-record"], discoveredAt: new Date("2025-07-07"), jurisdiction: "us" });
 * // actions: account and call-detail-record → restrict until 2027-01-08 (47 CFR 42.6)
 */
export function planChildDataDiscovery(discovery: ChildDataDiscovery): ChildDataPlan {
  return planWith(rightsGuards(), discovery);
}

/** The rights guards a plan is made with: they date the duties from their retention schedule. */
type PlanningRights = Pick<RightsGuards<TrunkiqPolicy>, "canExercise" | "planRequest">;

/**
 * {@link planChildDataDiscovery} with a deployment's rights guards (and so its retention
 * schedule), emitting one `request-plan` event for the erasure each plan is, through `hooks`.
 * `rights` must not emit events of their own: a plan is one decision.
 */
export function childDataPlanner(
  rights: PlanningRights,
  hooks: AuditHooks = {},
): (discovery: ChildDataDiscovery) => ChildDataPlan {
  const emit = auditEmitter(hooks);
  const policyRef = Object.freeze({ id: policy.id, version: policy.version });
  return (discovery) => {
    const plan = planWith(rights, discovery);
    emit?.({
      kind: "request-plan",
      allowed: plan.valid,
      purpose: null,
      category: null,
      recipient: null,
      right: "erasure",
      reasonCodes: Object.freeze(
        plan.valid
          ? plan.actions.flatMap((a) => a.reasons.map((r) => r.code))
          : plan.reasons.map((r) => r.code),
      ),
      obligations: Object.freeze([]),
      policy: policyRef,
    });
    return plan;
  };
}

function planWith(rights: PlanningRights, discovery: ChildDataDiscovery): ChildDataPlan {
  const { canExercise, planRequest } = rights;
  const invalid = (...messages: string[]): ChildDataPlan =>
    Object.freeze({
      valid: false as const,
      discoveredAt: null,
      deadline: null,
      actions: Object.freeze([]) as readonly [],
      reasons: Object.freeze(
        messages.map(
          (message): ChildReason => ({
            code: "invalid-input",
            message,
            section: ageRule.section,
            text: ageRule.text,
          }),
        ),
      ),
    });
  try {
    if (discovery === null || typeof discovery !== "object") {
      return invalid(
        "the discovery must be an object { categories?, discoveredAt, jurisdiction, relationshipEndedAt?, legalHold? }",
      );
    }
    // Own data fields only, each read once: an inherited or getter-given legalHold is refused.
    const read = ownFields(
      discovery,
      ["categories", "discoveredAt", "jurisdiction", "relationshipEndedAt", "legalHold"],
      "discovery",
    );
    if (read.problem !== undefined) return invalid(read.problem);
    const { discoveredAt, jurisdiction } = read.fields;
    const categories = listed(read.fields.categories, "categories");
    const legalHold = listed(read.fields.legalHold, "legalHold");
    if (categories.problem !== undefined) return invalid(categories.problem);
    if (legalHold.problem !== undefined) return invalid(legalHold.problem);
    // Core reads the date through the intrinsic, so a Date subclass or Proxy cannot lie about it.
    if (readDate(discoveredAt) === undefined) return invalid("discoveredAt must be a valid Date");
    const ended = read.fields.relationshipEndedAt ?? discoveredAt;
    if (readDate(ended) === undefined) {
      return invalid("relationshipEndedAt must be a valid Date when given");
    }
    const held = categories.value ?? Object.keys(policy.categories);
    const hold = legalHold.value;
    if (
      hold !== undefined &&
      typeof hold !== "boolean" &&
      !(
        Array.isArray(hold) &&
        // A key is compared as a string, so ["account"] nested in the list would pass as "account".
        hold.every((c) => typeof c === "string" && Object.hasOwn(policy.categories, c))
      )
    ) {
      return invalid("legalHold must be true, false or a list of declared categories");
    }
    // planRequest refuses anything but a non-empty list of declared categories, and a request
    // without a declared jurisdiction; it reads the dates again through the same intrinsic.
    const plan = planRequest({
      right: "erasure",
      receivedAt: discoveredAt as Date,
      jurisdiction: jurisdiction as Jurisdiction,
      relationshipEndedAt: ended as Date,
      categories: held as readonly Category[],
    });
    if (!plan.valid) {
      // The discovery is the request's receipt: a date planRequest cannot count from is this one.
      return invalid(
        ...plan.reasons.map((r) =>
          r.message.startsWith("receivedAt") ? "discoveredAt must be a valid Date" : r.message,
        ),
      );
    }
    const j = plan.jurisdiction;
    const covered = (c: Category) => hold === true || (Array.isArray(hold) && hold.includes(c));
    const step = (
      category: Category,
      action: "delete" | "restrict",
      reason: ChildReason,
      until?: Date | null,
    ): ChildDataAction =>
      Object.freeze({
        category,
        action,
        ...(until === undefined ? {} : { until }),
        reasons: Object.freeze([Object.freeze(reason)]),
      });
    const actions = plan.actions.map((a): ChildDataAction => {
      const category = a.category;
      if (covered(category)) {
        return step(
          category,
          "restrict",
          {
            code: "legal-hold",
            message: `a legal hold covers "${category}": restrict it and delete it when the hold is lifted (GDPR Arts. 17(3)(e), 18)`,
            section: ageRule.section,
            text: ageRule.text,
          },
          null,
        );
      }
      const duty = legalDuty(category, j);
      // The erasure decision dates the duty from the same retention rules the purge uses.
      const kept =
        duty === undefined
          ? undefined
          : canExercise("erasure", category, {
              jurisdiction: j,
              relationshipEndedAt: ended as Date,
              now: plan.receivedAt,
            });
      if (duty !== undefined && kept !== undefined && !kept.allowed && kept.until !== null) {
        const over =
          rightsOptions.responseLaws[j] === "ccpa"
            ? ""
            : "; GDPR Art. 17(3)(b) overrides Art. 17(1)(f)";
        return step(
          category,
          "restrict",
          {
            code: "retention-running",
            message: `a legal duty keeps "${category}" until ${kept.until.toISOString()} (${duty.law}${over}): restrict it until then, and delete it when the duty ends`,
            section: ageRule.section,
            text: ageRule.text,
          },
          kept.until,
        );
      }
      return step(category, "delete", {
        code: "under-age",
        message: `"${category}" belongs to a child under ${ageRule.minimumAge}: delete it (${ageRule.law}, Art. 17(1)(f))`,
        section: ageRule.section,
        text: ageRule.text,
      });
    });
    return Object.freeze({
      valid: true as const,
      discoveredAt: plan.receivedAt,
      jurisdiction: j,
      deadline: plan.deadline,
      actions: Object.freeze(actions),
    });
  } catch {
    return invalid("the discovery could not be read");
  }
}
