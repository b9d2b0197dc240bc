import type { RetentionRuleDeclaration } from "@trunkiq/policy-core";
import { formatDuration } from "date-fns/formatDuration";

/** A retention rule for people: `"5 years from the end of the relationship"`. */
export function retentionText(rule: Pick<RetentionRuleDeclaration, "period" | "anchor">): string {
  const anchor = rule.anchor === "collection" ? "collection" : "the end of the relationship";
  const period = formatDuration(rule.period, { zero: false });
  return period ? `${period} from ${anchor}` : `not kept after ${anchor}`;
}
