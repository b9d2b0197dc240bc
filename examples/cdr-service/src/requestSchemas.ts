import { containsFullCardNumber } from "@trunkiq/policy-law";
import { consentLedgerSchemas, timestampSchema } from "@trunkiq/policy-law/schemas";
import { type Jurisdiction, type Purpose, policy, type Right } from "@trunkiq/privacy-policy";
import { z } from "zod";

const ids = <T extends string>(record: object) => Object.keys(record) as [T, ...T[]];

// §2(a): a full card number is never stored. Every free text and number a client sends is
// scanned, phone numbers too: a 13-15 digit E.164 number that passes the Luhn check is refused,
// failing closed, since nothing tells it from a card number.
const NO_CARD = {
  message: "holds what reads as a full payment card number, which is never stored",
  params: { section: policy.categories["payment-card"].section },
};
const noCard = (value: string) => !containsFullCardNumber(value);

/** A customer id: letters, digits, `_` and `-`, as the service issues them. */
export const customerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "must be 1 to 64 letters, digits, _ or -" })
  .refine(noCard, NO_CARD);

const phoneNumber = z
  .e164({ message: "must be an E.164 number: + and 7 to 15 digits, the first not 0" })
  .refine(noCard, NO_CARD);

const text = (max: number) =>
  z
    .string()
    .min(1, { message: "must not be empty" })
    .max(max, { message: `must be at most ${max} characters` })
    .refine(noCard, NO_CARD);

const jurisdictions = policy.jurisdictions as readonly Jurisdiction[] as [
  Jurisdiction,
  ...Jurisdiction[],
];

/** One call detail record as a switch reports it. */
export const cdrSchema = z.strictObject({
  customerId: customerIdSchema,
  caller: phoneNumber,
  callee: phoneNumber,
  startedAt: timestampSchema.transform((t) => new Date(t)),
  durationSeconds: z
    .int({ message: "must be a whole number of seconds" })
    .min(0, { message: "must not be negative" })
    .max(172_800, { message: "must be at most 48 hours" }),
  route: text(200),
});

/** `POST /cdrs`: a batch, stored whole or not at all. */
export const cdrBatchSchema = z.strictObject({
  cdrs: z
    .array(cdrSchema)
    .min(1, { message: "must hold at least one record" })
    .max(1000, { message: "must hold at most 1000 records" }),
});

/** `POST /customers`: a new customer's account and whose law governs it. */
export const newCustomerSchema = z.strictObject({
  id: customerIdSchema,
  company: text(200),
  email: z
    .email({ message: "must be an email address" })
    .max(254)
    .refine(noCard, NO_CARD)
    .optional(),
  phone: phoneNumber.optional(),
  jurisdiction: z.enum(jurisdictions, { message: `must be one of ${jurisdictions.join(", ")}` }),
});

/** `:id` of the customer routes. */
export const customerParamsSchema = z.strictObject({ id: customerIdSchema });

/** `GET /usage`: whose traffic to count. */
export const usageQuerySchema = z.strictObject({
  jurisdiction: z.enum(jurisdictions, {
    message: `must be one of ${jurisdictions.join(", ")}`,
  }),
});

/** `POST /marketing/sends`: a campaign, to every consenting customer or to those listed. */
export const marketingSendSchema = z.strictObject({
  campaign: text(100),
  customers: z.array(customerIdSchema).min(1).max(1000).optional(),
});

const { consentEventSchema } = consentLedgerSchemas(ids<Purpose>(policy.purposes));

/** `/customers/:id/consents/:purpose`: the purpose must be one the policy declares. */
export const consentParamsSchema = z.strictObject({
  id: customerIdSchema,
  purpose: consentEventSchema.shape.purpose,
});

/** A consent ledger event, as the ledger stores it. */
export { consentEventSchema };

type LegalProcess = Exclude<(typeof policy.contextFields.legalProcess.values)[number], "none">;
const legalProcesses = policy.contextFields.legalProcess.values.filter(
  (v): v is LegalProcess => v !== "none",
) as [LegalProcess, ...LegalProcess[]];

/** `POST /disclosures`: a request of an authority under a legal process (§4). */
export const disclosureSchema = z
  .strictObject({
    customerId: customerIdSchema,
    authority: text(200),
    legalProcess: z.enum(legalProcesses, {
      message: `must be one of ${legalProcesses.join(", ")}`,
    }),
    reference: text(200),
    receivedAt: timestampSchema.transform((t) => new Date(t)),
    /** An order forbids telling the customer (e.g. 18 U.S.C. 2705(b)). */
    disclosureProhibited: z.boolean().default(false),
    from: timestampSchema.transform((t) => new Date(t)).optional(),
    to: timestampSchema.transform((t) => new Date(t)).optional(),
  })
  .refine((d) => d.from === undefined || d.to === undefined || d.from <= d.to, {
    message: "must not be after to",
    path: ["from"],
  });

/** `POST /rights-requests`: a data subject request (§9). */
export const rightsRequestSchema = z.strictObject({
  customerId: customerIdSchema,
  right: z.enum(ids<Right>(policy.rights), {
    message: `must be one of ${ids(policy.rights).join(", ")}`,
  }),
  receivedAt: timestampSchema.transform((t) => new Date(t)).optional(),
});

/** `POST /jobs/purge`. */
export const purgeSchema = z.strictObject({ dryRun: z.boolean().default(false) });
