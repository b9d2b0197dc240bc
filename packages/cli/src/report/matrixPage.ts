import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { questionText } from "@trunkiq/policy-core/engine";
import { anchorId, html, type SafeHtml } from "./html";
import type { CellState, GridCell, JurisdictionGrid } from "./jurisdictionGrid";
import { sectionLink } from "./layout";

const STATE: Record<CellState, { symbol: string; word: string }> = {
  allowed: { symbol: "✓", word: "allowed" },
  conditional: { symbol: "◐", word: "conditional" },
  denied: { symbol: "✗", word: "denied" },
};

/** The id of a grid's table, of one of its rows and of one of its cells. */
export const gridId = (g: Pick<JurisdictionGrid, "question" | "jurisdiction">) =>
  anchorId(g.question, g.jurisdiction);
export const rowId = (g: Pick<JurisdictionGrid, "question" | "jurisdiction">, row: string) =>
  anchorId(g.question, g.jurisdiction, "row", row);
export const columnId = (g: Pick<JurisdictionGrid, "question" | "jurisdiction">, column: string) =>
  anchorId(g.question, g.jurisdiction, "column", column);
export const cellId = (g: JurisdictionGrid, row: string, column: string) =>
  anchorId(g.question, g.jurisdiction, row, column);

/** The pair as the guards word it: `"marketing" using "account"`, `sharing "account" with "authority"`. */
const pairText = (g: JurisdictionGrid, c: GridCell) =>
  g.question === "use"
    ? questionText("use", c.row, c.column)
    : questionText("share", c.column, c.row);

function answerText(c: GridCell) {
  if (c.state === "allowed") return "allowed in every context";
  if (c.state === "denied") return "denied in every context";
  return `allowed in ${c.allowedIn} of the ${c.contexts} combinations of the context values it depends on`;
}

function basisText(policy: PolicyDeclaration, basis: string) {
  const gdpr = Object.hasOwn(policy.bases, basis) ? policy.bases[basis]?.gdpr : undefined;
  return gdpr ? `${basis} (${gdpr})` : basis;
}

/** One line for a cell's hover title: state, basis and when. */
function hoverText(policy: PolicyDeclaration, g: JurisdictionGrid, c: GridCell) {
  const parts = [`${pairText(g, c)} in ${g.jurisdiction}: ${STATE[c.state].word}`];
  if (c.bases.length > 0) parts.push(`on ${c.bases.map((b) => basisText(policy, b)).join(", ")}`);
  if (c.state === "conditional") parts.push(`when ${c.allowedWhen.join(" or ")}`);
  if (c.obligations.length > 0) parts.push(`must ${c.obligations.map((o) => o.id).join(", ")}`);
  return parts.join("; ");
}

function reasonItems(
  reasons: GridCell["grants"],
  sectionIds: ReadonlyMap<string, string>,
): SafeHtml[] {
  return reasons.map(
    (r) =>
      html`<li>${r.message} [${sectionLink(r.section, sectionIds)}]<blockquote>${r.text}</blockquote></li>`,
  );
}

function cellPanel(
  policy: PolicyDeclaration,
  g: JurisdictionGrid,
  c: GridCell,
  sectionIds: ReadonlyMap<string, string>,
): SafeHtml {
  const obligations = c.obligations.map(
    (o) =>
      html`<li><strong>${o.id}</strong>${o.always ? "" : " (in some contexts)"}: ${o.message} [${sectionLink(o.section, sectionIds)}]</li>`,
  );
  return html`<div class="panel">
<h3>${pairText(g, c)} (${g.jurisdiction})</h3>
<dl>
<dt>Answer</dt><dd>${STATE[c.state].symbol} ${answerText(c)}</dd>
${c.bases.length > 0 && html`<dt>Basis</dt><dd>${c.bases.map((b) => basisText(policy, b)).join(", ")}</dd>`}
${c.allowedWhen.length > 0 && html`<dt>Allowed when</dt><dd><ul>${c.allowedWhen.map((w) => html`<li>${w}</li>`)}</ul></dd>`}
${obligations.length > 0 && html`<dt>Obligations</dt><dd><ul>${obligations}</ul></dd>`}
${c.grants.length > 0 && html`<dt>Granted by</dt><dd><ul>${reasonItems(c.grants, sectionIds)}</ul></dd>`}
${c.denials.length > 0 && html`<dt>${c.state === "denied" ? "Denied because" : "Otherwise denied because"}</dt><dd><ul>${reasonItems(c.denials, sectionIds)}</ul></dd>`}
${c.declared.length > 0 && html`<dt>As declared (all jurisdictions)</dt><dd><ul>${c.declared.map((l) => html`<li>${l}</li>`)}</ul></dd>`}
</dl>
</div>`;
}

