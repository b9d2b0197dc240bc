import { consentLedgerSchemas } from "@trunkiq/policy-law/schemas";
import type { Purpose } from "./ids";
import { policy } from "./policy";

const purposes = Object.keys(policy.purposes) as [Purpose, ...Purpose[]];
const schemas = /* @__PURE__ */ consentLedgerSchemas(purposes);

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
