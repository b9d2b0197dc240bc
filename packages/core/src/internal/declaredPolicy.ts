import type { PolicyDeclaration } from "../declaration";
import type { CheckReferences } from "../types/CheckReferences";
import type { Policy } from "../types/Policy";
import { deepFreeze } from "./deepFreeze";
import { markValidated } from "./validatedPolicies";

/**
 * `definePolicy` for a declaration a package ships and validates in its own tests: the same
 * compile-time checks and deep freeze, without validating again at every import. A declaration
 * users write goes through `definePolicy`.
 */
export function declaredPolicy<const D extends PolicyDeclaration>(
  declaration: D & CheckReferences<D>,
): Policy<D> {
  return markValidated(deepFreeze(declaration));
}
