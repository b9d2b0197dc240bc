import type { AuditHooks } from "../types/AuditHooks";
import type { DecisionEvent } from "../types/Guards";

/** Reports a hook's failure through `onHookError`, else `console.error`; never throws. */
function reporter(onHookError: AuditHooks["onHookError"]) {
  return (error: unknown, event: DecisionEvent): void => {
    try {
      if (typeof onHookError === "function") onHookError(error, event);
      else globalThis.console?.error?.("onDecision failed; the decision stands:", error, event);
    } catch {
      // Nothing is left to tell: reporting must not turn into a throw from a guard.
    }
  };
}

/**
 * An emitter for a guard's decisions: it calls `onDecision` with a frozen event and keeps every
 * failure of the hook, thrown or rejected, away from the caller. `undefined` without a hook, so a
 * guard builds no event.
 */
export function auditEmitter(
  hooks: AuditHooks | undefined,
): ((event: DecisionEvent) => void) | undefined {
  const onDecision = hooks?.onDecision;
  if (typeof onDecision !== "function") return undefined;
  const report = reporter(hooks?.onHookError);
  return (event) => {
    const frozen = Object.freeze(event);
    try {
      const returned: unknown = onDecision(frozen);
      // A rejected promise left alone is an unhandled rejection, which stops a Node process.
      if (returned !== null && (typeof returned === "object" || typeof returned === "function")) {
        const then = (returned as { then?: unknown }).then;
        if (typeof then === "function") {
          Reflect.apply(then, returned, [undefined, (error: unknown) => report(error, frozen)]);
        }
      }
    } catch (error) {
      report(error, frozen);
    }
  };
}
