import type { Ropa } from "../commands/ropa";
import { html, type SafeHtml } from "./html";
import { sectionLink } from "./layout";

/**
 * The record of processing (GDPR Art. 30(1)(a)–(g)), the `ropa` command's data as tables; ids
 * link to their row of the first jurisdiction's grid.
 */
export function ropaPage(
  r: Ropa,
  links: {
    readonly sectionIds: ReadonlyMap<string, string>;
    readonly useRow: (purpose: string) => string;
    readonly shareRow: (category: string) => string;
    readonly recipientColumn: (recipient: string) => string;
    readonly retentionRow: (category: string) => string;
  },
): SafeHtml {
  const cite = (section: string | null) =>
    section ? html` [${sectionLink(section, links.sectionIds)}]` : "";
  const list = (items: readonly string[]) =>
    items.length > 0 ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : "—";
  return html`<p>Generated from the declaration <code>${r.policy.id}@${r.policy.version}</code>, as <code>trunkiq-policy ropa</code> prints it.</p>
<h2>(a) Controller</h2>
<p>${r.controller.name}${r.controller.address.map((line) => html`<br>${line}`)}</p>
<h2>(b) Purposes of the processing</h2>
<table>
<caption>Purposes, their lawful basis and the data they use</caption>
<thead><tr><th scope="col">purpose</th><th scope="col">description</th><th scope="col">lawful basis</th><th scope="col">data categories</th><th scope="col">section</th></tr></thead>
<tbody>${r.purposes.map(
    (p) =>
      html`<tr><th scope="row"><a href="${links.useRow(p.id)}">${p.id}</a></th><td>${p.description}</td><td>${p.basis}${p.gdpr ? ` (${p.gdpr})` : ""}</td><td>${p.categories.join(", ") || "—"}</td><td>${sectionLink(p.section, links.sectionIds)}</td></tr>`,
  )}</tbody>
</table>
<h2>(c) Categories of personal data and of data subjects</h2>
<table>
<caption>Data categories and whose data they are</caption>
<thead><tr><th scope="col">category</th><th scope="col">description</th><th scope="col">data subjects</th><th scope="col">section</th></tr></thead>
<tbody>${r.categories.map(
    (c) =>
      html`<tr><th scope="row"><a href="${links.shareRow(c.id)}">${c.id}</a></th><td>${c.description}</td><td>${c.subjects.join(", ") || "—"}</td><td>${sectionLink(c.section, links.sectionIds)}</td></tr>`,
  )}</tbody>
</table>
<h2>(d) Categories of recipients</h2>
<table>
<caption>Recipients, their basis and the data they receive</caption>
<thead><tr><th scope="col">recipient</th><th scope="col">description</th><th scope="col">basis</th><th scope="col">data categories</th><th scope="col">section</th></tr></thead>
<tbody>${r.recipients.map(
    (x) =>
      html`<tr><th scope="row"><a href="${links.recipientColumn(x.id)}">${x.id}</a></th><td>${x.description}</td><td>${x.basis}</td><td>${x.categories.join(", ") || "—"}</td><td>${sectionLink(x.section, links.sectionIds)}</td></tr>`,
  )}</tbody>
</table>
<h2>(e) Transfers to third countries</h2>
<p>${r.transfers.description}${cite(r.transfers.section)}</p>
${list(r.transfers.safeguards)}
<h2>(f) Time limits for erasure</h2>
<table>
<caption>Erasure time limits by category and jurisdiction</caption>
<thead><tr><th scope="col">category</th><th scope="col">jurisdiction</th><th scope="col">time limit</th><th scope="col">basis</th><th scope="col">law</th><th scope="col">section</th></tr></thead>
<tbody>${r.erasure.map(
    (e) =>
      html`<tr><th scope="row"><a href="${links.retentionRow(e.category)}">${e.category}</a></th><td>${e.jurisdiction}</td><td>${e.limit}</td><td>${e.basis}</td><td>${e.law}</td><td>${sectionLink(e.section, links.sectionIds)}</td></tr>`,
  )}</tbody>
</table>
<h2>(g) Technical and organisational security measures</h2>
<p>${r.security.description}${cite(r.security.section)}</p>
${list(r.security.measures)}`;
}
