import type {
  ObligationReference,
  PolicyDeclaration,
  ProhibitionDeclaration,
  RuleDeclaration,
} from "@trunkiq/policy-core";

/** What the declaration grants for one pair, read straight from its rules and prohibitions. */
export interface Grant {
  readonly basis: string;
  /** Conditions that must all hold (the rule's `when`). */
  readonly when: readonly string[];
  /** Conditions that must not hold (the rule's `unless`). */
  readonly unless: readonly string[];
  /** Conditional prohibitions that deny the pair while their conditions hold. */
  readonly prohibitedWhen: readonly { readonly id: string; readonly when: readonly string[] }[];
  readonly obligations: readonly string[];
  readonly section: string;
}

const listed = (list: readonly string[] | undefined, id: string) =>
  list === undefined || list.includes(id);

const obligationId = (ref: ObligationReference) => (typeof ref === "string" ? ref : ref.id);

function grant(
  basis: string,
  section: string,
  rule: RuleDeclaration | undefined,
  prohibitions: [string, ProhibitionDeclaration][],
): Grant | null {
  if (!rule) return null;
  // INVARIANT: an unconditional prohibition overrides every permission, so the pair is denied.
  if (prohibitions.some(([, p]) => !p.when || p.when.length === 0)) return null;
  return {
    basis,
    when: rule.when ?? [],
    unless: rule.unless ?? [],
    prohibitedWhen: prohibitions.map(([id, p]) => ({ id, when: p.when ?? [] })),
    obligations: (rule.obligations ?? []).map(obligationId),
    section: rule.section ?? section,
  };
}

/** The grant for `purpose` using `category`, or `null` when the policy never permits it. */
export function useGrant(policy: PolicyDeclaration, purpose: string, category: string) {
  const p = policy.purposes[purpose];
  if (!p) return null;
  const rule = Object.hasOwn(p.uses, category) ? p.uses[category] : undefined;
  const prohibitions = Object.entries(policy.prohibitions).filter(
    ([, x]) =>
      x.use !== undefined && listed(x.use.purposes, purpose) && listed(x.use.categories, category),
  );
  return grant(p.basis, p.section, rule, prohibitions);
}

/** The grant for sharing `category` with `recipient`, or `null` when it is never permitted. */
export function shareGrant(policy: PolicyDeclaration, category: string, recipient: string) {
  const r = policy.recipients[recipient];
  if (!r) return null;
  const rule = Object.hasOwn(r.receives, category) ? r.receives[category] : undefined;
  const prohibitions = Object.entries(policy.prohibitions).filter(
    ([, x]) =>
      x.share !== undefined &&
      listed(x.share.categories, category) &&
      listed(x.share.recipients, recipient),
  );
  return grant(r.basis, r.section, rule, prohibitions);
}

/** The whole permission matrix of a declaration. */
export interface Matrix {
  readonly policy: { readonly id: string; readonly version: string };
  readonly purposes: readonly string[];
  readonly categories: readonly string[];
  readonly recipients: readonly string[];
  /** `use[purpose][category]` */
  readonly use: Record<string, Record<string, Grant | null>>;
  /** `share[category][recipient]` */
  readonly share: Record<string, Record<string, Grant | null>>;
}

/**
 * Walks the declaration into purpose × category and category × recipient grants.
 *
 * @category Matrix
 * @example
 * buildMatrix(policy).use.marketing?.account; // { basis: "consent", when: ["consent"], … }
 */
export function buildMatrix(policy: PolicyDeclaration): Matrix {
  const purposes = Object.keys(policy.purposes);
  const categories = Object.keys(policy.categories);
  const recipients = Object.keys(policy.recipients);
  const use: Matrix["use"] = {};
  for (const p of purposes) {
    use[p] = Object.fromEntries(categories.map((c) => [c, useGrant(policy, p, c)]));
  }
  const share: Matrix["share"] = {};
  for (const c of categories) {
    share[c] = Object.fromEntries(recipients.map((r) => [r, shareGrant(policy, c, r)]));
  }
  return {
    policy: { id: policy.id, version: policy.version },
    purposes,
    categories,
    recipients,
    use,
    share,
  };
}

/** A grant as short lines for a table cell: basis first, then each condition. */
export function grantLines(policy: PolicyDeclaration, g: Grant | null): string[] {
  if (!g) return [];
  const gdpr = policy.bases[g.basis]?.gdpr;
  const lines = [gdpr ? `${g.basis} (${gdpr})` : g.basis];
  if (g.when.length) lines.push(`when ${g.when.join(" and ")}`);
  if (g.unless.length) lines.push(`unless ${g.unless.join(" or ")}`);
  for (const p of g.prohibitedWhen) lines.push(`not when ${p.when.join(" and ")} (${p.id})`);
  if (g.obligations.length) lines.push(`must ${g.obligations.join(", ")}`);
  return lines;
}
