import type { PolicyDeclaration, RetentionContext, RetentionDecision } from "@trunkiq/policy-core";
import fc from "fast-check";
import type { RetentionRecord } from "./retentionRecordArb";

type RetentionFor = (category: string, context: RetentionContext) => RetentionDecision;

/**
 * Whether the policy lets a record go at `now`: its jurisdiction is declared, its legal hold is
 * `false` (`true` or unknown keeps it) and every category it holds is past its retention period
 * by `retentionFor`. The record-by-record answer a purge must agree with.
 *
 * @category Asserting
 * @example
 * const due = records.filter((r) => isDueForDeletion(guards, r, now));
 */
export function isDueForDeletion<D extends PolicyDeclaration>(
  guards: { readonly policy: D; readonly retentionFor: unknown },
  record: RetentionRecord,
  now: Date,
): boolean {
  const { jurisdiction, legalHold } = record;
  if (jurisdiction === null || !guards.policy.jurisdictions.includes(jurisdiction)) return false;
  if (legalHold !== false) return false;
  const retentionFor = guards.retentionFor as RetentionFor;
  return record.categories.every(
    (category) =>
      retentionFor(category, {
        collectedAt: record.collectedAt,
        ...(record.relationshipEndedAt === null
          ? {}
          : { relationshipEndedAt: record.relationshipEndedAt }),
        jurisdiction,
        legalHold: false,
        now,
      }).expired,
  );
}

/** Options of {@link assertPurgeFollowsPolicy}. */
export interface PurgeCheck<D extends PolicyDeclaration> {
  /** The guards whose retention rules the purge must follow (with the deployment's schedule). */
  readonly guards: { readonly policy: D; readonly retentionFor: unknown };
  /** The rows to store before each purge; `retentionRecordArb` makes them. */
  readonly records: fc.Arbitrary<readonly RetentionRecord[]>;
  /** The moment the purge runs at. */
  readonly now: Date;
  /**
   * Stores `records` in a clean table, runs the purge at `now`, and returns the ids of the rows
   * left. Called once per generated case.
   */
  readonly purge: (records: readonly RetentionRecord[], now: Date) => Promise<readonly number[]>;
  /** fast-check parameters (`numRuns`, `seed`). */
  readonly params?: fc.Parameters<[readonly RetentionRecord[]]>;
}

/**
 * Checks a database purge against the policy with fast-check: for every generated set of
 * rows, the purge deletes exactly those {@link isDueForDeletion} lets go, no more (a row kept by
 * its period, a hold or an unknown jurisdiction) and no fewer. A counterexample names each row
 * deleted too early or kept too long.
 *
 * @category Asserting
 * @example
 * await assertPurgeFollowsPolicy({
 *   guards, now,
 *   records: retentionRecordArb(policy, { categories: ["call-detail-record"], now }),
 *   purge: async (records, now) => { await insert(records); await purgeExpired(db, guards, map, { now }); return remainingIds(); },
 *   params: { numRuns: 20 },
 * });
 */
export async function assertPurgeFollowsPolicy<D extends PolicyDeclaration>(
  check: PurgeCheck<D>,
): Promise<void> {
  const { guards, now } = check;
  await fc.assert(
    fc.asyncProperty(check.records, async (records) => {
      const left = new Set(await check.purge(records, now));
      const wrong: string[] = [];
      for (const record of records) {
        const due = isDueForDeletion(guards, record, now);
        if (due && left.has(record.id)) wrong.push(`row ${record.id} is due but was kept`);
        if (!due && !left.has(record.id)) wrong.push(`row ${record.id} is not due but was deleted`);
      }
      if (wrong.length > 0) {
        throw new Error(
          `the purge at ${now.toISOString()} does not follow the policy:\n${wrong.join("\n")}`,
        );
      }
    }),
    { includeErrorInReport: true, ...check.params },
  );
}
