import type { Duration } from "date-fns";
import type { PolicyRef, Reason } from "./decision";
import type { PolicyDeclaration, RetentionAnchor } from "./declaration";
import { describe } from "./internal/context";
import { checkedDate, MAX_TIME_MS, readDate } from "./internal/dates";
import { formatPeriod, retentionDeadline } from "./internal/duration";
import { ownFields } from "./ownFields";

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

const MIN_DATE_MS = -MAX_TIME_MS;

const retentionFields = [
  "collectedAt",
  "relationshipEndedAt",
  "jurisdiction",
  "legalHold",
  "now",
] as const;
type RetentionField = (typeof retentionFields)[number];

/** Compiles retention rules into lookups; `schedule` overrides periods already validated. */
export function compileRetention(policy: PolicyDeclaration, schedule: RetentionSchedule = {}) {
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const scope = policy.scopes.retention;
  const rules = new Map<string, Map<string, Rule>>();
  for (const [category, byJurisdiction] of Object.entries(policy.retention)) {
    const map = new Map<string, Rule>();
    for (const [jurisdiction, r] of Object.entries(byJurisdiction)) {
      const period = schedule[category]?.[jurisdiction] ?? r.period;
      map.set(
        jurisdiction,
        Object.freeze({
          anchor: r.anchor,
          period: Object.freeze({ ...period }),
          basis: r.basis,
          law: r.law,
          section: r.section,
        }),
      );
    }
    rules.set(category, map);
  }

  const invalid = (message: string): Reason =>
    Object.freeze({ code: "invalid-input", message, section: scope.section, text: scope.text });

  /** Resolves the rule for an untrusted category and context, or says what is wrong. */
  const resolve = (
    category: unknown,
    context: unknown,
  ):
    | { rule: Rule; jurisdiction: string; ctx: { readonly [F in RetentionField]: unknown } }
    | { problem: string; jurisdiction: string } => {
    const fallback = policy.jurisdictions[0];
    const byJurisdiction = typeof category === "string" ? rules.get(category) : undefined;
    if (!byJurisdiction) {
      return {
        problem: `unknown data category ${describe(category)} (declared: ${[...rules.keys()].join(", ")})`,
        jurisdiction: fallback,
      };
    }
    if (context === null || typeof context !== "object" || Array.isArray(context)) {
      return {
        problem: `the retention context must be an object, got ${describe(context)}`,
        jurisdiction: fallback,
      };
    }
    // Only own data fields count (an inherited legalHold: false must not lift a hold), read once;
    // only an omitted jurisdiction means the default one: null is a mistake, not a choice.
    const read = ownFields(context, retentionFields, "retention context");
    if (read.problem !== undefined) return { problem: read.problem, jurisdiction: fallback };
    const ctx = read.fields;
    const jurisdiction = ctx.jurisdiction === undefined ? fallback : ctx.jurisdiction;
    const rule = typeof jurisdiction === "string" ? byJurisdiction.get(jurisdiction) : undefined;
    if (!rule) {
      return {
        problem: `unknown jurisdiction ${describe(jurisdiction)} (declared: ${policy.jurisdictions.join(", ")})`,
        jurisdiction: fallback,
      };
    }
    return { rule, jurisdiction: jurisdiction as string, ctx };
  };

  const decision = (
    category: unknown,
    jurisdiction: string,
    fields: { until: Date | null; expired: boolean; rule: Rule | null; reasons: readonly Reason[] },
  ): RetentionDecision =>
    Object.freeze({
      kind: "retention" as const,
      category: typeof category === "string" ? category : describe(category),
      jurisdiction,
      ...fields,
      reasons: Object.freeze(fields.reasons),
      policy: policyRef,
    });

  const retentionFor = (category: unknown, context: unknown): RetentionDecision => {
    try {
      const resolved = resolve(category, context);
      if ("problem" in resolved) {
        return decision(category, resolved.jurisdiction, {
          until: null,
          expired: false,
          rule: null,
          reasons: [invalid(resolved.problem)],
        });
      }
      const { rule, jurisdiction, ctx } = resolved;
      const bad = (problem: string) =>
        decision(category, jurisdiction, {
          until: null,
          expired: false,
          rule,
          reasons: [invalid(problem)],
        });
      // Dates are read once through the intrinsic: a subclass or Proxy cannot lie about its time.
      const collectedAt = readDate(ctx.collectedAt);
      if (collectedAt === undefined)
        return bad(`collectedAt must be a valid Date, got ${describe(ctx.collectedAt)}`);
      const relationshipEndedAt =
        ctx.relationshipEndedAt === undefined ? undefined : readDate(ctx.relationshipEndedAt);
      if (ctx.relationshipEndedAt !== undefined && relationshipEndedAt === undefined) {
        return bad(
          `relationshipEndedAt must be a valid Date when given, got ${describe(ctx.relationshipEndedAt)}`,
        );
      }
      if (ctx.legalHold !== undefined && typeof ctx.legalHold !== "boolean") {
        return bad(`legalHold must be true or false, got ${describe(ctx.legalHold)}`);
      }
      const now = ctx.now === undefined ? new Date() : readDate(ctx.now);
      if (now === undefined)
        return bad(`now must be a valid Date when given, got ${describe(ctx.now)}`);
      const kept = `kept ${formatPeriod(rule.period)} from ${rule.anchor === "collection" ? "collection" : "the end of the relationship"} (${rule.law})`;
      const cite = {
        section: rule.section,
        text: policy.retention[category as string]?.[jurisdiction]?.text ?? "",
      };

      if (ctx.legalHold === true) {
        return decision(category, jurisdiction, {
          until: null,
          expired: false,
          rule,
          reasons: [
            Object.freeze({
              code: "legal-hold",
              message: "a legal hold suspends deletion until it is lifted",
              section: scope.section,
              text: scope.text,
            }),
          ],
        });
      }
      const anchorField = rule.anchor === "collection" ? "collectedAt" : "relationshipEndedAt";
      const anchor = rule.anchor === "collection" ? collectedAt : relationshipEndedAt;
      if (anchor === undefined) {
        return decision(category, jurisdiction, {
          until: null,
          expired: false,
          rule,
          reasons: [
            Object.freeze({
              code: "retention-not-started",
              message: `the relationship is still open: ${kept}`,
              ...cite,
            }),
          ],
        });
      }
      const until = checkedDate(retentionDeadline(anchor, rule.period));
      if (until === undefined) {
        return bad(
          `${anchorField} ${anchor.toISOString()} plus ${formatPeriod(rule.period)} is past the last representable date`,
        );
      }
      const expired = now.getTime() >= until.getTime();
      return decision(category, jurisdiction, {
        until,
        expired,
        rule,
        reasons: [
          Object.freeze({
            code: expired ? "retention-expired" : "retention-running",
            message: `${kept}: ${expired ? "due for deletion since" : "keep until"} ${until.toISOString()}`,
            ...cite,
          }),
        ],
      });
    } catch {
      // A hostile context (a throwing getter, a Proxy) is bad input, never a crash or a deletion.
      return decision(category, policy.jurisdictions[0], {
        until: null,
        expired: false,
        rule: null,
        reasons: [invalid("the retention context could not be read")],
      });
    }
  };

  const retentionCutoff = (category: unknown, context: unknown): RetentionCutoff => {
    const result = (
      jurisdiction: string,
      fields: {
        anchor: RetentionAnchor | null;
        cutoff: Date | null;
        rule: Rule | null;
        reasons: readonly Reason[];
      },
    ): RetentionCutoff =>
      Object.freeze({
        kind: "retention-cutoff" as const,
        category: typeof category === "string" ? category : describe(category),
        jurisdiction,
        ...fields,
        reasons: Object.freeze(fields.reasons),
        policy: policyRef,
      });
    try {
      const resolved = resolve(category, context);
      if ("problem" in resolved) {
        return result(resolved.jurisdiction, {
          anchor: null,
          cutoff: null,
          rule: null,
          reasons: [invalid(resolved.problem)],
        });
      }
      const { rule, jurisdiction, ctx } = resolved;
      const now = readDate(ctx.now);
      const fail = (problem: string) =>
        result(jurisdiction, { anchor: null, cutoff: null, rule, reasons: [invalid(problem)] });
      if (now === undefined) return fail(`now must be a valid Date, got ${describe(ctx.now)}`);
      const cutoff = earliestUnexpiredAnchor(now, rule.period);
      if (cutoff === undefined) {
        return fail(
          `now ${now.toISOString()} gives no cutoff within the representable dates for ${formatPeriod(rule.period)}`,
        );
      }
      return result(jurisdiction, {
        anchor: rule.anchor,
        cutoff,
        rule,
        reasons: [
          Object.freeze({
            code: "retention-expired",
            message: `records whose ${rule.anchor === "collection" ? "collection" : "relationship end"} is before ${cutoff.toISOString()} are due for deletion (${rule.law})`,
            section: rule.section,
            text: policy.retention[category as string]?.[jurisdiction]?.text ?? "",
          }),
        ],
      });
    } catch {
      return result(policy.jurisdictions[0], {
        anchor: null,
        cutoff: null,
        rule: null,
        reasons: [invalid("the retention context could not be read")],
      });
    }
  };

  return { retentionFor, retentionCutoff };
}

/**
 * The least anchor whose deadline is still ahead of `now`: a record is expired exactly when its
 * anchor is earlier. Calendar addition clamps month ends (Jan 31 + 1 month = Feb 28), so it has
 * no inverse; the deadline is non-decreasing in the anchor, so a binary search over
 * milliseconds finds the exact boundary. `undefined` when the boundary lies outside the dates a
 * `Date` can hold.
 */
export function earliestUnexpiredAnchor(now: Date, period: Duration): Date | undefined {
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
