export { createGuards, type GuardOptions } from "./createGuards";
export { createSchemas, type IdSchema, type PolicySchemas } from "./createSchemas";
export {
  type CheckDataMap,
  type ConsentEventsDeclaration,
  checkedDataMap,
  type DataMap,
  type DataMapDeclaration,
  DataMapError,
  type DataMapIssue,
  type DataMapMistake,
  dataMapIssues,
  defineDataMap,
  NOT_PERSONAL,
  type SubjectColumn,
  type TableDeclaration,
} from "./dataMap";
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
  JurisdictionDenialDeclaration,
  JurisdictionRuleDeclaration,
  JurisdictionVariant,
  JurisdictionVariants,
  LawDeclaration,
  ObligationDeclaration,
  ObligationReference,
  PolicyDeclaration,
  ProhibitionDeclaration,
  PurposeDeclaration,
  RecipientDeclaration,
  RetentionAnchor,
  RetentionPeriod,
  RetentionRuleDeclaration,
  RightDeclaration,
  RuleDeclaration,
  ScopeDeclarations,
} from "./declaration";
export { definePolicy, type Policy } from "./definePolicy";
export { type AnyDecision, explain } from "./explain";
export { matrixCellLines } from "./matrixCellLines";
export { PolicyDefinitionError, type PolicyDefinitionIssue } from "./PolicyDefinitionError";
export { PolicyViolationError } from "./PolicyViolationError";
export { type ParsedDeclaration, policyDeclarationSchema } from "./policyDeclarationSchema";
export {
  type MatrixAlternative,
  type MatrixCell,
  type MatrixVariant,
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
export type {
  AppliedRetentionRule,
  RetentionContext,
  RetentionCutoff,
  RetentionCutoffContext,
  RetentionDecision,
  RetentionSchedule,
} from "./retention";
export type { AuditHooks } from "./types/AuditHooks";
export type { Bound } from "./types/Bound";
export type {
  CheckReferences,
  UnknownCategory,
  UnknownJurisdiction,
} from "./types/CheckReferences";
export type {
  ContextOf,
  JurisdictionRequired,
  ShareContextFor,
  ShareNeedsJurisdiction,
  UseContextFor,
  UseNeedsJurisdiction,
} from "./types/Context";
export type { Declared } from "./types/Declared";
export type {
  BoundMessage,
  CategoryArgument,
  DecisionEvent,
  Guards,
  PurposeArgument,
  ShareContextArgument,
  ShareRecipientArgument,
  ShareRecipientWithoutContext,
  UseCategoryArgument,
  UseCategoryWithoutContext,
  UseContextArgument,
} from "./types/Guards";
export type {
  BasisOf,
  BasisOfPurpose,
  BasisOfRecipient,
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
