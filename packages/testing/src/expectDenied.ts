import type { Decision, ReasonCode } from "@trunkiq/policy-core";
import { DecisionAssertionError } from "./DecisionAssertionError";
import { formatDecision } from "./formatDecision";

/**
 * Asserts that a guard denied a request and, when `code` is given, that one of its reasons has
 * that code (`"prohibited"`, `"condition-unmet"`, `"invalid-input"`, …). On failure it throws a
 * {@link DecisionAssertionError} that shows the whole decision with its sections.
 *
 * @category Asserting
 * @example
 * expectDenied(canShare("account", "data-broker"), "prohibited");
 * expectDenied(canUse("marketing", "account")); // any reason
 */
export function expectDenied<D extends Decision>(
  decision: D,
  code?: ReasonCode,
): asserts decision is Extract<D, { readonly allowed: false }> {
  if (decision?.allowed !== false) {
    throw new DecisionAssertionError(
      `expected the request to be denied, but it was not:\n${formatDecision(decision)}`,
      decision,
    );
  }
  if (code !== undefined && !decision.reasons.some((r) => r.code === code)) {
    throw new DecisionAssertionError(
      `expected a denial with reason "${code}", but the reasons were:\n${formatDecision(decision)}`,
      decision,
    );
  }
}
