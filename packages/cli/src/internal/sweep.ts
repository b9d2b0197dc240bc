import type { RetentionAnchor } from "@trunkiq/policy-core";
import type { PolicyKit } from "../PolicyKit";
import { parseDateMs } from "./dates";
import { retentionText } from "./retentionText";

/** The fields of a record; any other field makes the row malformed. */
export const RECORD_FIELDS = [
  "id",
  "category",
  "collectedAt",
  "relationshipEndedAt",
  "legalHold",
  "jurisdiction",
] as const;

/** The fields every record carries. */
export const REQUIRED_FIELDS = ["id", "category", "collectedAt"] as const;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(RECORD_FIELDS);
// A lone surrogate cannot be written as UTF-8, so such an id would come out changed.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** A record as read from the input, before validation. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** A record due for deletion and the rule that makes it so. */
export interface DueRecord {
  readonly id: string;
  readonly category: string;
  readonly jurisdiction: string;
  readonly anchor: RetentionAnchor;
  readonly rule: string;
  readonly law: string;
  readonly section: string;
}

/** Counts per category. */
export interface CategoryCounts {
  scanned: number;
  expired: number;
  kept: number;
  legalHold: number;
  relationshipOpen: number;
}

export type SweepOutcome =
  | { readonly kind: "due"; readonly record: DueRecord }
  | { readonly kind: "keep" }
  | { readonly kind: "malformed"; readonly problem: string };

/** What a sweep knows about one (category, jurisdiction), computed once. */
export interface SweepRule {
  /** The due record without its id. */
  readonly due: Omit<DueRecord, "id">;
  /** `JSON.stringify` of a due record with this rule, less its opening `{"id":…`. */
  readonly jsonTail: string;
  readonly collection: boolean;
  readonly cutoffMs: number;
  readonly counts: CategoryCounts;
}

/** A record kept: under a legal hold, with an open relationship or not yet expired. */
export const KEEP = null;

// `undefined` when absent, the time in ms, or the refusal.
const optionalDate = (value: unknown, field: string): number | undefined | string => {
  if (value === undefined || value === null || value === "") return undefined;
  const ms = typeof value === "string" ? parseDateMs(value) : Number.NaN;
  return !Number.isNaN(ms) ? ms : `${field} must be an ISO 8601 date, got ${JSON.stringify(value)}`;
};

/**
 * Decides records against cutoffs computed once per (category, jurisdiction): a record is due
 * exactly when its anchor date is before the cutoff, which is `retentionFor`'s `expired`.
 */
