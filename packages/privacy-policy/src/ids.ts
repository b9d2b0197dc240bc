import type {
  BasisOf,
  CategoryOf,
  Decision as CoreDecision,
  JurisdictionOf,
  PurposeOf,
  RecipientOf,
  RightOf,
} from "@trunkiq/policy-core";
import type { TrunkiqPolicy as TrunkIQ } from "./policy";

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
