import type { PolicyDeclaration, RetentionRuleDeclaration } from "@trunkiq/policy-core";
import { calendarPeriod } from "@trunkiq/policy-core/engine";
import { basisKind } from "./gdprRights";

/**
 * Why a retention rule keeps data that a data subject asked to erase (GDPR Art. 17(3)):
 * - `legal-obligation`: the rule rests on a legal obligation, so the whole period binds (17(3)(b));
 * - `legal-claims`: the declaration keeps the data for legal claims (`keptForLegalClaims`), so
 *   the whole period binds (17(3)(e));
 * - `legal-minimum`: the rule rests on another basis but cites a law that keeps the data for a
 *   `minimum`, so that minimum binds as a legal obligation (17(3)(b)) and the rest of the period
 *   yields to the request.
 */
export type ErasureExemption = "legal-obligation" | "legal-claims" | "legal-minimum";

/**
 * `true` for an exemption that is a legal duty (Art. 17(3)(b)), which even a child's data does
 * not escape; keeping for legal claims is a choice of the controller, not a duty.
 *
 * @category Rights
 * @example
 * isLegalDuty(erasureExemption(policy, policy.retention.account.us)); // true: 47 CFR 42.6
 */
export function isLegalDuty(exemption: ErasureExemption | null): boolean {
  return exemption === "legal-obligation" || exemption === "legal-minimum";
}

/**
 * The ground on which a retention rule keeps data against a request to erase it, or `null` when
 * erasure wins. One reading for every engine that plans erasure: the rights guards and the
 * planners built on them.
 *
 * @category Rights
 * @example
 * // US account data: 6 years on legitimate interest, 18 months of them under 47 CFR 42.6.
 * erasureExemption(policy, policy.retention.account.us); // "legal-minimum"
 * erasureExemption(policy, policy.retention["call-detail-record"].us); // "legal-obligation"
 */
export function erasureExemption(
  policy: PolicyDeclaration,
  rule: RetentionRuleDeclaration,
): ErasureExemption | null {
  if (basisKind(policy, rule.basis) === "legal-obligation") return "legal-obligation";
  if (rule.keptForLegalClaims === true) return "legal-claims";
  const minimum = rule.minimum === undefined ? undefined : calendarPeriod(rule.minimum);
  if (minimum !== undefined && (minimum.months > 0 || minimum.days > 0)) return "legal-minimum";
  return null;
}
