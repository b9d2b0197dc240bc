import type { Decision } from "@trunkiq/policy-core";
import { DecisionAssertionError } from "./DecisionAssertionError";
import { formatDecision } from "./formatDecision";

/**
 * Asserts that a guard allowed a request, and narrows the decision to its allowed form. On
 * failure it throws a {@link DecisionAssertionError} whose message lists every reason of the
 * denial with the policy section it cites, instead of `expected false to be true`.
 *
 * @category Asserting
 * @example
 * const decision = canUse("marketing", "account", { consent: true });
 * expectAllowed(decision);
 * decision.basis; // "consent", typed as allowed
 */
export function expectAllowed<D extends Decision>(
  decision: D,
): asserts decision is Extract<D, { readonly allowed: true }> {
  if (decision?.allowed === true) return;
  throw new DecisionAssertionError(
    `expected the request to be allowed, but it was not:\n${formatDecision(decision)}`,
    decision,
  );
}