export function createSweeper(kit: PolicyKit, now: Date) {
  const counts = new Map<string, CategoryCounts>();
  const jurisdictions: readonly string[] = kit.policy.jurisdictions;
  const fallback = jurisdictions[0];
  const categories = Object.keys(kit.policy.retention);
  // Per category, per jurisdiction: the rule, or why the pair has none.
  const rules = new Map<string, Map<string, SweepRule | string>>(
    categories.map((category) => [category, new Map()]),
  );
  const countsFor = (category: string) => {
    let c = counts.get(category);
    if (!c) {
      c = { scanned: 0, expired: 0, kept: 0, legalHold: 0, relationshipOpen: 0 };
      counts.set(category, c);
    }
    return c;
  };
  const ruleFor = (category: string, jurisdiction: string): SweepRule | string => {
    const byJurisdiction = rules.get(category) as Map<string, SweepRule | string>;
    let rule = byJurisdiction.get(jurisdiction);
    if (rule === undefined) {
      const cutoff = kit.retentionCutoff(category, { jurisdiction, now });
      if (!cutoff.cutoff || !cutoff.rule || !cutoff.anchor) {
        rule = cutoff.reasons[0]?.message ?? "no retention rule";
      } else {
        const due = {
          category,
          jurisdiction,
          anchor: cutoff.anchor,
          rule: retentionText(cutoff.rule),
          law: cutoff.rule.law,
          section: cutoff.rule.section,
        };
        rule = {
          due,
          jsonTail: `,${JSON.stringify(due).slice(1)}`,
          collection: cutoff.anchor === "collection",
          cutoffMs: cutoff.cutoff.getTime(),
          counts: countsFor(category),
        };
      }
      byJurisdiction.set(jurisdiction, rule);
    }
    return rule;
  };

  /**
   * Decides one record from its fields: the rule that makes it due, {@link KEEP}, or the
   * refusal. `jurisdiction` is looked at only when `hasJurisdiction`; an absent one takes the
   * policy's first.
   */
  const decideFields = (
    id: unknown,
    category: unknown,
    collected: unknown,
    ended: unknown,
    hold: unknown,
    hasJurisdiction: boolean,
    jurisdiction: unknown,
  ): SweepRule | typeof KEEP | string => {
    if (id === undefined || id === "") return "id is missing";
    // An id is printed exactly as read; a number that is not a safe integer would print changed.
    if (
      !(typeof id === "string" && !LONE_SURROGATE.test(id)) &&
      !(typeof id === "number" && Number.isSafeInteger(id))
    ) {
      return `id must be a string or an integer, got ${JSON.stringify(id) ?? String(id)}`;
    }
    const byJurisdiction = typeof category === "string" ? rules.get(category) : undefined;
    if (byJurisdiction === undefined) {
      return `category must be one of ${categories.join(", ")}, got ${JSON.stringify(category ?? null)}`;
    }
    // Only an absent jurisdiction takes the default; null or "" would hide an EEA record.
    const j = hasJurisdiction ? jurisdiction : fallback;
    if (typeof j !== "string" || !jurisdictions.includes(j)) {
      return `jurisdiction must be one of ${jurisdictions.join(", ")}, got ${JSON.stringify(j) ?? String(j)}`;
    }
    const collectedAt = optionalDate(collected, "collectedAt");
    if (collectedAt === undefined) return "collectedAt is missing";
    if (typeof collectedAt === "string") return collectedAt;
    const endedAt = optionalDate(ended, "relationshipEndedAt");
    if (typeof endedAt === "string") return endedAt;
    let legalHold: boolean;
    // null is refused rather than read as "no hold": a held record must never come out due.
    if (hold === undefined || hold === false || hold === "false") legalHold = false;
    else if (hold === true || hold === "true") legalHold = true;
    else return `legalHold must be true or false, got ${JSON.stringify(hold) ?? String(hold)}`;

    const rule = byJurisdiction.get(j) ?? ruleFor(category as string, j);
    if (typeof rule === "string") return rule;
    const c = rule.counts;
    c.scanned++;
    // INVARIANT: a legal hold and an open relationship never expire, as in `retentionFor`.
    if (legalHold) {
      c.legalHold++;
      return KEEP;
    }
    const anchor = rule.collection ? collectedAt : endedAt;
    if (anchor === undefined) {
      c.relationshipOpen++;
      return KEEP;
    }
    if (anchor >= rule.cutoffMs) {
      c.kept++;
      return KEEP;
    }
    c.expired++;
    return rule;
  };

  /** {@link decideFields} for a record read as an object; any other field refuses it. */
  const decideRecord = (raw: RawRecord): SweepRule | typeof KEEP | string => {
    // A misspelt `legal_hold` must not pass for an absent hold.
    for (const key in raw) {
      if (!KNOWN_FIELDS.has(key)) {
        return `unknown field ${JSON.stringify(key)}; the fields are ${RECORD_FIELDS.join(", ")}`;
      }
    }
    return decideFields(
      raw.id,
      raw.category,
      raw.collectedAt,
      raw.relationshipEndedAt,
      raw.legalHold,
      Object.hasOwn(raw, "jurisdiction"),
      raw.jurisdiction,
    );
  };

  /** The outcome for one record, with the due record spelt out. */
  const decide = (raw: RawRecord): SweepOutcome => {
    const outcome = decideRecord(raw);
    if (outcome === KEEP) return { kind: "keep" };
    if (typeof outcome === "string") return { kind: "malformed", problem: outcome };
    return { kind: "due", record: { id: String(raw.id), ...outcome.due } };
  };

  return { decide, decideRecord, decideFields, counts };
}
