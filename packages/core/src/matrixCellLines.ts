import type { PolicyDeclaration } from "./declaration";
import type { MatrixCell } from "./policyMatrix";

/**
 * The wording of one {@link policyMatrix} cell, a line per part: the lawful basis (with its GDPR
 * article when declared) and the law it rests on, the conditions that must hold, those that must
 * not, each conditional prohibition with its id, the obligations, then a line for each
 * jurisdiction whose law decides otherwise (and for each further alternative there), saying
 * what it adds and under which law. A pair no context allows has no lines. Every
 * rendering of the matrix (the Markdown document, the command line's tables) words its cells
 * through this one function.
 *
 * @category Documenting
 * @example
 * matrixCellLines(policy, policyMatrix(policy).uses.marketing.account);
 * // ["consent (Art. 6(1)(a))", "when consent"]
 */
export function matrixCellLines(policy: PolicyDeclaration, cell: MatrixCell): string[] {
  if (!cell.permitted || cell.basis === null) return [];
  const basis = (id: string) => {
    const gdpr = Object.hasOwn(policy.bases, id) ? policy.bases[id]?.gdpr : undefined;
    return gdpr ? `${id} (${gdpr})` : id;
  };
  const differing = Object.keys(cell.jurisdictions);
  // The rule as declared holds where no jurisdiction's law decides otherwise.
  const elsewhere = policy.jurisdictions.filter((j) => !differing.includes(j));
  const lines: string[] = [];
  if (elsewhere.length > 0) {
    const where = differing.length > 0 ? `in ${elsewhere.join(", ")}: ` : "";
    const law = cell.law ? `, under ${cell.law.name}` : "";
    lines.push(`${where}${basis(cell.basis)}${law}`);
  }
  if (cell.when.length > 0) lines.push(`when ${cell.when.join(" and ")}`);
  if (cell.unless.length > 0) lines.push(`unless ${cell.unless.join(" or ")}`);
  for (const p of cell.prohibitions) lines.push(`not when ${p.when.join(" and ")} (${p.id})`);
  if (cell.obligations.length > 0) lines.push(`must ${cell.obligations.join(", ")}`);
  for (const [j, variant] of Object.entries(cell.jurisdictions)) {
    if (variant.denied) {
      lines.push(`in ${j}: denied, under ${variant.law}`);
      continue;
    }
    variant.alternatives.forEach((a, i) => {
      const terms = [
        a.when.length > 0 ? ` when ${a.when.join(" and ")}` : "",
        a.unless.length > 0 ? ` unless ${a.unless.join(" or ")}` : "",
        a.obligations.length > 0 ? `, must ${a.obligations.join(", ")}` : "",
        a.law ? `, under ${a.law}` : "",
      ].join("");
      lines.push(`${i === 0 ? `in ${j}` : "or"}: ${basis(a.basis)}${terms}`);
    });
  }
  return lines;
}
