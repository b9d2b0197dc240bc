import type { PolicyDeclaration, ProhibitionDeclaration, RuleDeclaration } from "./declaration";
import { type Actor, ruleIn, variantIn } from "./internal/jurisdictionRules";
import { matrixCellLines } from "./matrixCellLines";

/** One way a pair may be allowed in a jurisdiction: on `basis`, under `law`, when conditions hold. */
export interface MatrixAlternative {
  readonly basis: string;
  readonly law: string | null;
  readonly when: readonly string[];
  readonly unless: readonly string[];
  readonly obligations: readonly string[];
}

/** How a jurisdiction whose law differs decides a pair: denied, or allowed by an alternative. */
export type MatrixVariant =
  | { readonly denied: true; readonly law: string; readonly section: string }
  | {
      readonly denied: false;
      readonly alternatives: readonly MatrixAlternative[];
      readonly section: string;
    };

/** One cell of the matrix: whether and on what conditions a pair is permitted. */
export interface MatrixCell {
  /** `true` when some context allows the pair: a rule exists and no unconditional prohibition. */
  readonly permitted: boolean;
  /** The lawful basis the pair rests on when permitted. */
  readonly basis: string | null;
  /** Conditions that must all hold. */
  readonly when: readonly string[];
  /** Conditions that must not hold. */
  readonly unless: readonly string[];
  /** Obligations that come with an allowance. */
  readonly obligations: readonly string[];
  /** Prohibitions that match the pair: unconditional ones empty the cell, others add conditions. */
  readonly prohibitions: readonly { readonly id: string; readonly when: readonly string[] }[];
  /** The section that grants or, failing that, refuses the pair. */
  readonly section: string;
  /** The law the basis rests on, and the jurisdictions it binds, where the policy names one. */
  readonly law: { readonly name: string; readonly binds: readonly string[] } | null;
  /** The jurisdictions whose law decides the pair otherwise, each as it decides. */
  readonly jurisdictions: Readonly<Record<string, MatrixVariant>>;
}

/** The purpose × category and category × recipient tables of a policy. */
export interface PolicyMatrix {
  readonly purposes: readonly string[];
  readonly categories: readonly string[];
  readonly recipients: readonly string[];
  /** `uses[purpose][category]` */
  readonly uses: Readonly<Record<string, Readonly<Record<string, MatrixCell>>>>;
  /** `shares[category][recipient]` */
  readonly shares: Readonly<Record<string, Readonly<Record<string, MatrixCell>>>>;
}

const obligationIds = (list: readonly (string | { readonly id: string })[]) => [
  ...new Set(list.map((o) => (typeof o === "string" ? o : o.id))),
];

function cell(
  policy: PolicyDeclaration,
  rule: RuleDeclaration | undefined,
  actor: Actor,
  prohibitions: readonly [string, ProhibitionDeclaration][],
): MatrixCell {
  const matching = prohibitions.map(([id, p]) => ({ id, when: [...(p.when ?? [])] }));
  const banned = matching.some((p) => p.when.length === 0);
  const jurisdictions: Record<string, MatrixVariant> = {};
  for (const j of rule ? policy.jurisdictions : []) {
    if (!rule || variantIn(actor, rule, j) === undefined) continue;
    const decided = ruleIn(actor, rule, j);
    jurisdictions[j] = decided.denied
      ? { denied: true, law: decided.law, section: decided.section }
      : {
          denied: false,
          section: decided.alternatives[0]?.section ?? actor.section,
          alternatives: decided.alternatives.map((a) => ({
            basis: a.basis,
            law: a.law,
            // What the variant adds to the rule's own conditions and obligations.
            when: a.when.slice(rule.when?.length ?? 0),
            unless: a.unless.slice(rule.unless?.length ?? 0),
            obligations: obligationIds(a.obligations.slice(rule.obligations?.length ?? 0)),
          })),
        };
  }
  const permitted =
    rule !== undefined &&
    !banned &&
    (Object.keys(jurisdictions).length < policy.jurisdictions.length ||
      Object.values(jurisdictions).some((v) => !v.denied));
  return {
    permitted,
    basis: permitted ? actor.basis : null,
    when: [...(rule?.when ?? [])],
    unless: [...(rule?.unless ?? [])],
    obligations: obligationIds(rule?.obligations ?? []),
    prohibitions: matching,
    section: rule?.section ?? actor.section,
    law: actor.law ? { name: actor.law.name, binds: [...actor.law.binds] } : null,
    jurisdictions,
  };
}

