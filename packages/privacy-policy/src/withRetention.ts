import { createGuards, type Guards, type RetentionSchedule } from "@trunkiq/policy-core";
import type { CheckSchedule } from "@trunkiq/policy-core/types";
import { policy } from "./policy";

/**
 * Guards bound to a deployment's own retention schedule, e.g. CDRs kept 24 months in the US or
 * an EEA country's bill-challenge period. A literal period in years and months that is shorter
 * than the legal minimum a rule cites, or longer than its maximum, does not compile; at runtime
 * every schedule is checked again and refused with a `PolicyDefinitionError` listing every
 * problem.
 *
 * @category Retention
 * @example
 * const { retentionFor } = withRetention({ "call-detail-record": { us: { months: 24 }, eea: { months: 3 } } });
 * withRetention({ "kyc-document": { us: { years: 1 } } }); // compile error: below the 5-year minimum
 */
export function withRetention<const S extends RetentionSchedule>(
  schedule: S & CheckSchedule<typeof policy, S>,
): Guards<typeof policy> {
  // The schedule has passed its compile-time check; createGuards checks it again at runtime.
  return createGuards(policy, { retention: schedule as RetentionSchedule });
}
