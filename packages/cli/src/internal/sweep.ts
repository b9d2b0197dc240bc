import type { RetentionAnchor, RetentionCutoff } from "@trunkiq/policy-core";
import type { PolicyKit } from "../PolicyKit";
import { parseDate } from "./dates";
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

const optionalDate = (value: unknown, field: string): Date | undefined | string => {
  if (value === undefined || value === null || value === "") return undefined;
  const date = typeof value === "string" ? parseDate(value) : undefined;
  return date ?? `${field} must be an ISO 8601 date, got ${JSON.stringify(value)}`;
};

/**
 * Decides records against cutoffs computed once per (category, jurisdiction): a record is due
 * exactly when its anchor date is before the cutoff, which is `retentionFor`'s `expired`.
 */
export function createSweeper(kit: PolicyKit, now: Date) {
  const cutoffs = new Map<string, { cutoff: RetentionCutoff; rule: string }>();
  const counts = new Map<string, CategoryCounts>();
  const fallback = kit.policy.jurisdictions[0];
  const cutoffFor = (category: string, jurisdiction: string) => {
    const key = `${category}\u0000${jurisdiction}`;
    let entry = cutoffs.get(key);
    if (!entry) {
      const cutoff = kit.retentionCutoff(category, { jurisdiction, now });
      entry = { cutoff, rule: cutoff.rule ? retentionText(cutoff.rule) : "" };
      cutoffs.set(key, entry);
    }
    return entry;
  };
  const countsFor = (category: string) => {
    let c = counts.get(category);
    if (!c) {
      c = { scanned: 0, expired: 0, kept: 0, legalHold: 0, relationshipOpen: 0 };
      counts.set(category, c);
    }
    return c;
  };

  const decide = (raw: RawRecord): SweepOutcome => {
    // A misspelt `legal_hold` must not pass for an absent hold.
    const unknown = Object.keys(raw).find((key) => !KNOWN_FIELDS.has(key));
    if (unknown !== undefined) {
      return {
        kind: "malformed",
        problem: `unknown field ${JSON.stringify(unknown)}; the fields are ${RECORD_FIELDS.join(", ")}`,
      };
    }
    const { id, category } = raw;
    if (id === undefined || id === "") return { kind: "malformed", problem: "id is missing" };
    // An id is printed exactly as read; a number that is not a safe integer would print changed.
    if (
      !(typeof id === "string" && !LONE_SURROGATE.test(id)) &&
      !(typeof id === "number" && Number.isSafeInteger(id))
    ) {
      return {
        kind: "malformed",
        problem: `id must be a string or an integer, got ${JSON.stringify(id) ?? String(id)}`,
      };
    }
    if (typeof category !== "string" || !Object.hasOwn(kit.policy.retention, category)) {
      return {
        kind: "malformed",
        problem: `category must be one of ${Object.keys(kit.policy.retention).join(", ")}, got ${JSON.stringify(category ?? null)}`,
      };
    }
    // Only an absent jurisdiction takes the default; null or "" would hide an EEA record.
    const j = Object.hasOwn(raw, "jurisdiction") ? raw.jurisdiction : fallback;
    if (typeof j !== "string" || !kit.policy.jurisdictions.includes(j)) {
      return {
        kind: "malformed",
        problem: `jurisdiction must be one of ${kit.policy.jurisdictions.join(", ")}, got ${JSON.stringify(j) ?? String(j)}`,
      };
    }
    const collectedAt = optionalDate(raw.collectedAt, "collectedAt");
    if (collectedAt === undefined) return { kind: "malformed", problem: "collectedAt is missing" };
    if (typeof collectedAt === "string") return { kind: "malformed", problem: collectedAt };
    const endedAt = optionalDate(raw.relationshipEndedAt, "relationshipEndedAt");
    if (typeof endedAt === "string") return { kind: "malformed", problem: endedAt };
    const hold = raw.legalHold;
    let legalHold: boolean;
    // null is refused rather than read as "no hold": a held record must never come out due.
    if (hold === undefined || hold === false || hold === "false") legalHold = false;
    else if (hold === true || hold === "true") legalHold = true;
    else
      return {
        kind: "malformed",
        problem: `legalHold must be true or false, got ${JSON.stringify(hold) ?? String(hold)}`,
      };

    const { cutoff, rule } = cutoffFor(category, j);
    if (!cutoff.cutoff || !cutoff.rule || !cutoff.anchor) {
      return { kind: "malformed", problem: cutoff.reasons[0]?.message ?? "no retention rule" };
    }
    const c = countsFor(category);
    c.scanned++;
    // INVARIANT: a legal hold and an open relationship never expire, as in `retentionFor`.
    if (legalHold) {
      c.legalHold++;
      return { kind: "keep" };
    }
    const anchor = cutoff.anchor === "collection" ? collectedAt : endedAt;
    if (!anchor) {
      c.relationshipOpen++;
      return { kind: "keep" };
    }
    if (anchor.getTime() >= cutoff.cutoff.getTime()) {
      c.kept++;
      return { kind: "keep" };
    }
    c.expired++;
    return {
      kind: "due",
      record: {
        id: String(id),
        category,
        jurisdiction: j,
        anchor: cutoff.anchor,
        rule,
        law: cutoff.rule.law,
        section: cutoff.rule.section,
      },
    };
  };

  return { decide, counts };
}
