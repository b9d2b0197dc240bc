// Building blocks for guards built on the engine (`@trunkiq/policy-core/engine`): reading untrusted
// input, freezing tables, emitting audit events, retention arithmetic and rendering explanations.
// Kept small on purpose; a policy's services need only the main entry.
export { type ExplainableDecision, explainWith } from "./explain";
export { auditEmitter } from "./internal/audit";
export { calendarDayStart, isoString } from "./internal/calendar";
export { describe } from "./internal/context";
export { checkedDate, isTime, readDate, timeOf } from "./internal/dates";
export { declaredPolicy } from "./internal/declaredPolicy";
export { deepFreeze, frozenCopy } from "./internal/deepFreeze";
export {
  addPeriod,
  type CalendarPeriod,
  calendarPeriod,
  deadlineTime,
  formatPeriod,
} from "./internal/duration";
export {
  type Alternative,
  hasVariants,
  type RuleInJurisdiction,
  ruleIn,
} from "./internal/jurisdictionRules";
export { ACCESSOR, INHERITED, ownValue, readsPlainly } from "./internal/ownValue";
export { questionText } from "./internal/questionText";
export { validateSchedule } from "./internal/schedule";
export { pairFieldNames } from "./internal/tableSize";
export { ownElements } from "./ownElements";
export { type OwnFields, ownFields } from "./ownFields";
export { compileRetention } from "./retention";
