export { ageAt } from "./ageAt";
export {
  type ConsentEvent,
  type ConsentQuery,
  consentAt,
  consentLedgerSchemas,
} from "./consentLedger";
export { containsFullCardNumber } from "./containsFullCardNumber";
export { containsSensitiveAuthenticationData } from "./containsSensitiveAuthenticationData";
export {
  type AgeContext,
  type AgeRule,
  type CollectDecision,
  createAgeGate,
} from "./createAgeGate";
export {
  createRightsGuards,
  type GdprRight,
  gdprRights,
  type InvalidRequestPlan,
  type PlannedAction,
  type RequestAction,
  type RequestPlan,
  type RightDecision,
  type RightsContext,
  type RightsGuards,
  type RightsOptions,
  type RightsRequest,
} from "./createRightsGuards";
export {
  createTransferGuard,
  type TransferDecision,
  type TransferLaw,
  type TransferMechanismRule,
  type TransferRegion,
  type TransferRoute,
} from "./createTransferGuard";
export { defineTransferLaw } from "./defineTransferLaw";
export { type AnyDecision, explain } from "./explain";
export { type ResponseDeadline, responseDeadline } from "./responseDeadline";
export { timestampSchema } from "./timestampSchema";
