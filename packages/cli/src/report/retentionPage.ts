import { anchorId, html, type SafeHtml } from "./html";
import { sectionLink } from "./layout";
import type { RetentionBar } from "./retentionTimeline";

const percent = (days: number, scale: number) => `${((100 * days) / scale).toFixed(2)}%`;

/** The id of a category's row group on the retention page. */
export const retentionId = (category: string) => anchorId("retention", category);

/**
 * The retention schedule as one timeline per category and jurisdiction: a bar as long as the
 * period from its anchor, marks at the declared minimum and maximum, and the same in words.
 */
export function retentionPage(
  bars: readonly RetentionBar[],
  sectionIds: ReadonlyMap<string, string>,
): SafeHtml {
  const scale = Math.max(1, ...bars.flatMap((b) => [b.days, b.maximum?.days ?? 0]));
  const years = Math.floor(scale / 365.2425);
  const categories = [...new Set(bars.map((b) => b.category))];
  const rows = categories.map((category) => {
    const own = bars.filter((b) => b.category === category);
    return own.map((b, i) => {
      const marks = [
        b.minimum &&
          html`<span class="mark" style="left: ${percent(b.minimum.days, scale)}"></span>`,
        b.maximum &&
          html`<span class="mark max" style="left: ${percent(b.maximum.days, scale)}"></span>`,
      ];
      const limits = [
        b.minimum && `at least ${b.minimum.text}`,
        b.maximum && `at most ${b.maximum.text}`,
      ].filter(Boolean);
      return html`<tr>
${i === 0 && html`<th scope="rowgroup" rowspan="${own.length}" id="${retentionId(category)}">${category}</th>`}
<th scope="row">${b.jurisdiction}</th>
<td>${b.days === 0 ? "✗ " : ""}${b.kept}${b.days > 0 ? ` (${b.days} days)` : ""}${limits.length > 0 && html`<br><small>${limits.join("; ")}</small>`}</td>
<td class="timeline"><div class="track" aria-hidden="true" style="background-size: ${percent(365.2425, scale)} 100%"><span class="bar" style="width: ${percent(b.days, scale)}"></span>${marks}</div></td>
<td>${b.basis}: ${b.law} [${sectionLink(b.section, sectionIds)}]<blockquote>${b.text}</blockquote></td>
</tr>`;
    });
  });
  return html`<p>How long each category is kept in each jurisdiction, as the guards apply the schedule. Each bar starts at the period's anchor (collection, or the end of the relationship); the whole width is ${scale} days (about ${years} years), the longest period or maximum declared, with a tick for every year. A black mark is the shortest period the cited law allows, a red one the longest storage limitation allows.</p>
<table>
<caption>Retention schedule by data category and jurisdiction</caption>
<thead><tr><th scope="col">data category</th><th scope="col">jurisdiction</th><th scope="col">kept</th><th scope="col">timeline</th><th scope="col">basis, law and policy sentence</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}
