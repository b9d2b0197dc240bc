// Type machinery for code that builds on a declaration's types (`@trunkiq/policy-core/types`):
// the type algorithms behind the guards' signatures and the refusals the compiler shows. A
// service that calls the guards needs none of it; the main entry exports what it does need.
export type {
  ContextOf,
  JurisdictionRequired,
  ShareNeedsJurisdiction,
  UseNeedsJurisdiction,
} from "./types/Context";
export type { Declared } from "./types/Declared";
export type { BoundMessage } from "./types/Guards";
export type {
  BasisOfPurpose,
  BasisOfRecipient,
  ConditionOf,
  FieldOf,
  ObligationOf,
} from "./types/Ids";
export type {
  PurposeFor,
  PurposeMayNotUse,
  RecipientFor,
  RecipientMayNotReceive,
  ShareRefusal,
  UsableCategory,
  UseRefusal,
} from "./types/Permitted";
export type {
  InvalidDeclaration,
  NotAPolicy,
  NotDeclared,
  PolicyForbids,
  ScheduleOutOfBounds,
} from "./types/Refusal";
export type {
  CheckSchedule,
  ScheduleAboveMaximum,
  ScheduleBelowMinimum,
} from "./types/RetentionSchedule";
