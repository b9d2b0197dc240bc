import type { PolicyRef, Reason } from "./decision";
import type {
  RetentionPeriod as Duration,
  PolicyDeclaration,
  RetentionAnchor,
} from "./declaration";
import { DAY_MS, isoString } from "./internal/calendar";
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
import { ACCESSOR, INHERITED, notOwnProblem, ownValue, readsPlainly } from "./internal/ownValue";

/** What `retentionFor` needs to know about one record. */
export interface RetentionContext<J extends string = string> {
  /** When the record was collected (for a call detail record: the call). */
  readonly collectedAt: Date;
  /** When the customer relationship ended; omit while it is open. */
  readonly relationshipEndedAt?: Date;
  /**
   * For someone who never became a customer (a prospect, a rejected applicant): their last
   * contact with us, from which periods anchored at the relationship's end run, since no
   * relationship will ever end. Give it instead of `relationshipEndedAt`, never with it.
   */
  readonly lastContactAt?: Date;
  /** Whose law governs the record; the policy's first jurisdiction by default. */
  readonly jurisdiction?: J;
  /** A legal hold (preservation request, litigation) suspends every deletion. */
  readonly legalHold?: boolean;
  /** The moment to decide for; the current time by default. */
  readonly now?: Date;
}

/**
 * What `retentionCutoff` needs: the moment and whose law applies. The jurisdiction has no
 * default, since periods differ by law (EEA call records are kept a year less than US ones): a
 * deletion job asks once per jurisdiction it holds records of.
 */
