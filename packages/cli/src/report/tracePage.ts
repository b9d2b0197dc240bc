import { html, type SafeHtml } from "./html";
import type { TracedSection } from "./policyTrace";

/**
 * The policy sentence by sentence, each with the declarations that quote it, then per section
 * the declarations that cite it in other words.
 */
export function tracePage(
  sections: readonly TracedSection[],
  sectionIds: ReadonlyMap<string, string>,
  hasText: boolean,
): SafeHtml {
  const body = sections.map((s) => {
    const id = sectionIds.get(s.section);
    const title = html`${s.section}${s.heading ? html` ${s.heading}` : hasText ? " (not in the policy text)" : ""}`;
    const sentences =
      s.sentences.length > 0 &&
      html`<table>
<caption>Sentences of ${s.section} and the declarations that quote them</caption>
<thead><tr><th scope="col">sentence</th><th scope="col">quoted by</th></tr></thead>
<tbody>${s.sentences.map(
        (t) =>
          html`<tr><td>${t.sentence}</td><td>${
            t.declarations.length > 0
              ? html`<ul>${t.declarations.map((d) => html`<li><code>${d.what}</code></li>`)}</ul>`
              : html`<span class="untraced">— no declaration quotes it word for word</span>`
          }</td></tr>`,
      )}</tbody>
</table>`;
    const paraphrased =
      s.paraphrased.length > 0 &&
      html`<table>
<caption>Declarations citing ${s.section}${s.sentences.length > 0 ? " in other words" : ""}</caption>
<thead><tr><th scope="col">declaration</th><th scope="col">quoted sentence</th></tr></thead>
<tbody>${s.paraphrased.map((d) => html`<tr><th scope="row"><code>${d.what}</code></th><td>${d.text}</td></tr>`)}</tbody>
</table>`;
    return html`<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${sentences}
${paraphrased}
</section>`;
  });
  const intro = hasText
    ? "Every sentence of the policy text, with the declarations whose quoted sentence it is; then, per section, the declarations that cite the section in other words."
    : "The policy text is not available: every declaration with its section and quoted sentence, grouped by section.";
  return html`<p>${intro}</p>${body}`;
}
