/** A link of a Markdown text: where it points and the line it is on. */
export interface Link {
  readonly target: string;
  readonly line: number;
}

// Inline links and images `[text](target "title")`, reference definitions `[id]: target`, and
// the href/src of inline HTML.
const INLINE = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/;
const HTML = /\s(?:href|src)\s*=\s*["']([^"']+)["']/g;

/** Every link of a Markdown text, outside code blocks and inline code. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  let fence: string | undefined;
  markdown.split("\n").forEach((raw, index) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (open) {
      const marker = open[1] as string;
      if (fence === undefined) fence = marker;
      else if (marker.startsWith(fence) && raw.trim() === marker) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const line = raw.replace(/`[^`]*`/g, "``");
    const found = [
      ...[...line.matchAll(INLINE)].map((m) => m[1]),
      ...[...line.matchAll(HTML)].map((m) => m[1]),
      REFERENCE.exec(line)?.[1],
    ];
    for (const target of found) if (target) links.push({ target, line: index + 1 });
  });
  return links;
}

/** A link that leaves the page: a scheme (`https:`, `mailto:`) or a protocol-relative `//`. */
export const isAbsolute = (target: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);

/**
 * The links of a text that only work next to the repository's files: anything but an absolute
 * URL or an anchor on the same page. On the npm registry's page such a link goes nowhere.
 */
export function relativeLinks(markdown: string): string[] {
  return linksOf(markdown)
    .filter(({ target }) => !isAbsolute(target) && !target.startsWith("#"))
    .map(({ target, line }) => `line ${line}: ${target}`);
}
