import {
  createGuards,
  type Policy,
  type RetentionCutoff,
  type RetentionDecision,
  type ShareDecision,
  type UseDecision,
} from "@trunkiq/policy-core";
import { type AnyDecision, explain, type RightDecision } from "@trunkiq/policy-law";

/** What the commands need beyond the declaration itself. */
export interface RecordDetails {
  /** The path of the legal text the declaration encodes, when the policy package ships it. */
  readonly policyText?: string;
  /** Sections of the policy text that state no rule, so no declaration needs to cite them. */
  readonly nonNormativeSections?: readonly string[];
}

/**
 * Everything a command needs: the declaration and the guards compiled from it.
 * Commands read only this, so the CLI works for any policy written with `definePolicy`.
 */
export interface PolicyKit {
  readonly policy: Policy;
  readonly details: RecordDetails;
  readonly canUse: (purpose: string, category: string, context?: object) => UseDecision;
  readonly canShare: (category: string, recipient: string, context?: object) => ShareDecision;
  readonly retentionFor: (category: string, context: object) => RetentionDecision;
  readonly retentionCutoff: (category: string, context: object) => RetentionCutoff;
  /** Renders any decision a command prints: the law package's `explain`, which takes every kind. */
  readonly explain: (decision: AnyDecision) => string;
  /** The §9-style rights guard, when the policy package provides one. */
  readonly canExercise?: (right: string, category: string, context?: object) => RightDecision;
}

/**
 * Builds a {@link PolicyKit} from any declaration by compiling its guards.
 *
 * @category Wiring
 * @example
 * const kit = createPolicyKit(examplePolicy, { nonNormativeSections: ["§1"] });
 * kit.canUse("newsletter", "email", { consent: true }).allowed; // true
 */
export function createPolicyKit(policy: Policy, details: RecordDetails): PolicyKit {
  const guards = createGuards(policy) as unknown as Omit<
    PolicyKit,
    "policy" | "details" | "explain"
  >;
  return {
    policy,
    details,
    canUse: guards.canUse,
    canShare: guards.canShare,
    retentionFor: guards.retentionFor,
    retentionCutoff: guards.retentionCutoff,
    explain,
  };
}
