import type { Decision, Guards, PolicyDeclaration, RetentionCutoff } from "@trunkiq/policy-core";

/**
 * The guards as this package calls them, with ids known only at runtime. The typed faces of
 * the public functions keep callers to declared ids; the guards still answer anything with a
 * decision that fails closed.
 */
export interface LooseGuards {
  readonly policy: PolicyDeclaration;
  canUse(purpose: string, category: string, context?: object): Decision;
  retentionCutoff(
    category: string,
    context: { readonly now: Date; readonly jurisdiction: string },
  ): RetentionCutoff;
}

export const loose = <D extends PolicyDeclaration>(guards: Guards<D>): LooseGuards =>
  guards as unknown as LooseGuards;
