import type { PolicyDeclaration } from "../declaration";
import type { Policy } from "../types/Policy";

// One registry per process, shared by the ESM and CommonJS builds of this package, so a policy
// defined through one is recognised by the other. Weak, so a registered policy can be collected.
const key = Symbol.for("@trunkiq/policy-core/validated-policies");
const store = globalThis as { [key]?: WeakSet<object> };
store[key] ??= new WeakSet();
const validated: WeakSet<object> = store[key];

/** Records a declaration `definePolicy` (or `declaredPolicy`) has checked and frozen. */
export function markValidated<D extends PolicyDeclaration>(policy: D): Policy<D> {
  validated.add(policy);
  return policy as Policy<D>;
}

/** Whether a value is a policy `definePolicy` made; never throws. */
export function isValidatedPolicy(value: unknown): boolean {
  return typeof value === "object" && value !== null && validated.has(value);
}
