import {
  createGuards,
  explain,
  type PolicyDeclaration,
  type RetentionCutoff,
  type RetentionDecision,
  type RightDecision,
  type ShareDecision,
  type UseDecision,
} from "@trunkiq/policy-core";

/** The controller named in the record of processing (GDPR Art. 30(1)(a)). */
export interface Controller {
  readonly name: string;
  readonly address: readonly string[];
}

/** A part of the record of processing the declaration has no field for, with its citation. */
export interface RecordNote {
  readonly section: string;
  readonly text: string;
  readonly items: readonly string[];
}

/** What the record of processing needs beyond the declaration itself. */
export interface RecordDetails {
  readonly controller: Controller;
  /** Transfers to third countries and their safeguards (Art. 30(1)(e)). */
  readonly transfers?: RecordNote;
  /** Technical and organisational security measures (Art. 30(1)(g)). */
  readonly security?: RecordNote;
  /** Sections of the policy text that state no rule, so no declaration needs to cite them. */
  readonly nonNormativeSections?: readonly string[];
}

/**
 * Everything a command needs: the declaration, guards compiled from it and the controller.
 * Commands read only this, so the CLI works for any policy written with `definePolicy`.
 */
export interface PolicyKit {
  readonly policy: PolicyDeclaration;
  readonly details: RecordDetails;
  readonly canUse: (purpose: string, category: string, context?: object) => UseDecision;
  readonly canShare: (category: string, recipient: string, context?: object) => ShareDecision;
  readonly retentionFor: (category: string, context: object) => RetentionDecision;
  readonly retentionCutoff: (category: string, context: object) => RetentionCutoff;
  readonly explain: (decision: UseDecision | ShareDecision | RetentionDecision) => string;
  /** The §9-style rights guard, when the policy package provides one. */
  readonly canExercise?: (right: string, category: string, context?: object) => RightDecision;
}

/**
 * Builds a {@link PolicyKit} from any declaration by compiling its guards.
 *
 * @category Wiring
 * @example
 * const kit = policyKit(examplePolicy, { controller: { name: "Example Shop", address: ["1 Main St"] } });
 * kit.canUse("newsletter", "email", { consent: true }).allowed; // true
 */
export function policyKit(policy: PolicyDeclaration, details: RecordDetails): PolicyKit {
  const guards = createGuards(policy as PolicyDeclaration) as unknown as Omit<
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
