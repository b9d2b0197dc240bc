import type { PolicyDeclaration } from "./declaration";
import type { MatrixCell } from "./policyMatrix";

/**
 * The wording of one {@link policyMatrix} cell, a line per part: the lawful basis (with its GDPR
 * article when declared), the conditions that must hold, those that must not, each conditional
 * prohibition with its id, and the obligations. A pair no context allows has no lines. Every
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
  const gdpr = Object.hasOwn(policy.bases, cell.basis) ? policy.bases[cell.basis]?.gdpr : undefined;
  const lines = [gdpr ? `${cell.basis} (${gdpr})` : cell.basis];
  if (cell.when.length > 0) lines.push(`when ${cell.when.join(" and ")}`);
  if (cell.unless.length > 0) lines.push(`unless ${cell.unless.join(" or ")}`);
  for (const p of cell.prohibitions) lines.push(`not when ${p.when.join(" and ")} (${p.id})`);
  if (cell.obligations.length > 0) lines.push(`must ${cell.obligations.join(", ")}`);
  return lines;
}
