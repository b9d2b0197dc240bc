import type { PolicyDeclaration } from "@trunkiq/policy-core";
import type { PolicyChange } from "../internal/policyDiff";
import { anchorId, html, type SafeHtml } from "./html";
import type { JurisdictionGrid } from "./jurisdictionGrid";
import { PAGES } from "./layout";
import { gridId } from "./matrixPage";
import type { TracedSection } from "./policyTrace";
import type { RetentionBar } from "./retentionTimeline";

/** The overview: what each page holds, with counts a reviewer can hold the pages against. */
export function indexPage(
  policy: PolicyDeclaration,
  parts: {
    readonly grids: readonly JurisdictionGrid[];
    readonly bars: readonly RetentionBar[];
    readonly trace: readonly TracedSection[];
    readonly changes: readonly PolicyChange[] | null;
    readonly hasText: boolean;
  },
): SafeHtml {
  const gridRows = parts.grids.map((g) => {
    const cells = g.rows.flatMap((r) => g.columns.map((c) => g.cells[r]?.[c]));
    const n = (state: string) => cells.filter((c) => c?.state === state).length;
    return html`<tr><th scope="row"><a href="${PAGES.matrix.file}#${gridId(g)}">${g.question} in ${g.jurisdiction}</a></th><td>✓ ${n("allowed")}</td><td>◐ ${n("conditional")}</td><td>✗ ${n("denied")}</td></tr>`;
  });
  const sentences = parts.trace.flatMap((s) => s.sentences);
  const quoted = sentences.filter((s) => s.declarations.length > 0).length;
  const widening = parts.changes?.filter((c) => c.kind === "widening").length ?? 0;
  return html`<p>A review copy of ${policy.title} (version ${policy.version}), generated from its declaration. Every cell of the matrices and every retention period is the guards' own answer, so what you read here is what services enforce.</p>
<h2>Pages</h2>
<ul>
<li><a href="${PAGES.matrix.file}">${PAGES.matrix.title}</a>: purpose × data category and data category × recipient in each jurisdiction (${policy.jurisdictions.join(", ")}).</li>
<li><a href="${PAGES.retention.file}">${PAGES.retention.title}</a>: ${parts.bars.length} retention periods as timelines by category and jurisdiction.</li>
<li><a href="${PAGES.trace.file}">${PAGES.trace.title}</a>: ${parts.hasText ? `${sentences.length} sentences of the policy text, ${quoted} quoted by a declaration` : "the declarations by section (the policy text was not available)"}.</li>
<li><a href="${PAGES.ropa.file}">${PAGES.ropa.title}</a>: GDPR Art. 30(1)(a)–(g).</li>
${parts.changes && html`<li><a href="${PAGES.diff.file}">${PAGES.diff.title}</a>: ${widening} widening change${widening === 1 ? "" : "s"}, ${parts.changes.length} in all.</li>`}
</ul>
<table id="${anchorId("summary")}">
<caption>Answers per grid, counted by cell</caption>
<thead><tr><th scope="col">grid</th><th scope="col">allowed</th><th scope="col">conditional</th><th scope="col">denied</th></tr></thead>
<tbody>${gridRows}</tbody>
</table>`;
}
