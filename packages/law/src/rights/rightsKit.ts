import type {
  Obligation,
  PolicyDeclaration,
  PolicyRef,
  Reason,
  ReasonCode,
  RetentionRuleDeclaration,
  RetentionSchedule,
} from "@trunkiq/policy-core";
import { calendarPeriod, type compileRetention, deadlineTime } from "@trunkiq/policy-core/engine";
import { isResponseLaw, type ResponseLaw } from "../responseDeadline";
import type { CompiledRight } from "./decideRight";
import { erasureExemption, isLegalDuty } from "./erasureExemption";
import { type BasisKind, basisKind, type GdprRight } from "./gdprRights";
import type { RightDecision, RightsOptions } from "./types";

/** The ids a decision is about: a right with GDPR semantics, a declared category, a jurisdiction. */
export interface RightCell {
  readonly right: GdprRight;
  readonly category: string;
  readonly jurisdiction: string;
}

/** A right's arguments once checked, dates as time values read once. */
export interface CheckedRight extends RightCell {
  /** The table's entry for the right, category and jurisdiction. */
  readonly compiled: CompiledRight;
  /**
   * When the keeping starts, in ms: the relationship's end, or the last contact of someone who
   * never became a customer; `undefined` while the relationship is open.
   */
  readonly anchor: number | undefined;
  readonly legalHold: boolean;
  /** The moment to decide for, in ms; `undefined` means the current time. */
  readonly now: number | undefined;
}

/** What a decision holds besides its right, category and jurisdiction. */
export interface DecisionFields {
  readonly allowed: boolean;
  readonly until?: Date | null;
  readonly purposes?: readonly string[];
  readonly reasons: readonly Reason[];
  readonly obligations?: readonly Obligation[];
}

/** The retention rule keeping a category in one jurisdiction, as the rights read it. */
export interface Keeping {
  readonly rule: RetentionRuleDeclaration;
  /** The rule rests on a legal obligation of that jurisdiction (GDPR Art. 17(3)(b)). */
  readonly legal: boolean;
  /** The rule keeps the data for legal claims (GDPR Art. 17(3)(e)). */
  readonly claims: boolean;
  /** The rule allows no storage at all (a zero `maximum`): nothing of the category is held. */
  readonly neverStored: boolean;
  /**
   * When data of a relationship that ended at `ended` (ms) is due for deletion, in ms: `NaN`
   * past the last representable date, `null` when the rule gives no date yet.
   */
  due(ended: number): number | null;
  /** Up to this end (ms) the due date is certainly representable, so `due` need not be asked. */
  readonly representableUpTo: number;
}

/** Everything the decision of one right reads, compiled once per set of rights guards. */
export interface RightsKit {
  readonly policy: PolicyDeclaration;
  readonly policyRef: PolicyRef;
  readonly retention: ReturnType<typeof compileRetention>;
  /** Purposes that are direct marketing (Art. 21(3)). */
  readonly marketing: ReadonlySet<string>;
  /** Categories processed for a customer who is their controller (Arts. 28(3)(e), 29). */
  readonly processorFor: ReadonlySet<string>;
  /** The law setting the response deadline in each jurisdiction that has one. */
  readonly responseLaws: ReadonlyMap<string, ResponseLaw>;
  /** A reason citing the right's section, or the rights scope when the right is unknown. */
  reason(code: ReasonCode, message: string, right?: string): Reason;
  obligation(id: string, message: string, right: string): Obligation;
  decision(
    c: { readonly right: string; readonly category: string; readonly jurisdiction: string },
    fields: DecisionFields,
  ): RightDecision;
  /** The purposes that use a category, with the kind of their basis. */
  purposesUsing(category: string): { readonly id: string; readonly kind: BasisKind }[];
  /** The retention rule keeping a category in a jurisdiction, or `null`. */
  keeping(category: string, jurisdiction: string): Keeping | null;
  /** The obligations a deployment added for this right on this category. */
  judged(c: RightCell): readonly Obligation[];
  /** The recipients the share rules let receive a category, in declaration order. */
  recipientsOf(category: string): readonly string[];
}

