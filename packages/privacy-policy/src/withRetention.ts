import { createGuards, type Guards, type RetentionSchedule } from "@trunkiq/policy-core";
import { policy } from "./policy";

/**
 * Guards bound to a deployment's own retention schedule, e.g. CDRs kept 24 months in the US or
 * an EEA country's bill-challenge period. A period shorter than the legal minimum a rule cites,
 * or longer than its maximum, is refused with a `PolicyDefinitionError` listing every problem.
 *
 * @category Retention
 * @example
 * const { retentionFor } = withRetention({ "call-detail-record": { us: { months: 24 }, eea: { months: 3 } } });
 * withRetention({ "kyc-document": { us: { years: 1 } } }); // throws: shorter than the 5-year minimum
 */
export function withRetention(schedule: RetentionSchedule): Guards<typeof policy> {
  return createGuards(policy, { retention: schedule });
}
