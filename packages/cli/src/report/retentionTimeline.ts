import type { RetentionAnchor, RetentionPeriod } from "@trunkiq/policy-core";
import { addPeriod } from "@trunkiq/policy-core/engine";
import { retentionText } from "../internal/retentionText";
import type { PolicyKit } from "../PolicyKit";

/** How long one category is kept in one jurisdiction, as the guards apply it. */
export interface RetentionBar {
  readonly category: string;
  readonly jurisdiction: string;
  readonly anchor: RetentionAnchor;
  /** `"5 years from the end of the relationship"`. */
  readonly kept: string;
  /** Days from an anchor on the policy's date to the deletion date; 0 for "not kept". */
  readonly days: number;
  /** The declared limits, in the same days, where declared. */
  readonly minimum: { readonly text: string; readonly days: number } | null;
  readonly maximum: { readonly text: string; readonly days: number } | null;
  readonly basis: string;
  readonly law: string;
  readonly section: string;
  /** The sentence of the policy the declared rule encodes. */
  readonly text: string;
}

const DAY_MS = 86_400_000;

/**
 * Every category's retention in every jurisdiction, the rule as `retentionCutoff` applies it
 * (a deployment's configured schedule included), measured in days from an anchor on the
 * policy's date so that bars of months and years compare on one calendar.
 *
 * @example
 * retentionTimeline(kit).find((b) => b.category === "call-detail-record")?.kept; // "18 months from collection"
 */
export function retentionTimeline(kit: PolicyKit): RetentionBar[] {
  const { policy } = kit;
  const reference = new Date(`${policy.version}T00:00:00Z`);
  const start = Number.isNaN(reference.getTime()) ? new Date(0) : reference;
  const days = (period: RetentionPeriod) =>
    Math.round((addPeriod(start, period).getTime() - start.getTime()) / DAY_MS);
  const bars: RetentionBar[] = [];
  for (const category of Object.keys(policy.categories)) {
    for (const jurisdiction of policy.jurisdictions) {
      const declared = policy.retention[category]?.[jurisdiction];
      const { rule } = kit.retentionCutoff(category, { now: start, jurisdiction });
      if (!rule || !declared) continue;
      const limit = (period: RetentionPeriod | undefined) =>
        period
          ? { text: retentionText({ period, anchor: rule.anchor }), days: days(period) }
          : null;
      bars.push({
        category,
        jurisdiction,
        anchor: rule.anchor,
        kept: retentionText(rule),
        days: days(rule.period),
        minimum: limit(declared.minimum),
        maximum: limit(declared.maximum),
        basis: rule.basis,
        law: rule.law,
        section: rule.section,
        text: declared.text,
      });
    }
  }
  return bars;
}
