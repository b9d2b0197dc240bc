import type { CategoryOf, JurisdictionOf, PolicyDeclaration } from "@trunkiq/policy-core";
import fc from "fast-check";
import { idArb } from "./internal/ids";

/**
 * One stored row as the retention purge sees it: the categories it holds, its anchor dates,
 * whose law governs it and whether a legal hold keeps it. `jurisdiction` is sometimes `null` or
 * a value the policy does not declare, and `legalHold` sometimes `null` (unknown), as in a real
 * table.
 */
export interface RetentionRecord<C extends string = string, J extends string = string> {
  readonly id: number;
  readonly categories: readonly C[];
  readonly collectedAt: Date;
  /** `null` while the relationship is open. */
  readonly relationshipEndedAt: Date | null;
  readonly jurisdiction: J | null | (string & {});
  readonly legalHold: boolean | null;
}

/** Options of {@link retentionRecordArb}. */
export interface RetentionRecordOptions<C extends string> {
  /** The categories every record holds, as the columns of one table do. */
  readonly categories: readonly [C, ...C[]];
  /** The moment the purge runs at: records are collected up to `years` before it. */
  readonly now: Date;
  /** How far back records go; 10 years by default. */
  readonly years?: number;
  /** At most this many records; 12 by default. */
  readonly maxLength?: number;
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Rows of one table for a purge test: unique ids from 1, collection dates spread over the years
 * before `now` (so periods run out on both sides of it), relationships open or ended, declared
 * jurisdictions mostly, and legal holds set, clear or unknown.
 *
 * @category Generating
 * @example
 * const rows = retentionRecordArb(policy, { categories: ["call-detail-record"], now });
 */
export function retentionRecordArb<const D extends PolicyDeclaration>(
  policy: D,
  options: RetentionRecordOptions<CategoryOf<D>>,
): fc.Arbitrary<RetentionRecord<CategoryOf<D>, JurisdictionOf<D>>[]> {
  const now = options.now.getTime();
  const min = new Date(now - (options.years ?? 10) * YEAR_MS);
  const jurisdictions = policy.jurisdictions as readonly JurisdictionOf<D>[];
  const record = fc
    .record({
      collectedAt: fc.date({ min, max: options.now, noInvalidDate: true }),
      endedAfter: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 2 }),
      jurisdiction: fc.oneof(
        { arbitrary: idArb("jurisdictions", jurisdictions), weight: 8 },
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.constant("undeclared"), weight: 1 },
      ),
      legalHold: fc.oneof(
        { arbitrary: fc.constant(false), weight: 6 },
        { arbitrary: fc.constant(true), weight: 1 },
        { arbitrary: fc.constant(null), weight: 1 },
      ),
    })
    .map(({ collectedAt, endedAfter, ...rest }) => ({
      categories: options.categories,
      collectedAt,
      // The relationship ends between the collection and now, or is still open.
      relationshipEndedAt:
        endedAfter === null
          ? null
          : new Date(
              collectedAt.getTime() + Math.floor(endedAfter * (now - collectedAt.getTime())),
            ),
      ...rest,
    }));
  return fc
    .array(record, { maxLength: options.maxLength ?? 12 })
    .map((records) => records.map((r, i) => ({ id: i + 1, ...r })));
}
