// The validating entry (`@trunkiq/privacy-policy/schemas`): zod schemas for ids, contexts, the
// consent ledger and stored records, zod being a peer dependency. The guards come from the main
// entry, which loads no zod.
export { consentEventSchema, consentLedgerSchema } from "./consentSchemas";
export {
  basisSchema,
  categorySchema,
  jurisdictionSchema,
  purposeSchema,
  recipientSchema,
  retentionContextSchema,
  rightSchema,
  shareContextSchema,
  useContextSchema,
} from "./idSchemas";
export {
  type Account,
  accountSchema,
  type CallDetailRecord,
  type CommunicationContentRecord,
  callDetailRecordSchema,
  communicationContentRecordSchema,
  type IpAddressRecord,
  ipAddressRecordSchema,
  type PaymentTransaction,
  paymentTransactionSchema,
} from "./recordSchemas";
