import type { PolicyDeclaration } from "../declaration";

/** The purposes a policy declares, as a union of literal ids. */
export type PurposeOf<D extends PolicyDeclaration> = keyof D["purposes"] & string;
/** The data categories a policy declares. */
export type CategoryOf<D extends PolicyDeclaration> = keyof D["categories"] & string;
/** The recipients a policy declares. */
export type RecipientOf<D extends PolicyDeclaration> = keyof D["recipients"] & string;
/** The lawful bases a policy declares. */
export type BasisOf<D extends PolicyDeclaration> = keyof D["bases"] & string;
/** The named conditions a policy declares. */
export type ConditionOf<D extends PolicyDeclaration> = keyof D["conditions"] & string;
/** The obligations a policy declares. */
export type ObligationOf<D extends PolicyDeclaration> = keyof D["obligations"] & string;
/** The data subject rights a policy declares. */
export type RightOf<D extends PolicyDeclaration> = keyof D["rights"] & string;
/** The jurisdictions a policy's retention rules rest on. */
export type JurisdictionOf<D extends PolicyDeclaration> = D["jurisdictions"][number];
/** The context fields a policy declares (the implicit `jurisdiction` aside). */
export type FieldOf<D extends PolicyDeclaration> = keyof D["contextFields"] & string;
/** The lawful basis a purpose declares. */
export type BasisOfPurpose<
  D extends PolicyDeclaration,
  P extends PurposeOf<D>,
> = D["purposes"][P]["basis"] & BasisOf<D>;