const listed = (list: readonly string[] | undefined, id: string) =>
  list === undefined || list.includes(id);

/**
 * The policy as two tables, derived from the declaration: who may use what, and who may receive
 * what, each cell with its basis, conditions, obligations and matching prohibitions.
 *
 * @category Documenting
 * @example
 * const m = policyMatrix(policy);
 * m.uses.marketing?.account; // { permitted: true, basis: "consent", when: ["consent"], … }
 */
export function policyMatrix(policy: PolicyDeclaration): PolicyMatrix {
  const purposes = Object.keys(policy.purposes);
  const categories = Object.keys(policy.categories);
  const recipients = Object.keys(policy.recipients);
  const prohibitions = Object.entries(policy.prohibitions);
  const uses: Record<string, Record<string, MatrixCell>> = {};
  for (const [p, purpose] of Object.entries(policy.purposes)) {
    uses[p] = {};
    for (const c of categories) {
      const rule = Object.hasOwn(purpose.uses, c) ? purpose.uses[c] : undefined;
      const matching = prohibitions.filter(
        ([, x]) => x.use && listed(x.use.purposes, p) && listed(x.use.categories, c),
      );
      uses[p][c] = cell(policy, rule, purpose, matching);
    }
  }
  const shares: Record<string, Record<string, MatrixCell>> = {};
  for (const c of categories) {
    shares[c] = {};
    for (const [r, recipient] of Object.entries(policy.recipients)) {
      const rule = Object.hasOwn(recipient.receives, c) ? recipient.receives[c] : undefined;
      const matching = prohibitions.filter(
        ([, x]) => x.share && listed(x.share.categories, c) && listed(x.share.recipients, r),
      );
      shares[c][r] = cell(policy, rule, recipient, matching);
    }
  }
  return { purposes, categories, recipients, uses, shares };
}

// A Markdown cell: the lines of matrixCellLines, or a dash for a pair no context allows.
function markdownCell(policy: PolicyDeclaration, c: MatrixCell): string {
  const lines = matrixCellLines(policy, c).map((line) => line.replaceAll("|", "\\|"));
  return lines.length > 0 ? lines.join("<br>") : "—";
}

/**
 * Renders {@link policyMatrix} as Markdown: purpose × category with each cell worded by
 * {@link matrixCellLines}, then category × recipient. A dash marks a pair no context allows.
 *
 * @category Documenting
 * @example
 * writeFileSync("docs/policy-matrix.md", renderPolicyMatrix(policy));
 */
export function renderPolicyMatrix(policy: PolicyDeclaration): string {
  const m = policyMatrix(policy);
  const table = (
    rows: readonly string[],
    cols: readonly string[],
    get: (r: string, c: string) => MatrixCell,
  ) => [
    `| | ${cols.join(" | ")} |`,
    `|---|${cols.map(() => "---").join("|")}|`,
    ...rows.map(
      (r) => `| **${r}** | ${cols.map((c) => markdownCell(policy, get(r, c))).join(" | ")} |`,
    ),
  ];
  const lines = [
    `<!-- Generated from the ${policy.id} declaration by renderPolicyMatrix: do not edit by hand. -->`,
    `# ${policy.title}: policy matrix (version ${policy.version})`,
    "",
    `## Purposes × data categories (${policy.scopes.use.section})`,
    "",
    "Each cell gives the lawful basis and the law it rests on, the conditions that must and must not hold, the prohibitions that apply under conditions, and the obligations; then each jurisdiction whose law decides otherwise, as it decides; — means no context ever allows it.",
    "",
    ...table(m.purposes, m.categories, (p, c) => m.uses[p]?.[c] as MatrixCell),
    "",
    `## Data categories × recipients (${policy.scopes.share.section})`,
    "",
    ...table(m.categories, m.recipients, (c, r) => m.shares[c]?.[r] as MatrixCell),
    "",
  ];
  return lines.join("\n");
}
