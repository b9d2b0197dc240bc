import type { PolicyRef, Reason } from "./decision";
import type {
  RetentionPeriod as Duration,
  PolicyDeclaration,
  RetentionAnchor,
} from "./declaration";
import { isoString } from "./internal/calendar";
import { describe } from "./internal/context";
import { checkedDate, isTime, MAX_TIME_MS, timeOf } from "./internal/dates";
import {
  type CalendarPeriod,
  calendarPeriod,
  cutoffTime,
  deadlineTime,
  formatPeriod,
  retentionDeadline,
} from "./internal/duration";
import { ACCESSOR, INHERITED, notOwnProblem, ownValue } from "./internal/ownValue";

/** What `retentionFor` needs to know about one record. */
export interface RetentionContext<J extends string = string> {
  /** When the record was collected (for a call detail record: the call). */
  readonly collectedAt: Date;
  /** When the customer relationship ended; omit while it is open. */
  readonly relationshipEndedAt?: Date;
  /** Whose law governs the record; the policy's first jurisdiction by default. */
  readonly jurisdiction?: J;
  /** A legal hold (preservation request, litigation) suspends every deletion. */
  readonly legalHold?: boolean;
  /** The moment to decide for; the current time by default. */
  readonly now?: Date;
}

/** The retention rule a decision applied, as configured. */
export interface AppliedRetentionRule<B extends string = string> {
  readonly anchor: RetentionAnchor;
  readonly period: Duration;
  readonly basis: B;
  readonly law: string;
  readonly section: string;
}

/**
 * When a record is due for deletion. `until` is `null` while the anchor event has not
 * happened, under a legal hold, or when the input was invalid; `expired` is then `false`, so
 * a deletion job never deletes on a guess.
 */
export interface RetentionDecision<
  C extends string = string,
  J extends string = string,
  B extends string = string,
> {
  readonly kind: "retention";
  readonly category: C;
  readonly jurisdiction: J;
  readonly until: Date | null;
  readonly expired: boolean;
  /** The applied rule; `null` when the input was invalid. */
  readonly rule: AppliedRetentionRule<B> | null;
  readonly reasons: readonly Reason[];
  readonly policy: PolicyRef;
}

/**
 * The anchor date before which records of a category are expired, for a deletion job to push
 * down into a query: `WHERE <anchor column> < cutoff AND NOT legal_hold`. `cutoff` is `null` on
 * invalid input, which must delete nothing.
 */
export interface RetentionCutoff<
  C extends string = string,
  J extends string = string,
  B extends string = string,
> {
  readonly kind: "retention-cutoff";
  readonly category: C;
  readonly jurisdiction: J;
  /** Which date the cutoff compares with: the collection date or the relationship's end. */
  readonly anchor: RetentionAnchor | null;
  readonly cutoff: Date | null;
  readonly rule: AppliedRetentionRule<B> | null;
  readonly reasons: readonly Reason[];
  readonly policy: PolicyRef;
}

/** A deployment's retention periods, per category and jurisdiction, within the declared limits. */
export type RetentionSchedule = {
  readonly [category: string]: { readonly [jurisdiction: string]: Duration } | undefined;
};

type Rule = AppliedRetentionRule;

/** A rule as the guards apply it: the public rule, its period as calendar math and its words. */
interface CompiledRule {
  readonly rule: Rule;
  /** `undefined` for a period outside whole units, which the date-fns reference adds. */
  readonly calendar: CalendarPeriod | undefined;
  readonly anchorField: "collectedAt" | "relationshipEndedAt";
  readonly kept: string;
  /** The start of the message of a decision with a deadline, running or expired. */
  readonly keepUntil: string;
  readonly dueSince: string;
  /** The message of a cutoff, before and after its date. */
  readonly cutoffBefore: string;
  readonly cutoffAfter: string;
  readonly notStarted: readonly Reason[];
  readonly section: string;
  readonly text: string;
}

const MIN_DATE_MS = -MAX_TIME_MS;

