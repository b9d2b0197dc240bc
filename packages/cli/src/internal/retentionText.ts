import type { RetentionRuleDeclaration } from "@trunkiq/policy-core";
import { formatPeriod } from "@trunkiq/policy-core/engine";

/** A retention rule for people: `"5 years from the end of the relationship"`. */
export function retentionText(rule: Pick<RetentionRuleDeclaration, "period" | "anchor">): string {
  const anchor = rule.anchor === "collection" ? "collection" : "the end of the relationship";
  const kept = Object.values(rule.period).some((n) => n !== 0 && n !== undefined);
  // The same wording as the guards' own reasons and errors.
  return kept ? `${formatPeriod(rule.period)} from ${anchor}` : `not kept after ${anchor}`;
}
