import type { RetentionRuleDeclaration } from "@trunkiq/policy-core";
import { formatDuration } from "date-fns";

/** A retention rule for people: `"5 years from the end of the relationship"`. */
export function retentionText(rule: Pick<RetentionRuleDeclaration, "period" | "anchor">): string {
  const period = formatDuration(rule.period, { zero: false }) || "0 days";
  return `${period} from ${rule.anchor === "collection" ? "collection" : "the end of the relationship"}`;
}
