export { ageAt } from "./ageAt";
export { type ConsentEvent, type ConsentQuery, consentAt } from "./consentLedger";
export { containsFullCardNumber } from "./containsFullCardNumber";
export { containsSensitiveAuthenticationData } from "./containsSensitiveAuthenticationData";
export {
  type AgeContext,
  type AgeGate,
  type AgeRule,
  type CollectDecision,
  createAgeGate,
} from "./createAgeGate";
export { type ConsentGuard, createConsentGuard } from "./createConsentGuard";
export { createRightsGuards } from "./createRightsGuards";
export {
  type AdequacyDecision,
  createTransferGuard,
  type TransferDecision,
  type TransferGuard,
  type TransferLaw,
  type TransferMechanismOf,
  type TransferMechanismRule,
  type TransferRegion,
  type TransferRoute,
} from "./createTransferGuard";
export { defineTransferLaw } from "./defineTransferLaw";
export { type AnyDecision, explain } from "./explain";
export {
  type ResponseDeadline,
  type ResponseLaw,
  responseDeadline,
  responseLaws,
} from "./responseDeadline";
export { type ErasureExemption, erasureExemption, isLegalDuty } from "./rights/erasureExemption";
export { type GdprRight, gdprRights } from "./rights/gdprRights";
export type {
  InvalidRequestPlan,
  PlannedAction,
  RequestAction,
  RequestPlan,
  RightDecision,
  RightsContext,
  RightsGuards,
  RightsOptions,
  RightsRequest,
} from "./rights/types";
