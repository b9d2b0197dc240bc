import type { PolicyDeclaration, PurposeOf } from "@trunkiq/policy-core";
import type { ConsentEvent } from "@trunkiq/policy-law";
import fc from "fast-check";
import { idArb } from "./internal/ids";

/** Options of {@link consentLedgerArb}. */
export interface ConsentLedgerOptions<P extends string> {
  /** The subjects the events are about. */
  readonly subjects: readonly string[];
  /** The purposes consented to; every declared purpose by default. */
  readonly purposes?: readonly P[];
  /** The earliest moment of an event; 2020-01-01 by default. */
  readonly from?: Date;
  /** The latest moment of an event; 2030-01-01 by default. */
  readonly to?: Date;
  /** At most this many events; 20 by default. */
  readonly maxLength?: number;
}

/**
 * Consent ledgers: grants and withdrawals by the given subjects for the policy's purposes, in
 * any order, with ties (a grant and a withdrawal at the same moment) drawn often, since that is
 * where a reader of the ledger most easily goes wrong. Compare what your code did with
 * `consentAt` of `@trunkiq/policy-law`.
 *
 * @category Generating
 * @example
 * fc.assert(fc.asyncProperty(consentLedgerArb(policy, { subjects: ["a", "b"] }), async (ledger) => {
 *   await store(ledger);
 *   const reached = await sendCampaign();
 *   for (const s of reached) expect(consentAt(ledger, { subject: s, purpose: "marketing", at: now })).toBe(true);
 * }));
 */
export function consentLedgerArb<const D extends PolicyDeclaration>(
  policy: D,
  options: ConsentLedgerOptions<PurposeOf<D>>,
): fc.Arbitrary<ConsentEvent<PurposeOf<D>>[]> {
  const purposes = options.purposes ?? (Object.keys(policy.purposes) as PurposeOf<D>[]);
  const from = options.from ?? new Date("2020-01-01T00:00:00Z");
  const to = options.to ?? new Date("2030-01-01T00:00:00Z");
  // A handful of moments shared by several events, so ties and same-instant reversals occur.
  const moments = fc.uniqueArray(fc.date({ min: from, max: to, noInvalidDate: true }), {
    minLength: 1,
    maxLength: 4,
    selector: (d) => d.getTime(),
  });
  return moments.chain((shared) =>
    fc.array(
      fc.record({
        subject: idArb("subjects", options.subjects),
        purpose: idArb("purposes", purposes),
        type: fc.constantFrom("granted" as const, "withdrawn" as const),
        at: fc.oneof(
          fc.constantFrom(...shared).map((d) => new Date(d)),
          fc.date({ min: from, max: to, noInvalidDate: true }),
        ),
      }),
      { maxLength: options.maxLength ?? 20 },
    ),
  );
}
