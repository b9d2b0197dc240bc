import type { Decision } from "./decision";
import { questionText } from "./internal/questionText";

/**
 * Thrown by `assertCanUse` and `assertCanShare` when the policy refuses. It carries the
 * decision, so a handler can log its reasons or turn them into a response.
 *
 * @example
 * try { assertCanUse("marketing", "account") } catch (e) {
 *   if (e instanceof PolicyViolationError) log(e.decision.reasons);
 * }
 */
export class PolicyViolationError extends Error {
  override readonly name = "PolicyViolationError";
  readonly decision: Decision;

  constructor(decision: Decision) {
    const question =
      decision.kind === "use"
        ? questionText("use", decision.purpose, decision.category)
        : questionText("share", decision.recipient, decision.category);
    const why = decision.reasons.map((r) => `${r.message} (${r.section})`).join("; ");
    super(
      `The policy ${decision.policy.id}@${decision.policy.version} forbids ${question}: ${why}`,
    );
    this.decision = decision;
  }
}
