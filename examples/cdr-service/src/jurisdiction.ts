import { type Jurisdiction, policy } from "@trunkiq/privacy-policy";

const declared: ReadonlySet<string> = new Set(policy.jurisdictions);

/**
 * A stored jurisdiction as the policy knows it, or `undefined` for one it does not declare (or
 * none): a guard asked without one refuses where the answer depends on it, failing closed.
 */
export function declaredJurisdiction(value: string | null | undefined): Jurisdiction | undefined {
  return typeof value === "string" && declared.has(value) ? (value as Jurisdiction) : undefined;
}
