import {
  type MatrixCell,
  type MatrixVariant,
  type PolicyDeclaration,
  policyMatrix,
} from "@trunkiq/policy-core";

/** What the declaration grants for one pair, read from core's `policyMatrix`. */
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
  /** The law the basis rests on and the jurisdictions it binds, where the policy names one. */
  readonly law: MatrixCell["law"];
  /** Jurisdictions whose law decides the pair otherwise, each as it decides. */
  readonly jurisdictions: Readonly<Record<string, MatrixVariant>>;
}

// INVARIANT: a cell is permitted exactly when a rule exists and no unconditional prohibition
// matches; the CLI shows every other cell as denied.
const grant = (cell: MatrixCell | undefined): Grant | null =>
  cell?.permitted && cell.basis !== null
    ? {
        basis: cell.basis,
        when: cell.when,
        unless: cell.unless,
        prohibitedWhen: cell.prohibitions,
        obligations: cell.obligations,
        section: cell.section,
        law: cell.law,
        jurisdictions: cell.jurisdictions,
      }
    : null;

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
  const m = policyMatrix(policy);
  const { purposes, categories, recipients } = m;
  const use: Matrix["use"] = {};
  for (const p of purposes) {
    use[p] = Object.fromEntries(categories.map((c) => [c, grant(m.uses[p]?.[c])]));
  }
  const share: Matrix["share"] = {};
  for (const c of categories) {
    share[c] = Object.fromEntries(recipients.map((r) => [r, grant(m.shares[c]?.[r])]));
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
