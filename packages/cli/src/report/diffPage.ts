import type { ChangeKind, PolicyChange } from "../internal/policyDiff";
import { contextText, outcomeText } from "../internal/policyDiff";
import { html, type SafeHtml } from "./html";

const KIND: Record<ChangeKind, string> = {
  widening: "▲ widening",
  narrowing: "▼ narrowing",
  neutral: "• neutral",
};

/**
 * What the `diff` command finds between an earlier export and this declaration, widenings
 * first and highlighted (a symbol and a word as well as a colour), each with the questions it
 * moves.
 */
export function diffPage(
  before: { readonly id: string; readonly version: string },
  after: { readonly id: string; readonly version: string },
  changes: readonly PolicyChange[],
): SafeHtml {
  const order: ChangeKind[] = ["widening", "narrowing", "neutral"];
  const sorted = [...changes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const count = (kind: ChangeKind) => changes.filter((c) => c.kind === kind).length;
  const rows = sorted.map((c) => {
    const questions = c.questions ?? [];
    const moved =
      questions.length > 0
        ? html`<details><summary>${questions.length} question${questions.length === 1 ? "" : "s"} moved</summary><ul>${questions.map(
            (q) =>
              html`<li>${contextText(q)}: ${outcomeText(q.before)} → ${outcomeText(q.after)}</li>`,
          )}</ul></details>`
        : "";
    return html`<tr class="${c.kind}"><td class="kind">${KIND[c.kind]}</td><th scope="row">${c.what}</th><td>${c.detail}${moved}</td></tr>`;
  });
  return html`<p>From <code>${before.id}@${before.version}</code> to <code>${after.id}@${after.version}</code>: every question both versions' guards answer differently, classed as <code>trunkiq-policy diff</code> classes it. A widening change allows more or drops an obligation, and must be notified (§11).</p>
<p><strong>${count("widening")} widening</strong>, ${count("narrowing")} narrowing, ${count("neutral")} neutral.</p>
${
  changes.length > 0
    ? html`<table>
<caption>Changes, widening first</caption>
<thead><tr><th scope="col">kind</th><th scope="col">what</th><th scope="col">detail</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : html`<p>No change: both versions answer every question alike.</p>`
}`;
}
