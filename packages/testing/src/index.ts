export { assertNeverAllows } from "./assertNeverAllows";
export { assertNeverAllowsAsync } from "./assertNeverAllowsAsync";
export {
  assertPurgeFollowsPolicy,
  isDueForDeletion,
  type PurgeCheck,
} from "./assertPurgeFollowsPolicy";
export { type ConsentLedgerOptions, consentLedgerArb } from "./consentLedgerArb";
export {
  createArbitraries,
  type PolicyArbitraries,
  type RetentionQuestion,
  type ShareQuestion,
  type UseQuestion,
} from "./createArbitraries";
export { DecisionAssertionError } from "./DecisionAssertionError";
export { expectAllowed } from "./expectAllowed";
export { expectDenied } from "./expectDenied";
export { formatDecision } from "./formatDecision";
export {
  type RetentionRecord,
  type RetentionRecordOptions,
  retentionRecordArb,
} from "./retentionRecordArb";
