import type { PolicyDeclaration } from "@trunkiq/policy-core";

/** The data subject rights the engine decides, by their GDPR ids (Arts. 15–21). */
export const gdprRights = /* @__PURE__ */ Object.freeze([
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "portability",
] as const);
export type GdprRight = (typeof gdprRights)[number];

/** The GDPR article that grants each right. */
export const gdprArticles: Readonly<Record<GdprRight, string>> = /* @__PURE__ */ Object.freeze({
  access: "Art. 15",
  rectification: "Art. 16",
  erasure: "Art. 17",
  restriction: "Art. 18",
  objection: "Art. 21",
  portability: "Art. 20",
});

/** `true` when the rights guards know the GDPR semantics of `right`. */
export const isGdprRight = (right: string): right is GdprRight =>
  (gdprRights as readonly string[]).includes(right);

/** What a lawful basis is, as far as the rights care: portability and objection depend on it. */
export type BasisKind =
  | "consent"
  | "contract"
  | "legal-obligation"
  | "legitimate-interest"
  | "other";

const gdprBasis: Readonly<Record<string, BasisKind>> = /* @__PURE__ */ Object.freeze({
  "Art. 6(1)(a)": "consent",
  "Art. 6(1)(b)": "contract",
  "Art. 6(1)(c)": "legal-obligation",
  "Art. 6(1)(f)": "legitimate-interest",
});

/** A basis's kind from its GDPR provision, or from its id when the declaration names none. */
export function basisKind(policy: PolicyDeclaration, basis: string): BasisKind {
  const gdpr = Object.hasOwn(policy.bases, basis) ? policy.bases[basis]?.gdpr : undefined;
  if (gdpr !== undefined)
    return (Object.hasOwn(gdprBasis, gdpr) ? gdprBasis[gdpr] : undefined) ?? "other";
  return (
    (["consent", "contract", "legal-obligation", "legitimate-interest"] as const).find(
      (k) => k === basis,
    ) ?? "other"
  );
}
