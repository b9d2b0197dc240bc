// The validating entry (`@trunkiq/policy-core/schemas`): everything that needs zod, a peer
// dependency. Guards, decisions and types come from the main entry, which loads no zod.
export { createSchemas, type IdSchema, type PolicySchemas } from "./createSchemas";
export { definePolicy } from "./definePolicy";
export { type ParsedDeclaration, policyDeclarationSchema } from "./policyDeclarationSchema";
