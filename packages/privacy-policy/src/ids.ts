import {
  type BasisOf,
  type CategoryOf,
  type Decision as CoreDecision,
  createSchemas,
  type JurisdictionOf,
  type PolicySchemas,
  type PurposeOf,
  type RecipientOf,
  type RightOf,
} from "@trunkiq/policy-core";
import { policy, type TrunkiqPolicy as TrunkIQ } from "./policy";

type Schemas = PolicySchemas<TrunkIQ>;

const schemas: Schemas = createSchemas(policy);

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

/** A purpose of processing the policy declares (§3), e.g. `"call-routing"`. */
export type Purpose = PurposeOf<TrunkIQ>;
/** A category of personal data the policy declares (§2), e.g. `"call-detail-record"`. */
export type Category = CategoryOf<TrunkIQ>;
/** A recipient the policy allows in some circumstance (§4), e.g. `"upstream-carrier"`. */
export type Recipient = RecipientOf<TrunkIQ>;
/** A lawful basis (§3; GDPR Art. 6(1)). */
export type Basis = BasisOf<TrunkIQ>;
/** A data subject right (§9). */
export type Right = RightOf<TrunkIQ>;
/** A jurisdiction whose law retention rules rest on. */
export type Jurisdiction = JurisdictionOf<TrunkIQ>;
/** Any decision the TrunkIQ guards return. */
export type Decision = CoreDecision;
