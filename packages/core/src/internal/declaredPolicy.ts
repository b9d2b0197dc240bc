import type { PolicyDeclaration } from "../declaration";
import type { Policy } from "../definePolicy";
import type { CheckReferences } from "../types/CheckReferences";
import { deepFreeze } from "./deepFreeze";

/**
 * `definePolicy` for a declaration a package ships and validates in its own tests: the same
 * compile-time checks and deep freeze, without validating again at every import. A declaration
 * users write goes through `definePolicy`.
 */
export function declaredPolicy<const D extends PolicyDeclaration>(
  declaration: D & CheckReferences<D>,
): Policy<D> {
  return deepFreeze(declaration);
}