/** Compiles retention rules into lookups; `schedule` overrides periods already validated. */
export function compileRetention(policy: PolicyDeclaration, schedule: RetentionSchedule = {}) {
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const scope = policy.scopes.retention;
  const fallback = policy.jurisdictions[0];
  const reason = (code: string, message: string, cited: { section: string; text: string }) =>
    Object.freeze({ code, message, section: cited.section, text: cited.text }) as Reason;
  const rules = new Map<string, Map<string, CompiledRule>>();
  for (const [category, byJurisdiction] of Object.entries(policy.retention)) {
    const map = new Map<string, CompiledRule>();
    for (const [jurisdiction, r] of Object.entries(byJurisdiction)) {
      const period = schedule[category]?.[jurisdiction] ?? r.period;
      const rule: Rule = Object.freeze({
        anchor: r.anchor,
        period: Object.freeze({ ...period }),
        basis: r.basis,
        law: r.law,
        section: r.section,
      });
      const kept = `kept ${formatPeriod(rule.period)} from ${r.anchor === "collection" ? "collection" : "the end of the relationship"} (${r.law})`;
      const cited = { section: r.section, text: r.text };
      map.set(jurisdiction, {
        rule,
        calendar: calendarPeriod(rule.period),
        anchorField: r.anchor === "collection" ? "collectedAt" : "relationshipEndedAt",
        kept,
        keepUntil: `${kept}: keep until `,
        dueSince: `${kept}: due for deletion since `,
        cutoffBefore: `records whose ${r.anchor === "collection" ? "collection" : "relationship end"} is before `,
        cutoffAfter: ` are due for deletion (${r.law})`,
        notStarted: Object.freeze([
          reason("retention-not-started", `the relationship is still open: ${kept}`, cited),
        ]),
        ...cited,
      });
    }
    rules.set(category, map);
  }
  const declaredCategories = [...rules.keys()].join(", ");
  const declaredJurisdictions = policy.jurisdictions.join(", ");

  const invalid = (message: string): Reason =>
    Object.freeze({ code: "invalid-input", message, section: scope.section, text: scope.text });
  const categoryOf = (category: unknown) =>
    typeof category === "string" ? category : describe(category);

  const decision = (
    category: unknown,
    jurisdiction: string,
    until: Date | null,
    expired: boolean,
    rule: Rule | null,
    reasons: readonly Reason[],
  ): RetentionDecision =>
    Object.freeze({
      kind: "retention" as const,
      category: categoryOf(category),
      jurisdiction,
      until,
      expired,
      rule,
      reasons,
      policy: policyRef,
    });
  const cutoffResult = (
    category: unknown,
    jurisdiction: string,
    anchor: RetentionAnchor | null,
    cutoff: Date | null,
    rule: Rule | null,
    why: Reason,
  ): RetentionCutoff =>
    Object.freeze({
      kind: "retention-cutoff" as const,
      category: categoryOf(category),
      jurisdiction,
      anchor,
      cutoff,
      rule,
      reasons: Object.freeze([why]),
      policy: policyRef,
    });

  const refused = (category: unknown, jurisdiction: string, rule: Rule | null, problem: string) =>
    decision(category, jurisdiction, null, false, rule, Object.freeze([invalid(problem)]));
  const onHold = Object.freeze([
    reason("legal-hold", "a legal hold suspends deletion until it is lifted", scope),
  ]);
  const refusedCutoff = (
    category: unknown,
    jurisdiction: string,
    rule: Rule | null,
    problem: string,
  ) => cutoffResult(category, jurisdiction, null, null, rule, invalid(problem));

  /** What {@link resolve} found: the rule and the context's fields, each read once. */
  interface Resolved {
    readonly compiled: CompiledRule;
    readonly jurisdiction: string;
    readonly collectedAt: unknown;
    readonly relationshipEndedAt: unknown;
    readonly legalHold: unknown;
    readonly now: unknown;
  }
  const notOwn = (name: string, mark: typeof INHERITED | typeof ACCESSOR) =>
    notOwnProblem("retention context", name, mark);

  /**
   * The rule for an untrusted category and context, or what is wrong with them. Only own data
   * fields count (an inherited legalHold: false must not lift a hold), each read once through
   * its descriptor; only an omitted jurisdiction means the default one: null is a mistake.
   */
  const resolve = (category: unknown, context: unknown): Resolved | string => {
    const byJurisdiction = typeof category === "string" ? rules.get(category) : undefined;
    if (byJurisdiction === undefined) {
      return `unknown data category ${describe(category)} (declared: ${declaredCategories})`;
    }
    if (context === null || typeof context !== "object" || Array.isArray(context)) {
      return `the retention context must be an object, got ${describe(context)}`;
    }
    const collectedAt = ownValue(context, "collectedAt");
    if (collectedAt === INHERITED || collectedAt === ACCESSOR)
      return notOwn("collectedAt", collectedAt);
    const relationshipEndedAt = ownValue(context, "relationshipEndedAt");
    if (relationshipEndedAt === INHERITED || relationshipEndedAt === ACCESSOR)
      return notOwn("relationshipEndedAt", relationshipEndedAt);
    const given = ownValue(context, "jurisdiction");
    if (given === INHERITED || given === ACCESSOR) return notOwn("jurisdiction", given);
    const legalHold = ownValue(context, "legalHold");
    if (legalHold === INHERITED || legalHold === ACCESSOR) return notOwn("legalHold", legalHold);
    const now = ownValue(context, "now");
    if (now === INHERITED || now === ACCESSOR) return notOwn("now", now);
    const jurisdiction = given === undefined ? fallback : given;
    const compiled =
      typeof jurisdiction === "string" ? byJurisdiction.get(jurisdiction) : undefined;
    if (compiled === undefined) {
      return `unknown jurisdiction ${describe(jurisdiction)} (declared: ${declaredJurisdictions})`;
    }
    return {
      compiled,
      jurisdiction: jurisdiction as string,
      collectedAt,
      relationshipEndedAt,
      legalHold,
      now,
    };
  };

  const retentionFor = (category: unknown, context: unknown): RetentionDecision => {
    try {
      const resolved = resolve(category, context);
      if (typeof resolved === "string") return refused(category, fallback, null, resolved);
      const {
        compiled,
        jurisdiction: j,
        collectedAt,
        relationshipEndedAt,
        legalHold,
        now,
      } = resolved;
      const { rule } = compiled;
      // Dates are read through the intrinsic: a subclass or Proxy cannot lie about its time.
      const collected = timeOf(collectedAt);
      if (collected === undefined)
        return refused(
          category,
          j,
          rule,
          `collectedAt must be a valid Date, got ${describe(collectedAt)}`,
        );
      const ended = relationshipEndedAt === undefined ? undefined : timeOf(relationshipEndedAt);
      if (relationshipEndedAt !== undefined && ended === undefined) {
        return refused(
          category,
          j,
          rule,
          `relationshipEndedAt must be a valid Date when given, got ${describe(relationshipEndedAt)}`,
        );
      }
      if (legalHold !== undefined && typeof legalHold !== "boolean") {
        return refused(
          category,
          j,
          rule,
          `legalHold must be true or false, got ${describe(legalHold)}`,
        );
      }
      const at = now === undefined ? Date.now() : timeOf(now);
      if (at === undefined)
        return refused(
          category,
          j,
          rule,
          `now must be a valid Date when given, got ${describe(now)}`,
        );

      if (legalHold === true) {
        return decision(category, j, null, false, rule, onHold);
      }
      const anchor = rule.anchor === "collection" ? collected : ended;
      if (anchor === undefined) {
        return decision(category, j, null, false, rule, compiled.notStarted);
      }
      const due =
        compiled.calendar === undefined
          ? retentionDeadline(new Date(anchor), rule.period).getTime()
          : deadlineTime(anchor, compiled.calendar);
      if (!isTime(due)) {
        return refused(
          category,
          j,
          rule,
          `${compiled.anchorField} ${new Date(anchor).toISOString()} plus ${formatPeriod(rule.period)} is past the last representable date`,
        );
      }
      const until = new Date(due);
      const expired = at >= due;
      return decision(
        category,
        j,
        until,
        expired,
        rule,
        Object.freeze([
          reason(
            expired ? "retention-expired" : "retention-running",
            (expired ? compiled.dueSince : compiled.keepUntil) + isoString(due),
            compiled,
          ),
        ]),
      );
    } catch {
      // A hostile context (a throwing getter, a Proxy) is bad input, never a crash or a deletion.
      return refused(category, fallback, null, "the retention context could not be read");
    }
  };

  const retentionCutoff = (category: unknown, context: unknown): RetentionCutoff => {
    try {
      const resolved = resolve(category, context);
      if (typeof resolved === "string") return refusedCutoff(category, fallback, null, resolved);
      const { compiled, jurisdiction: j, now } = resolved;
      const { rule } = compiled;
      const at = timeOf(now);
      if (at === undefined)
        return refusedCutoff(category, j, rule, `now must be a valid Date, got ${describe(now)}`);
      const boundary =
        compiled.calendar === undefined
          ? (earliestUnexpiredAnchor(new Date(at), rule.period)?.getTime() ?? Number.NaN)
          : cutoffTime(at, compiled.calendar);
      if (!isTime(boundary)) {
        return refusedCutoff(
          category,
          j,
          rule,
          `now ${new Date(at).toISOString()} gives no cutoff within the representable dates for ${formatPeriod(rule.period)}`,
        );
      }
      const cutoff = new Date(boundary);
      return cutoffResult(
        category,
        j,
        rule.anchor,
        cutoff,
        rule,
        reason(
          "retention-expired",
          compiled.cutoffBefore + isoString(boundary) + compiled.cutoffAfter,
          compiled,
        ),
      );
    } catch {
      return refusedCutoff(category, fallback, null, "the retention context could not be read");
    }
  };

  return { retentionFor, retentionCutoff };
}

