import { containsFullCardNumber, containsSensitiveAuthenticationData } from "@trunkiq/policy-law";
import { timestampSchema } from "@trunkiq/policy-law/schemas";
import { z } from "zod";

// Write-time guards: the shape of what a service may store per category (§2). Objects are
// strict, so a field the schema does not name is refused rather than silently stored. Moments
// are `timestampSchema`s: a Date or an ISO string with an offset, never null or a number.

/** E.164: a plus sign, a country code that does not start with 0, at most 15 digits. */
const e164 = z
  .string()
  .regex(
    /^\+[1-9]\d{1,14}$/,
    "§2(b): a telephone number is stored in E.164 form (+ and up to 15 digits)",
  );

const id = z.string().min(1);

/**
 * A call detail record (§2(b)): calling and called numbers in E.164, when the call started,
 * how long it lasted and how it was routed. No content of the call (§2(c)).
 *
 * @category Records
 * @example
 * callDetailRecordSchema.parse({ id: "cdr-1", accountId: "acct-1", callingNumber: "+12125550100",
 *   calledNumber: "+442071838750", startedAt: "2025-07-07T10:00:00Z", durationSeconds: 62, routing: { trunk: "t1" } });
 */
export const callDetailRecordSchema = z.strictObject({
  id,
  accountId: id,
  callingNumber: e164,
  calledNumber: e164,
  startedAt: timestampSchema,
  durationSeconds: z.number().int().nonnegative(),
  routing: z
    .strictObject({
      trunk: z.string().optional(),
      carrier: z.string().optional(),
      route: z.string().optional(),
      disposition: z.string().optional(),
    })
    .optional(),
});

/** A masked card number: the first six and the last four digits at most (§2(a), PCI DSS). */
const maskedPan = z
  .string()
  .regex(/^\d{6}[*Xx•]{3,9}\d{4}$/, "§2(a): a card number is stored masked (first six, last four)");

const fullCardNumber =
  '§2(a): a full card number may not be stored on our servers ("We do not store your full credit card number on our servers"); store it masked';
const sensitiveAuthenticationData =
  "§2(a), PCI DSS 3.3.1: sensitive authentication data (a card verification code, a PIN or PIN block, full track data) may not be stored after authorisation";

/**
 * The issues of a record's fields that hold a full card number or sensitive authentication data,
 * each at the field's path. Own properties only, an own `__proto__` key included; `moments`
 * names fields whose valid timestamps are read as moments, not as text.
 */
function cardDataIssues(record: unknown, moments: ReadonlySet<PropertyKey>) {
  const issues: { path: PropertyKey[]; message: string; input: unknown }[] = [];
  if (record === null || typeof record !== "object") return issues;
  try {
    for (const key of Reflect.ownKeys(record)) {
      const value: unknown = (record as Record<PropertyKey, unknown>)[key];
      if (moments.has(key) && timestampSchema.safeParse(value).success) continue;
      if (containsSensitiveAuthenticationData({ [key]: value })) {
        issues.push({ path: [key], message: sensitiveAuthenticationData, input: value });
      }
      if (containsFullCardNumber(value)) {
        issues.push({ path: [key], message: fullCardNumber, input: value });
      }
    }
  } catch {
    // Nothing proves an unreadable record free of card data.
    issues.push({ path: [], message: fullCardNumber, input: record });
  }
  return issues;
}

const paymentTransactionShape = z
  .strictObject({
    id,
    accountId: id,
    amountMinor: z.number().int(),
    currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 currency code"),
    occurredAt: timestampSchema,
    status: z.enum(["authorised", "captured", "refunded", "failed"]),
    processor: z.string().min(1),
    processorReference: z.string().min(1),
    maskedCardNumber: maskedPan.optional(),
    cardLast4: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    description: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .check((ctx) => {
    for (const issue of cardDataIssues(ctx.value, new Set())) {
      ctx.issues.push({ code: "custom", ...issue });
    }
  });

const moments = new Set(
  Object.entries(paymentTransactionShape.shape)
    .filter(([, schema]) => schema === timestampSchema)
    .map(([key]) => key),
);

/**
 * A payment transaction (§2(a)). Refuses any field, however deep, that holds a full card number:
 * "We do not store your full credit card number on our servers." A masked number
 * (`"411111******1111"`) or the last four digits may be stored.
 *
 * Also refuses sensitive authentication data, which PCI DSS 3.3.1 forbids keeping after
 * authorisation: a key naming a card verification code, PIN or track data (`cvv`, `cvc`, `cid`,
 * `securityCode`, `pin`, `pinBlock`, `track1`, `track2`, `trackData`, `magstripe`…, any case or
 * separators, any depth) and track 1 or track 2 data in a value (see
 * `containsSensitiveAuthenticationData`). Both the input as given (its own properties, an own
 * `__proto__` key from `JSON.parse` included) and the parsed record returned are scanned.
 *
 * @category Records
 * @example
 * paymentTransactionSchema.safeParse({ ..., maskedCardNumber: "411111******1111" }).success; // true
 * paymentTransactionSchema.safeParse({ ..., metadata: { note: "4111 1111 1111 1111" } }).success; // false (§2(a))
 * paymentTransactionSchema.safeParse({ ..., metadata: { cvv: "123" } }).success; // false (PCI DSS 3.3.1)
 */
export const paymentTransactionSchema = z.preprocess((input, ctx) => {
  for (const issue of cardDataIssues(input, moments)) ctx.addIssue({ code: "custom", ...issue });
  return input;
}, paymentTransactionShape);

/**
 * An account (§2(a)): company, authorised representative, business address, email, phone.
 *
 * @category Records
 * @example
 * accountSchema.parse({ id: "acct-1", companyName: "Acme LLC", representativeName: "Ada Lovelace",
 *   businessAddress: "1 Main St, New York, NY", email: "ada@acme.test", phone: "+12125550100" });
 */
export const accountSchema = z.strictObject({
  id,
  companyName: z.string().min(1),
  representativeName: z.string().min(1),
  businessAddress: z.string().min(1),
  email: z.email(),
  phone: e164,
});

/**
 * An IP address seen connecting to the platform (§2(b)).
 *
 * @category Records
 * @example
 * ipAddressRecordSchema.parse({ accountId: "acct-1", ip: "203.0.113.7", observedAt: "2025-07-07T10:00:00Z" });
 */
export const ipAddressRecordSchema = z.strictObject({
  accountId: id,
  ip: z.union([z.ipv4(), z.ipv6()]),
  observedAt: timestampSchema,
});

/**
 * Stored communication content (§2(c)): only a recording the customer explicitly directed, such
 * as a call recording; the customer is the controller of it (§5). Anything else is transient
 * and has no storable shape.
 *
 * @category Records
 * @example
 * communicationContentRecordSchema.safeParse({ ..., customerDirected: false }).success; // false (§2(c))
 */
export const communicationContentRecordSchema = z.strictObject({
  id,
  accountId: id,
  callId: id,
  recordedAt: timestampSchema,
  mediaUri: z.string().min(1),
  customerDirected: z.literal(true, {
    error:
      "§2(c): the content of communications is stored only as the customer explicitly directs (a call recording); set customerDirected: true only for such a recording",
  }),
});

/** A record each schema accepts, for services that store them. */
export type CallDetailRecord = z.infer<typeof callDetailRecordSchema>;
export type PaymentTransaction = z.infer<typeof paymentTransactionSchema>;
export type Account = z.infer<typeof accountSchema>;
export type IpAddressRecord = z.infer<typeof ipAddressRecordSchema>;
export type CommunicationContentRecord = z.infer<typeof communicationContentRecordSchema>;
