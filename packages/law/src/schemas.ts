// The validating entry (`@trunkiq/policy-law/schemas`): the zod schemas, zod being a peer
// dependency. The guards and law checks come from the main entry, which loads no zod.
export { consentLedgerSchemas } from "./consentLedgerSchemas";
export { timestampSchema } from "./timestampSchema";
