/**
 * Thrown by the assertion helpers. The message renders the decision with every reason and the
 * policy section it cites; `decision` keeps the original for a debugger or a custom reporter.
 *
 * @category Asserting
 * @example
 * try { expectAllowed(decision); } catch (e) {
 *   if (e instanceof DecisionAssertionError) console.error(e.decision.reasons);
 * }
 */
export class DecisionAssertionError extends Error {
  override readonly name = "DecisionAssertionError";
  readonly decision: unknown;

  constructor(message: string, decision: unknown) {
    super(message);
    this.decision = decision;
  }
}
