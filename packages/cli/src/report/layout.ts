import { html, type SafeHtml, trusted } from "./html";

/** The pages of a report: file name and the title its navigation shows. */
export const PAGES = {
  index: { file: "index.html", title: "Overview" },
  matrix: { file: "matrix.html", title: "Use and share matrices" },
  retention: { file: "retention.html", title: "Retention schedule" },
  trace: { file: "trace.html", title: "Policy trace" },
  ropa: { file: "ropa.html", title: "Record of processing" },
  diff: { file: "diff.html", title: "Changes since the earlier version" },
} as const;

export type PageName = keyof typeof PAGES;

// Colours pass WCAG AA contrast; every state also reads as a symbol and a word.
const STYLE = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #4a4a4a; --line: #c7c7c7;
  --allowed: #e3f3e6; --allowed-fg: #0d4a1e; --conditional: #fff1c2; --conditional-fg: #4d3800;
  --denied: #f2f2f2; --denied-fg: #3d3d3d; --widening: #fde2e4; --widening-fg: #7a0b16;
  --narrowing: #e3f0fb; --narrowing-fg: #0b3a66; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; }
header, main, footer { padding: 0 1.5rem; }
header { border-bottom: 1px solid var(--line); background: #fafafa; }
header p { margin: .25rem 0 .75rem; color: var(--muted); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: .5rem 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
a { color: #0645ad; }
a:focus-visible, summary:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
h1 { font-size: 1.5rem; margin: .75rem 0 0; }
h2 { margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; caption-side: top; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; position: sticky; top: 0; z-index: 2; }
.grid th[scope="col"]:not(:first-child) { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; }
.grid th[scope="row"] { white-space: nowrap; background: #f7f7f7; }
.scroll { overflow-x: auto; }
.cell { position: relative; min-width: 6.5rem; padding: 0; }
.cell summary { cursor: pointer; padding: .3rem .45rem; list-style: none; }
.cell summary::-webkit-details-marker { display: none; }
.cell .basis { display: block; font-size: .8rem; }
.allowed { background: var(--allowed); color: var(--allowed-fg); }
.conditional { background: var(--conditional); color: var(--conditional-fg); }
.denied { background: var(--denied); color: var(--denied-fg); }
.panel { position: absolute; z-index: 5; left: 0; top: 100%; width: 26rem; max-width: 80vw;
  background: #fff; color: var(--fg); border: 1px solid #777; box-shadow: 0 4px 14px rgba(0,0,0,.2);
  padding: .5rem .75rem; font-size: .85rem; }
.panel h3 { font-size: .9rem; margin: .25rem 0; }
.panel dl { margin: 0; }
.panel dt { font-weight: 600; margin-top: .35rem; }
.panel dd { margin: 0 0 0 .75rem; }
blockquote { margin: .2rem 0 .2rem .5rem; padding-left: .5rem; border-left: 3px solid var(--line); font-style: italic; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; padding: 0; list-style: none; }
.legend li { padding: .15rem .5rem; border: 1px solid var(--line); }
.timeline { width: 22rem; }
.track { position: relative; height: 1.1rem; border: 1px solid var(--line);
  background-color: #f5f5f5; background-image: linear-gradient(to right, transparent calc(100% - 1px), #b5b5b5 calc(100% - 1px)); }
.bar { position: absolute; left: 0; top: 0; bottom: 0; background: #5b7db1; }
.mark { position: absolute; top: -3px; bottom: -3px; width: 3px; background: #1b1b1b; }
.mark.max { background: #7a0b16; }
tr.widening { background: var(--widening); color: var(--widening-fg); }
tr.narrowing { background: var(--narrowing); color: var(--narrowing-fg); }
.kind { white-space: nowrap; font-weight: 700; }
.sentence { margin: .5rem 0; }
.sentence ul { margin: .2rem 0; }
.untraced { color: var(--muted); }
`;

// Opening one cell's details closes the others; Escape closes it and returns to its summary.
const SCRIPT = `
document.addEventListener("toggle", function (e) {
  var d = e.target;
  if (!(d instanceof HTMLDetailsElement) || !d.open || !d.closest(".cell")) return;
  document.querySelectorAll(".cell details[open]").forEach(function (o) { if (o !== d) o.open = false; });
}, true);
document.addEventListener("keydown", function (e) {
  if (e.key !== "Escape") return;
  var open = document.querySelector(".cell details[open]");
  if (!open) return;
  open.open = false;
  var s = open.querySelector("summary");
  if (s) s.focus();
});
`;

/** A whole page: the shared head, styles and script, the navigation, and `body`. */
export function page(
  current: PageName,
  policy: { readonly title: string; readonly id: string; readonly version: string },
  pages: readonly PageName[],
  body: SafeHtml,
): string {
  const { title } = PAGES[current];
  const nav = pages.map(
    (name) =>
      html`<li><a href="${PAGES[name].file}"${name === current ? html` aria-current="page"` : ""}>${PAGES[name].title}</a></li>`,
  );
  return `<!DOCTYPE html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}: ${policy.title} (${policy.version})</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p>${policy.title}, declaration <code>${policy.id}@${policy.version}</code></p>
<nav aria-label="Report pages"><ul>${nav}</ul></nav>
</header>
<main>
${body}
</main>
<footer><p>Generated by <code>trunkiq-policy report</code> from the declaration; every cell is the guards' own answer.</p></footer>
<script>${trusted(SCRIPT)}</script>
</body>
</html>`}\n`;
}

/** A link to a section of the policy trace. */
export const sectionLink = (section: string, sectionIds: ReadonlyMap<string, string>) => {
  const id = sectionIds.get(section);
  return id ? html`<a href="${PAGES.trace.file}#${id}">${section}</a>` : html`${section}`;
};
