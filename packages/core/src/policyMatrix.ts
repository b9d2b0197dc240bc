import type { PolicyDeclaration, ProhibitionDeclaration, RuleDeclaration } from "./declaration";
import { matrixCellLines } from "./matrixCellLines";

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

function cell(
  rule: RuleDeclaration | undefined,
  basis: string,
  section: string,
  prohibitions: readonly [string, ProhibitionDeclaration][],
): MatrixCell {
  const matching = prohibitions.map(([id, p]) => ({ id, when: [...(p.when ?? [])] }));
  const banned = matching.some((p) => p.when.length === 0);
  const permitted = rule !== undefined && !banned;
  return {
    permitted,
    basis: permitted ? basis : null,
    when: [...(rule?.when ?? [])],
    unless: [...(rule?.unless ?? [])],
    obligations: (rule?.obligations ?? []).map((o) => (typeof o === "string" ? o : o.id)),
    prohibitions: matching,
    section: rule?.section ?? section,
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
      uses[p][c] = cell(rule, purpose.basis, purpose.section, matching);
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
      shares[c][r] = cell(rule, recipient.basis, recipient.section, matching);
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
    "Each cell gives the lawful basis, the conditions that must and must not hold, the prohibitions that apply under conditions, and the obligations; — means no context ever allows it.",
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
