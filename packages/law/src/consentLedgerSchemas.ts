import { z } from "zod";
import { timestampSchema } from "./timestampSchema";

/**
 * The zod schemas of a consent ledger whose purposes are `purposes`. `at` is a
 * {@link timestampSchema}: a ledger stored as JSON (ISO strings with an offset) reloads into
 * `Date`s, while `null` (what `JSON.stringify` writes for an invalid `Date`), numbers and strings
 * without an offset are refused rather than read as 1970 or in the machine's time zone. An
 * unknown purpose or an empty subject is refused too.
 *
 * @category Consent
 * @example
 * const { consentEventSchema, consentLedgerSchema } = consentLedgerSchemas(["marketing"]);
 * const ledger = consentLedgerSchema.parse(JSON.parse(stored));
 */
export function consentLedgerSchemas<const P extends readonly [string, ...string[]]>(purposes: P) {
  const consentEventSchema = z.strictObject({
    subject: z.string().min(1),
    purpose: z.enum(purposes),
    type: z.enum(["granted", "withdrawn"]),
    at: timestampSchema,
  });
  const consentLedgerSchema = z.array(consentEventSchema).readonly();
  return { consentEventSchema, consentLedgerSchema } as const;
}
