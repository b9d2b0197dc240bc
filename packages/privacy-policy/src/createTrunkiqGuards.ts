import {
  type AuditHooks,
  createGuards,
  type Guards,
  type RetentionSchedule,
} from "@trunkiq/policy-core";
import type { CheckSchedule } from "@trunkiq/policy-core/types";
import {
  type AgeGate,
  type ConsentGuard,
  createAgeGate,
  createConsentGuard,
  createRightsGuards,
  createTransferGuard,
  type RightsGuards,
  type TransferGuard,
} from "@trunkiq/policy-law";
import { ageRule, type ChildDataDiscovery, type ChildDataPlan, childDataPlanner } from "./children";
import type { Category, Purpose } from "./ids";
import { policy } from "./policy";
import { rightsOptions } from "./rights";
import { type TransferMechanism, transferLaw } from "./transferLaw";

/** What {@link createTrunkiqGuards} takes: audit hooks and, optionally, a deployment's retention periods. */
export interface TrunkiqGuardOptions<S extends RetentionSchedule = RetentionSchedule>
  extends AuditHooks {
  /**
   * A deployment's own retention periods, checked against the legal limits as in
   * `withRetention`; the rights guards say "keep until" from the same schedule the purge uses.
   */
  readonly retention?: S & CheckSchedule<typeof policy, S>;
}

/** Every guard of the TrunkIQ policy, built with one set of options. */
export interface TrunkiqGuards
  extends Guards<typeof policy>,
    AgeGate,
    TransferGuard<Category, TransferMechanism> {
  readonly canExercise: RightsGuards<typeof policy>["canExercise"];
  readonly planRequest: RightsGuards<typeof policy>["planRequest"];
  readonly consentAt: ConsentGuard<Purpose>["consentAt"];
  /**
   * The §10 plan when data turns out to be a child's, dated from these guards' retention
   * schedule; one `request-plan` event (right `erasure`) per plan.
   */
  readonly planChildDataDiscovery: (discovery: ChildDataDiscovery) => ChildDataPlan;
}

/**
 * Builds every guard of the TrunkIQ policy (use, share, retention, rights, age, consent, transfers,
 * the child-data plan) with
 * one audit trail: `onDecision` receives exactly one event per decision of any of them, and a
 * hook that throws or rejects is reported to `onHookError` without changing the decision. The
 * package's ready-made guards (`canUse`, `canExercise`, …) are these built without hooks.
 *
 * @category Guards
 * @example
 * const { canUse, canExercise, canTransfer } = createTrunkiqGuards({
 *   onDecision: (event) => audit.write(event),
 *   onHookError: (error) => log.error({ error }, "audit write failed"),
 * });
 * createTrunkiqGuards({ retention: { "call-detail-record": { us: { months: 24 } } } });
 */
export function createTrunkiqGuards<const S extends RetentionSchedule = Record<never, never>>(
  options: TrunkiqGuardOptions<S> = {},
): TrunkiqGuards {
  const hooks: AuditHooks = { onDecision: options.onDecision, onHookError: options.onHookError };
  // The schedule has passed its compile-time check; each engine checks it again at runtime.
  const retention = (options.retention ?? {}) as RetentionSchedule;
  const guards = createGuards(policy, { ...hooks, retention });
  const rights = createRightsGuards(policy, { ...rightsOptions, ...hooks, retention });
  const transfer: TransferGuard<Category, TransferMechanism> = createTransferGuard(
    policy,
    transferLaw,
    hooks,
  );
  return Object.freeze({
    ...guards,
    canExercise: rights.canExercise,
    planRequest: rights.planRequest,
    canCollect: createAgeGate(policy, ageRule, hooks).canCollect,
    canTransfer: transfer.canTransfer,
    consentAt: createConsentGuard(policy, hooks).consentAt,
    // The plan is one decision: the rights questions inside it emit nothing of their own.
    planChildDataDiscovery: childDataPlanner(
      createRightsGuards(policy, { ...rightsOptions, retention }),
      hooks,
    ),
  });
}
