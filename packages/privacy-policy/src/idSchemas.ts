import { createSchemas, type PolicySchemas } from "@trunkiq/policy-core/schemas";
import { policy, type TrunkiqPolicy as TrunkIQ } from "./policy";

type Schemas = PolicySchemas<TrunkIQ>;

const schemas: Schemas = /* @__PURE__ */ createSchemas(policy);

/** Validates an untrusted purpose id; the error lists the allowed values. */
export const purposeSchema: Schemas["purposeSchema"] = schemas.purposeSchema;
/** Validates an untrusted data category id. */
export const categorySchema: Schemas["categorySchema"] = schemas.categorySchema;
/** Validates an untrusted recipient id. */
export const recipientSchema: Schemas["recipientSchema"] = schemas.recipientSchema;
/** Validates an untrusted lawful basis id. */
export const basisSchema: Schemas["basisSchema"] = schemas.basisSchema;
/** Validates an untrusted data subject right id. */
export const rightSchema: Schemas["rightSchema"] = schemas.rightSchema;
/** Validates an untrusted jurisdiction id. */
export const jurisdictionSchema: Schemas["jurisdictionSchema"] = schemas.jurisdictionSchema;
/** Validates the context of a `canUse` call from a request; errors name the field and its values. */
export const useContextSchema: Schemas["useContextSchema"] = schemas.useContextSchema;
/** Validates the context of a `canShare` call from a request. */
export const shareContextSchema: Schemas["shareContextSchema"] = schemas.shareContextSchema;
/** Validates the context of a `retentionFor` call. */
export const retentionContextSchema: Schemas["retentionContextSchema"] =
  schemas.retentionContextSchema;
