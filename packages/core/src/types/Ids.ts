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
// The bases a jurisdiction's variants name, beside the actor's own.
type VariantBases<X> = X extends { readonly jurisdictions?: infer V }
  ? V extends object
    ? V[keyof V] extends infer Variant
      ? Variant extends readonly (infer A)[]
        ? A extends { readonly basis?: infer B }
          ? B
          : never
        : Variant extends { readonly basis?: infer B }
          ? B
          : never
      : never
    : never
  : never;

type ActorBases<A> = A extends { readonly basis: infer B }
  ?
      | B
      | VariantBases<A>
      | (A extends { readonly uses: infer Rules }
          ? VariantBases<Rules[keyof Rules]>
          : A extends { readonly receives: infer Rules }
            ? VariantBases<Rules[keyof Rules]>
            : never)
  : never;

/** The lawful bases a purpose's uses rest on: its own, and those its jurisdictions' variants name. */
export type BasisOfPurpose<D extends PolicyDeclaration, P extends PurposeOf<D>> = ActorBases<
  D["purposes"][P]
> &
  BasisOf<D>;

/** The lawful bases disclosures to a recipient rest on, like {@link BasisOfPurpose}. */
export type BasisOfRecipient<D extends PolicyDeclaration, R extends RecipientOf<D>> = ActorBases<
  D["recipients"][R]
> &
  BasisOf<D>;
