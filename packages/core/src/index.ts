export { createGuards, type GuardOptions } from "./createGuards";
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
  ConditionDeclaration,
  ContextFieldDeclaration,
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
export { explain } from "./explain";
export { PolicyDefinitionError, type PolicyDefinitionIssue } from "./PolicyDefinitionError";
export { PolicyViolationError } from "./PolicyViolationError";
export {
  type MatrixCell,
  type PolicyMatrix,
  policyMatrix,
  renderPolicyMatrix,
} from "./policyMatrix";
export type {
  AppliedRetentionRule,
  RetentionContext,
  RetentionCutoff,
  RetentionDecision,
  RetentionSchedule,
} from "./retention";
export type { Bound } from "./types/Bound";
export type {
  CheckReferences,
  UnknownCategory,
  UnknownJurisdiction,
} from "./types/CheckReferences";
export type { ContextOf, ShareContextFor, UseContextFor } from "./types/Context";
export type {
  BoundMessage,
  DecisionEvent,
  Guards,
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
  UsableCategory,
} from "./types/Permitted";