/** Builds the kit from a frozen declaration, frozen options and the compiled retention rules. */
export function createRightsKit(
  policy: PolicyDeclaration,
  options: Pick<RightsOptions, "directMarketing" | "judgements" | "processorFor" | "responseLaws">,
  retention: ReturnType<typeof compileRetention>,
  schedule: RetentionSchedule = {},
): RightsKit {
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const rightsScope = Object.values(policy.rights)[0] ?? policy.scopes.use;
  const cited = (right: string | undefined) =>
    right !== undefined && Object.hasOwn(policy.rights, right) ? policy.rights[right] : undefined;
  const keepings = new Map<string, Map<string, Keeping>>();
  for (const [category, byJurisdiction] of Object.entries(policy.retention)) {
    const row = new Map<string, Keeping>();
    for (const [jurisdiction, rule] of Object.entries(byJurisdiction)) {
      // A legal minimum binds even where the rule keeps the data longer on another basis (US
      // account data: 47 CFR 42.6 keeps name, address and number with toll records 18 months):
      // erasure yields until the minimum ends, not the whole period.
      const exemption = erasureExemption(policy, rule);
      row.set(jurisdiction, {
        rule,
        legal: isLegalDuty(exemption),
        claims: exemption === "legal-claims",
        neverStored: isZero(rule.maximum),
        ...(exemption === "legal-minimum" && rule.minimum
          ? dueOf(category, jurisdiction, { ...rule, period: rule.minimum }, {}, retention)
          : dueOf(category, jurisdiction, rule, schedule, retention)),
      });
    }
    keepings.set(category, row);
  }
  return {
    policy,
    policyRef,
    retention,
    marketing: new Set(options.directMarketing ?? []),
    processorFor: new Set(options.processorFor ?? []),
    responseLaws: new Map(
      Object.entries(options.responseLaws ?? {}).filter(([, law]) => isResponseLaw(law)),
    ),
    reason: (code, message, right) => {
      const cite = cited(right);
      return Object.freeze({
        code,
        message,
        section: cite?.section ?? rightsScope.section,
        text: cite?.text ?? rightsScope.text,
      });
    },
    obligation: (id, message, right) =>
      Object.freeze({ id, message, section: policy.rights[right]?.section ?? rightsScope.section }),
    decision: (c, fields) =>
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
      }),
    purposesUsing: (category) =>
      Object.entries(policy.purposes)
        .filter(([, p]) => Object.hasOwn(p.uses, category))
        .map(([id, p]) => ({ id, kind: basisKind(policy, p.basis) })),
    keeping: (category, jurisdiction) => keepings.get(category)?.get(jurisdiction) ?? null,
    judged: (c) => options.judgements?.[c.right]?.[c.category] ?? [],
    recipientsOf: (category) =>
      Object.entries(policy.recipients)
        .filter(([, r]) => Object.hasOwn(r.receives, category))
        .map(([id]) => id),
  };
}

/**
 * The deadline of a relationship's data under one rule. A collection-anchored period runs from
 * each record; once the relationship has ended no record is newer than its end, so the end
 * bounds every record's deadline. A period in whole calendar units is added in integer UTC
 * calendar math; any other rule is asked of `retentionFor`, which decides it the same way.
 */
function dueOf(
  category: string,
  jurisdiction: string,
  rule: RetentionRuleDeclaration,
  schedule: RetentionSchedule,
  retention: ReturnType<typeof compileRetention>,
): Pick<Keeping, "due" | "representableUpTo"> {
  const calendar = calendarPeriod(schedule[category]?.[jurisdiction] ?? rule.period);
  if (
    calendar !== undefined &&
    (rule.anchor === "collection" || rule.anchor === "relationship-end")
  ) {
    // A month is at most 31 days; a day more for the end of the deadline's day, one to spare.
    const span = (calendar.months * 31 + calendar.days + 2) * DAY_MS;
    return {
      due: (ended) => deadlineTime(ended, calendar),
      representableUpTo: MAX_TIME_MS - span,
    };
  }
  const due = (ended: number) => {
    const anchor = new Date(ended);
    const kept = retention.retentionFor(category, {
      collectedAt: anchor,
      relationshipEndedAt: anchor,
      jurisdiction,
    });
    if (kept.rule !== null && kept.reasons[0]?.code === "invalid-input") return Number.NaN;
    return kept.until === null ? null : kept.until.getTime();
  };
  return { due, representableUpTo: Number.NEGATIVE_INFINITY };
}

/** `true` for a declared period of no time at all; `false` when there is none. */
function isZero(period: RetentionRuleDeclaration["maximum"]): boolean {
  if (period === undefined) return false;
  const calendar = calendarPeriod(period);
  return calendar !== undefined && calendar.months === 0 && calendar.days === 0;
}

const DAY_MS = 86_400_000;
// The last time a Date can hold (ECMA-262 §21.4.1.1).
const MAX_TIME_MS = 8.64e15;
