import {
  type ConsentQuery,
  type ConsentEvent as CoreConsentEvent,
  consentLedgerSchemas,
  consentAt as coreConsentAt,
} from "@trunkiq/policy-law";
import type { Purpose } from "./ids";
import { policy } from "./policy";

const purposes = Object.keys(policy.purposes) as [Purpose, ...Purpose[]];
const schemas = consentLedgerSchemas(purposes);

/**
 * One entry of the append-only consent ledger (§3, GDPR Art. 7): `granted` or `withdrawn`, for
 * a subject and a purpose, at a moment. `at` is a `Date` or an ISO 8601 date-time with an offset
 * (`timestampSchema`); `null`, numbers and strings without an offset are refused.
 *
 * @category Consent
 * @example
 * consentEventSchema.parse({ subject: "acct-1", purpose: "marketing", type: "granted", at: "2025-01-01T00:00:00Z" });
 */
export const consentEventSchema = schemas.consentEventSchema;

/**
 * A stored ledger as it reloads from JSON: an array of {@link consentEventSchema} events.
 *
 * @category Consent
 * @example
 * const ledger = consentLedgerSchema.parse(JSON.parse(await fs.readFile("consent.json", "utf8")));
 */
export const consentLedgerSchema = schemas.consentLedgerSchema;

/** A consent ledger event for a TrunkIQ purpose. */
export type ConsentEvent = CoreConsentEvent<Purpose>;

/**
 * Whether `subject` consented to `purpose` at `at`: the latest event at or before `at` decides,
 * a withdrawal wins a tie, later events never reach back (Art. 7(3)). Feed it to `canUse`:
 *
 * @category Consent
 * @example
 * const at = new Date();
 * canUse("marketing", "account", { consent: consentAt(ledger, { subject: "acct-1", purpose: "marketing", at }) });
 */
export function consentAt(events: readonly ConsentEvent[], query: ConsentQuery<Purpose>): boolean {
  return coreConsentAt(events, query);
}