export interface RetentionCutoffContext<J extends string = string> {
  readonly now: Date;
  readonly jurisdiction: J;
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
  /**
   * Which date the cutoff compares with: the collection date or the relationship's end (for
   * someone who never became a customer, their last contact).
   */
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

/** How many reason lists each rule keeps for reuse, by day and variant (a power of two). */
const REASON_SLOTS = 512;
// The variants of a rule's reasons: bits of a deadline's outcome and anchor, or a cutoff.
const EXPIRED = 1;
const BY_CONTACT = 2;
const CUTOFF = 4;
type ReasonVariant = 0 | 1 | 2 | 3 | typeof CUTOFF;

/** A rule as the guards apply it: the public rule, its period as calendar math and its words. */
interface CompiledRule {
  readonly rule: Rule;
  /** `undefined` for a period outside whole units, which is added step by step. */
  readonly calendar: CalendarPeriod | undefined;
  readonly byCollection: boolean;
  readonly anchorField: "collectedAt" | "relationshipEndedAt";
  /**
   * The start of the message of a decision with a deadline, by variant: keep until, due since,
   * and both again for a deadline run from the last contact.
   */
  readonly deadlineMessages: readonly [string, string, string, string];
  /** The message of a cutoff, before and after its date. */
  readonly cutoffBefore: string;
  readonly cutoffAfter: string;
  readonly notStarted: readonly Reason[];
  readonly section: string;
  readonly text: string;
  /**
   * Reason lists already made, by deadline, outcome and anchor: records collected on one day
   * share a deadline, and a frozen list made once costs less than a new one per record. Filled
   * on first use; a slot holds the last list written to it and the deadline it was made for.
   */
  slotTimes: Float64Array | undefined;
  slotReasons: (readonly Reason[])[] | undefined;
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
      const byCollection = r.anchor === "collection";
      const keptFor = `kept ${formatPeriod(rule.period)} from `;
      const kept = `${keptFor}${byCollection ? "collection" : "the end of the relationship"} (${r.law})`;
      const keptContact = `${keptFor}the last contact of someone never a customer (${r.law})`;
      const cited = { section: r.section, text: r.text };
      map.set(jurisdiction, {
        rule,
        calendar: calendarPeriod(rule.period),
        byCollection,
        anchorField: byCollection ? "collectedAt" : "relationshipEndedAt",
        deadlineMessages: [
          `${kept}: keep until `,
          `${kept}: due for deletion since `,
          `${keptContact}: keep until `,
          `${keptContact}: due for deletion since `,
        ],
        cutoffBefore: `records whose ${byCollection ? "collection" : "relationship end (for someone never a customer: last contact)"} is before `,
        cutoffAfter: ` are due for deletion (${r.law})`,
        notStarted: Object.freeze([
          reason("retention-not-started", `the relationship is still open: ${kept}`, cited),
        ]),
        ...cited,
        slotTimes: undefined,
        slotReasons: undefined,
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
    reasons: readonly Reason[],
  ): RetentionCutoff =>
    Object.freeze({
      kind: "retention-cutoff" as const,
      category: categoryOf(category),
      jurisdiction,
      anchor,
      cutoff,
      rule,
      reasons,
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
  ) => cutoffResult(category, jurisdiction, null, null, rule, Object.freeze([invalid(problem)]));

  /**
   * The reasons of a deadline decision (`variant` 0–3: keep or due, by anchor or by last contact)
   * or of a cutoff (`variant` 4) at `time`, reused from the rule's slots when made before.
   */
  const cachedReasons = (
    compiled: CompiledRule,
    time: number,
    variant: ReasonVariant,
  ): readonly Reason[] => {
    // A day's start hashes to its day number, any other time (a zero period's anchor, a
    // cutoff) mixes in its time of day; the low bits of a slot are the variant.
    const day = Math.floor(time / DAY_MS);
    const slot = (((day ^ (time - day * DAY_MS)) << 3) | variant) & (REASON_SLOTS - 1);
    if (compiled.slotTimes?.[slot] === time) {
      return compiled.slotReasons?.[slot] as readonly Reason[];
    }
    const reasons = Object.freeze([
      variant === CUTOFF
        ? reason(
            "retention-expired",
            compiled.cutoffBefore + isoString(time) + compiled.cutoffAfter,
            compiled,
          )
        : reason(
            variant & EXPIRED ? "retention-expired" : "retention-running",
            compiled.deadlineMessages[variant] + isoString(time),
            compiled,
          ),
    ]);
    // NaN equals no time, so an empty slot never answers.
    compiled.slotTimes ??= new Float64Array(REASON_SLOTS).fill(Number.NaN);
    compiled.slotReasons ??= new Array<readonly Reason[]>(REASON_SLOTS).fill(onHold);
    compiled.slotTimes[slot] = time;
    compiled.slotReasons[slot] = reasons;
    return reasons;
  };

  const notOwn = (name: string, mark: typeof INHERITED | typeof ACCESSOR) =>
    notOwnProblem("retention context", name, mark);

  // The fields {@link resolve} read, each once, for the caller to use before anything else runs.
  let readCollectedAt: unknown;
  let readRelationshipEndedAt: unknown;
  let readLastContactAt: unknown;
  let readLegalHold: unknown;
  let readNow: unknown;
  let jurisdiction = fallback;

  /**
   * The rule for an untrusted category and context, or what is wrong with them. Only own data
   * fields count (an inherited legalHold: false must not lift a hold), each read once ({@link
   * ownValue}); only an omitted jurisdiction of a record means the default one (a cutoff has
   * none): null is a mistake. The fields land in
   * the variables above, written only after every read, so a Proxy that calls back in cannot mix
   * two contexts.
   */
  const resolve = (
    category: unknown,
    context: unknown,
    question: "record" | "cutoff",
  ): CompiledRule | string => {
    const byJurisdiction = typeof category === "string" ? rules.get(category) : undefined;
    if (byJurisdiction === undefined) {
      return `unknown data category ${describe(category)} (declared: ${declaredCategories})`;
    }
    if (context === null || typeof context !== "object" || Array.isArray(context)) {
      return `the retention context must be an object, got ${describe(context)}`;
    }
    const plain = readsPlainly(context);
    // A cutoff reads only `jurisdiction` and `now`, yet checks every field of the retention
    // context as a record's decision does: one context is refused alike by both.
    const record = question === "record";
    const collected = ownValue(context, "collectedAt", plain);
    if (collected === INHERITED || collected === ACCESSOR) return notOwn("collectedAt", collected);
    const ended = ownValue(context, "relationshipEndedAt", plain);
    if (ended === INHERITED || ended === ACCESSOR) return notOwn("relationshipEndedAt", ended);
    const contact = ownValue(context, "lastContactAt", plain);
    if (contact === INHERITED || contact === ACCESSOR) return notOwn("lastContactAt", contact);
    const given = ownValue(context, "jurisdiction", plain);
    if (given === INHERITED || given === ACCESSOR) return notOwn("jurisdiction", given);
    const hold = ownValue(context, "legalHold", plain);
    if (hold === INHERITED || hold === ACCESSOR) return notOwn("legalHold", hold);
    const at = ownValue(context, "now", plain);
    if (at === INHERITED || at === ACCESSOR) return notOwn("now", at);
    if (given === undefined && !record) {
      return `jurisdiction is required: periods differ by law, so ask once per jurisdiction (declared: ${declaredJurisdictions})`;
    }
    const j = given === undefined ? fallback : given;
    const compiled = typeof j === "string" ? byJurisdiction.get(j) : undefined;
    if (compiled === undefined) {
      return `unknown jurisdiction ${describe(j)} (declared: ${declaredJurisdictions})`;
    }
    readCollectedAt = collected;
    readRelationshipEndedAt = ended;
    readLastContactAt = contact;
    readLegalHold = hold;
    readNow = at;
    jurisdiction = j as string;
    return compiled;
  };

  const retentionFor = (category: unknown, context: unknown): RetentionDecision => {
    try {
      const compiled = resolve(category, context, "record");
      if (typeof compiled === "string") return refused(category, fallback, null, compiled);
      // Copied at once: nothing a caller wrote may run between the reads and their use.
      const j = jurisdiction;
      const collectedAt = readCollectedAt;
      const relationshipEndedAt = readRelationshipEndedAt;
      const lastContactAt = readLastContactAt;
      const legalHold = readLegalHold;
      const now = readNow;
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
      const contact = lastContactAt === undefined ? undefined : timeOf(lastContactAt);
      if (lastContactAt !== undefined) {
        if (contact === undefined) {
          return refused(
            category,
            j,
            rule,
            `lastContactAt must be a valid Date when given, got ${describe(lastContactAt)}`,
          );
        }
        if (ended !== undefined) {
          return refused(
            category,
            j,
            rule,
            "lastContactAt is for someone who never became a customer: give it or relationshipEndedAt, not both",
          );
        }
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
      const byContact = !compiled.byCollection && contact !== undefined;
      const anchor = compiled.byCollection ? collected : byContact ? contact : ended;
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
          `${byContact ? "lastContactAt" : compiled.anchorField} ${new Date(anchor).toISOString()} plus ${formatPeriod(rule.period)} is past the last representable date`,
        );
      }
      const expired = at >= due;
      return decision(
        category,
        j,
        new Date(due),
        expired,
        rule,
        cachedReasons(
          compiled,
          due,
          ((expired ? EXPIRED : 0) | (byContact ? BY_CONTACT : 0)) as ReasonVariant,
        ),
      );
    } catch {
      // A hostile context (a throwing getter, a Proxy) is bad input, never a crash or a deletion.
      return refused(category, fallback, null, "the retention context could not be read");
    }
  };

  const retentionCutoff = (category: unknown, context: unknown): RetentionCutoff => {
    try {
      const compiled = resolve(category, context, "cutoff");
      if (typeof compiled === "string") return refusedCutoff(category, fallback, null, compiled);
      const j = jurisdiction;
      const now = readNow;
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
        cachedReasons(compiled, boundary, CUTOFF),
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