/**
 * The least anchor whose deadline is still ahead of `now`: a record is expired exactly when its
 * anchor is earlier. For a period in whole units {@link cutoffTime} inverts the calendar
 * addition in closed form; any other period is searched for: the deadline is non-decreasing in
 * the anchor, so a binary search over milliseconds finds the exact boundary. `undefined` when
 * the boundary lies outside the dates a `Date` can hold.
 */
export function earliestUnexpiredAnchor(now: Date, period: Duration): Date | undefined {
  const calendar = calendarPeriod(period);
  if (calendar !== undefined) return checkedDate(new Date(cutoffTime(now.getTime(), calendar)));
  const target = now.getTime();
  // An anchor whose deadline leaves the Date range (NaN) is not expired: it never deletes.
  const expired = (anchorMs: number) =>
    retentionDeadline(new Date(anchorMs), period).getTime() <= target;
  // INVARIANT: periods are non-negative, so an anchor after `now` has not expired.
  let hi = target + 1;
  let step = 86_400_000;
  let lo = hi - step;
  while (!expired(lo)) {
    hi = lo;
    step *= 2;
    lo = hi - step;
    if (lo < MIN_DATE_MS) return undefined;
  }
  // expired(lo) and !expired(hi): narrow to adjacent milliseconds.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (expired(mid)) lo = mid;
    else hi = mid;
  }
  return checkedDate(new Date(hi));
}
