import type { RetentionAnchor, RetentionCutoff } from "@trunkiq/policy-core";
import type { PolicyKit } from "../PolicyKit";
import { parseDate } from "./dates";
import { retentionText } from "./retentionText";

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
    const { id, category, jurisdiction = fallback } = raw;
    if ((typeof id !== "string" || id === "") && typeof id !== "number") {
      return { kind: "malformed", problem: "id is missing" };
    }
    if (typeof category !== "string" || !Object.hasOwn(kit.policy.retention, category)) {
      return {
        kind: "malformed",
        problem: `category must be one of ${Object.keys(kit.policy.retention).join(", ")}, got ${JSON.stringify(category ?? null)}`,
      };
    }
    const j = jurisdiction === "" || jurisdiction === null ? fallback : jurisdiction;
    if (typeof j !== "string" || !kit.policy.jurisdictions.includes(j)) {
      return {
        kind: "malformed",
        problem: `jurisdiction must be one of ${kit.policy.jurisdictions.join(", ")}, got ${JSON.stringify(j)}`,
      };
    }
    const collectedAt = optionalDate(raw.collectedAt, "collectedAt");
    if (collectedAt === undefined) return { kind: "malformed", problem: "collectedAt is missing" };
    if (typeof collectedAt === "string") return { kind: "malformed", problem: collectedAt };
    const endedAt = optionalDate(raw.relationshipEndedAt, "relationshipEndedAt");
    if (typeof endedAt === "string") return { kind: "malformed", problem: endedAt };
    const hold = raw.legalHold;
    let legalHold: boolean;
    if (hold === undefined || hold === null || hold === "" || hold === false || hold === "false")
      legalHold = false;
    else if (hold === true || hold === "true") legalHold = true;
    else
      return {
        kind: "malformed",
        problem: `legalHold must be true or false, got ${JSON.stringify(hold)}`,
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
