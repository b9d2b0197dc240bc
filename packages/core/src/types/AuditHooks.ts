import type { DecisionEvent } from "./Guards";

/**
 * The audit hooks every guard factory takes. A hook never changes or breaks a decision: the
 * guard decides first, calls `onDecision` once with the event, and returns the same decision
 * whatever the hook does.
 *
 * @category Guards
 * @example
 * const { canUse } = createGuards(policy, {
 *   onDecision: (event) => audit.write(event),
 *   onHookError: (error, event) => logger.error({ error, event }, "audit write failed"),
 * });
 */
export interface AuditHooks {
  /**
   * Called once with every decision, for an audit trail. The event holds ids, the outcome and the
   * policy version, never a value from the context. It may return a promise.
   */
  readonly onDecision?: ((event: DecisionEvent) => unknown) | undefined;
  /**
   * Called when `onDecision` throws or its promise rejects, with the error and the event that was
   * not recorded. Without it, the failure is written with `console.error`: synchronously, so it
   * can never become an uncaught exception or an unhandled rejection that stops the process.
   * An error thrown here is dropped, for the same reason.
   */
  readonly onHookError?: ((error: unknown, event: DecisionEvent) => void) | undefined;
}