function gridTable(
  policy: PolicyDeclaration,
  g: JurisdictionGrid,
  sectionIds: ReadonlyMap<string, string>,
): SafeHtml {
  const [corner, caption] =
    g.question === "use"
      ? ["purpose \\ data category", `Use in ${g.jurisdiction}: purpose × data category`]
      : ["data category \\ recipient", `Share in ${g.jurisdiction}: data category × recipient`];
  const rows = g.rows.map((row) => {
    const cells = g.columns.map((column) => {
      const c = g.cells[row]?.[column] as GridCell;
      const s = STATE[c.state];
      return html`<td class="cell ${c.state}"><details id="${cellId(g, row, column)}"><summary title="${hoverText(policy, g, c)}"><span>${s.symbol} ${s.word}</span>${c.bases.length > 0 && html`<span class="basis">${c.bases.join(", ")}${c.obligations.length > 0 ? " +" : ""}</span>`}</summary>${cellPanel(policy, g, c, sectionIds)}</details></td>`;
    });
    return html`<tr><th scope="row" id="${rowId(g, row)}">${row}</th>${cells}</tr>`;
  });
  return html`<div class="scroll"><table class="grid" id="${gridId(g)}">
<caption>${caption}</caption>
<thead><tr><th scope="col">${corner}</th>${g.columns.map((c) => html`<th scope="col" id="${columnId(g, c)}">${c}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/**
 * The use and share grids of every jurisdiction: each cell a button-like summary (symbol and
 * word, never colour alone) that opens its basis, conditions, obligations and quoted sentences.
 */
export function matrixPage(
  policy: PolicyDeclaration,
  grids: readonly JurisdictionGrid[],
  sectionIds: ReadonlyMap<string, string>,
): SafeHtml {
  const jurisdictions = [...new Set(grids.map((g) => g.jurisdiction))];
  const legend = html`<ul class="legend" aria-label="Legend">
<li class="allowed">✓ allowed in every context</li>
<li class="conditional">◐ allowed in some contexts</li>
<li class="denied">✗ denied in every context</li>
<li>+ obligations apply</li>
</ul>`;
  const fields = Object.entries(policy.contextFields).map(
    ([name, f]) => html`<li><code>${name}</code>: ${f.description}</li>`,
  );
  const sections = jurisdictions.map(
    (j) => html`<section aria-labelledby="${anchorId("jurisdiction", j)}">
<h2 id="${anchorId("jurisdiction", j)}">Jurisdiction ${j}</h2>
${grids.filter((g) => g.jurisdiction === j).map((g) => gridTable(policy, g, sectionIds))}
</section>`,
  );
  return html`<p>Every pair asked of the guards in every combination of the values of the context fields it can depend on, with <code>jurisdiction</code> set. Open a cell (click, or Tab to it and press Enter) for its basis, the contexts that allow it, its obligations and the sentences of the policy it rests on; Escape closes it.</p>
${legend}
<nav aria-label="Jurisdictions"><ul>${jurisdictions.map((j) => html`<li><a href="#${anchorId("jurisdiction", j)}">${j}</a></li>`)}</ul></nav>
<details><summary>Context fields</summary><ul>${fields}</ul></details>
${sections}`;
}
