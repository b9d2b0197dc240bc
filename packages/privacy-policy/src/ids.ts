import type {
  BasisOf,
  CategoryOf,
  Decision as CoreDecision,
  JurisdictionOf,
  PurposeOf,
  RecipientOf,
  RightOf,
} from "@trunkiq/policy-core";
import { z } from "zod";
import { policy } from "./policy";

type TrunkIQ = typeof policy;

const ids = <T extends object>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

/** Validates an untrusted purpose id; the error lists the allowed values. */
export const purposeSchema = z.enum(ids(policy.purposes));
/** Validates an untrusted data category id. */
export const dataCategorySchema = z.enum(ids(policy.categories));
/** Validates an untrusted recipient id. */
export const recipientSchema = z.enum(ids(policy.recipients));
/** Validates an untrusted lawful basis id. */
export const lawfulBasisSchema = z.enum(ids(policy.bases));
/** Validates an untrusted data subject right id. */
export const rightSchema = z.enum(ids(policy.rights));
/** Validates an untrusted jurisdiction id. */
export const jurisdictionSchema = z.enum(policy.jurisdictions);

/** A purpose of processing the policy declares (§3), e.g. `"call-routing"`. */
export type Purpose = PurposeOf<TrunkIQ>;
/** A category of personal data the policy declares (§2), e.g. `"call-detail-record"`. */
export type DataCategory = CategoryOf<TrunkIQ>;
/** A recipient the policy allows in some circumstance (§4), e.g. `"upstream-carrier"`. */
export type Recipient = RecipientOf<TrunkIQ>;
/** A lawful basis (§3; GDPR Art. 6(1)). */
export type LawfulBasis = BasisOf<TrunkIQ>;
/** A data subject right (§9). */
export type Right = RightOf<TrunkIQ>;
/** A jurisdiction whose law retention rules rest on. */
export type Jurisdiction = JurisdictionOf<TrunkIQ>;
/** Any decision the TrunkIQ guards return. */
export type Decision = CoreDecision;
