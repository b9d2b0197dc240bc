export {
  type AllowedShareDecision,
  type AllowedUseDecision,
  Bound,
  Cleared,
  type DecisionEvent,
  type DeniedShareDecision,
  type DeniedUseDecision,
  PolicyDefinitionError,
  PolicyViolationError,
  type Reason,
  type RetentionCutoff,
  type RetentionDecision,
  type RetentionSchedule,
  type ShareDecision,
  type UseDecision,
} from "@trunkiq/policy-core";
export {
  createTrunkiqGuards,
  type TrunkiqGuardOptions,
  type TrunkiqGuards,
} from "./createTrunkiqGuards";
export type {
  Basis,
  Category,
  Decision,
  Jurisdiction,
  Purpose,
  Recipient,
  Right,
} from "./ids";
export { policy, type TrunkiqPolicy } from "./policy";
export { withRetention } from "./withRetention";

import type { Guards } from "@trunkiq/policy-core";
import { guards } from "./guards";
import type { TrunkiqPolicy } from "./policy";

type PolicyGuards = Guards<TrunkiqPolicy>;

/** May `purpose` use `category`? Literal pairs the policy never permits do not compile. */
export const canUse: PolicyGuards["canUse"] = guards.canUse;
/** May `category` be disclosed to `recipient`? */
export const canShare: PolicyGuards["canShare"] = guards.canShare;
/** Like `canUse`, throwing `PolicyViolationError` when denied. */
export const assertCanUse: PolicyGuards["assertCanUse"] = guards.assertCanUse;
/** Like `canShare`, throwing `PolicyViolationError` when denied. */
export const assertCanShare: PolicyGuards["assertCanShare"] = guards.assertCanShare;
/** When is a record due for deletion (§7)? */
export const retentionFor: PolicyGuards["retentionFor"] = guards.retentionFor;
/** The anchor date before which records of a category are expired, for a deletion query. */
export const retentionCutoff: PolicyGuards["retentionCutoff"] = guards.retentionCutoff;
/** Binds data to the purpose it was obtained for (purpose limitation). */
export const bind: PolicyGuards["bind"] = guards.bind;
/** Clears data for disclosure of its category to one recipient (the share side of `bind`). */
export const clear: PolicyGuards["clear"] = guards.clear;
/** Checks bound data that crossed a process boundary. */
export const isBoundTo: PolicyGuards["isBoundTo"] = guards.isBoundTo;
/**
 * The guards for ids and contexts from outside the program: `unknown` in, a decision out, and
 * `invalid-input` naming the field for anything the policy does not declare.
 *
 * @example
 * const decision = untrusted.canShare(request.body.category, "analytics-vendor");
 */
export const untrusted: PolicyGuards["untrusted"] = guards.untrusted;
export {
  type CollectDecision,
  containsFullCardNumber,
  containsSensitiveAuthenticationData,
  explain,
  type InvalidRequestPlan,
  type PlannedAction,
  type RequestAction,
  type RequestPlan,
  type RightDecision,
  type RightsContext,
  type TransferDecision,
} from "@trunkiq/policy-law";
export { canTransfer, type TransferMechanism } from "./canTransfer";
export {
  type ChildDataAction,
  type ChildDataDiscovery,
  type ChildDataPlan,
  canCollect,
  planChildDataDiscovery,
} from "./children";
export { type ConsentEvent, consentAt } from "./consent";
export { canExercise, planRequest } from "./rights";
export { transferLaw } from "./transferLaw";
