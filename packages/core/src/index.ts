export { Bound, Cleared } from "./binding";
export { type ContextSpacePair, contextSpace } from "./contextSpace";
export { createGuards, type GuardOptions } from "./createGuards";
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
  RulesByCategory,
  ScopeDeclarations,
} from "./declaration";
export type { Policy } from "./definePolicy";
export { type AnyDecision, explain } from "./explain";
export { matrixCellLines } from "./matrixCellLines";
export { PolicyDefinitionError, type PolicyDefinitionIssue } from "./PolicyDefinitionError";
export { PolicyViolationError } from "./PolicyViolationError";
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
export type { ShareContextFor, UseContextFor } from "./types/Context";
export type { DecisionEvent, Guards } from "./types/Guards";
export type {
  BasisOf,
  CategoryOf,
  JurisdictionOf,
  PurposeOf,
  RecipientOf,
  RightOf,
} from "./types/Ids";
export type {
  UntrustedGuards,
  UntrustedShareDecision,
  UntrustedUseDecision,
} from "./types/UntrustedGuards";
