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
export { createGuards, type GuardOptions } from "./createGuards";
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
export { createSchemas, type IdSchema, type PolicySchemas } from "./createSchemas";
export {
  createTransferGuard,
  type TransferDecision,
  type TransferLaw,
  type TransferMechanismRule,
  type TransferRegion,
  type TransferRoute,
} from "./createTransferGuard";
export type {
  AllowedShareDecision,
  AllowedUseDecision,
  Decision,
  DeniedShareDecision,
  DeniedUseDecision,
  Obligation,
  PolicyRef,
  Reason,
  ReasonCode,
  ShareDecision,
  UseDecision,
} from "./decision";
export type {
  BasisDeclaration,
  CategoryDeclaration,
  ChoiceFieldDeclaration,
  Citation,
  CommitmentDeclaration,
  CommitmentsDeclaration,
  ConditionDeclaration,
  ContextFieldDeclaration,
  ControllerDeclaration,
  FlagFieldDeclaration,
  ObligationDeclaration,
  ObligationReference,
  PolicyDeclaration,
  ProhibitionDeclaration,
  PurposeDeclaration,
  RecipientDeclaration,
  RetentionAnchor,
  RetentionRuleDeclaration,
  RightDeclaration,
  RuleDeclaration,
  ScopeDeclarations,
} from "./declaration";
export { definePolicy, type Policy } from "./definePolicy";
export { defineTransferLaw } from "./defineTransferLaw";
export { type AnyDecision, explain } from "./explain";
export { matrixCellLines } from "./matrixCellLines";
export { ownElements } from "./ownElements";
export { type OwnFields, ownFields } from "./ownFields";
export { PolicyDefinitionError, type PolicyDefinitionIssue } from "./PolicyDefinitionError";
export { PolicyViolationError } from "./PolicyViolationError";
export { type ParsedDeclaration, policyDeclarationSchema } from "./policyDeclarationSchema";
export {
  type MatrixCell,
  type PolicyMatrix,
  policyMatrix,
  renderPolicyMatrix,
} from "./policyMatrix";
export {
  type PolicySentence,
  type PolicyTextSection,
  policyTextSections,
  policyTextSentences,
} from "./policyText";
export { type ResponseDeadline, responseDeadline } from "./responseDeadline";
export type {
  AppliedRetentionRule,
  RetentionContext,
  RetentionCutoff,
  RetentionDecision,
  RetentionSchedule,
} from "./retention";
export { timestampSchema } from "./timestampSchema";
export type { AuditHooks } from "./types/AuditHooks";
export type { Bound } from "./types/Bound";
export type {
  CheckReferences,
  UnknownCategory,
  UnknownJurisdiction,
} from "./types/CheckReferences";
export type { ContextOf, ShareContextFor, UseContextFor } from "./types/Context";
export type { Declared } from "./types/Declared";
export type {
  BoundMessage,
  CategoryArgument,
  DecisionEvent,
  Guards,
  PurposeArgument,
  ShareRecipientArgument,
  UseCategoryArgument,
} from "./types/Guards";
export type {
  BasisOf,
  BasisOfPurpose,
  CategoryOf,
  ConditionOf,
  FieldOf,
  JurisdictionOf,
  ObligationOf,
  PurposeOf,
  RecipientOf,
  RightOf,
} from "./types/Ids";
export type { IsSingleLiteral, IsUnion } from "./types/IsUnion";
export type {
  PurposeFor,
  PurposeMayNotUse,
  RecipientFor,
  RecipientMayNotReceive,
  ShareRefusal,
  UsableCategory,
  UseRefusal,
} from "./types/Permitted";
export type { NotDeclared, PolicyForbids, ScheduleOutOfBounds } from "./types/Refusal";
export type {
  CheckSchedule,
  ScheduleAboveMaximum,
  ScheduleBelowMinimum,
} from "./types/RetentionSchedule";
