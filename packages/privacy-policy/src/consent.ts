import {
  type ConsentQuery,
  type ConsentEvent as CoreConsentEvent,
  consentAt as coreConsentAt,
} from "@trunkiq/policy-law";
import type { Purpose } from "./ids";

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
