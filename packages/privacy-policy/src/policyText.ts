/** One sentence of the policy text, with the section it stands in (`"§4"`, `"§2(a)"`). */
export interface PolicySentence {
  readonly section: string;
  readonly sentence: string;
}

const heading = /^(\d+)\.\s+(.*)$/;
const subheading = /^- ([a-z])\)\s+(.*)$/;

/**
 * Splits the policy text into sentences, each tagged with its section. Numbered headings
 * (`4. How We Share…`) open sections and lettered items (`- a) …`) open subsections.
 *
 * @example
 * policySentences(text).filter((s) => s.section === "§4").length; // 8
 */
export function policySentences(text: string): PolicySentence[] {
  const sentences: PolicySentence[] = [];
  let section: number | null = null;
  let sub: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const h = heading.exec(line);
    if (h) {
      section = Number(h[1]);
      sub = null;
      continue;
    }
    if (section === null) continue;
    const s = subheading.exec(line);
    if (s) {
      sub = s[1] ?? null;
      continue;
    }
    const id = sub ? `§${section}(${sub})` : `§${section}`;
    // A sentence ends at . ! or ? followed by a capital; "U.S. and" and "e.g.," stay whole.
    for (const sentence of line.replace(/^- /, "").split(/(?<=[.!?])\s+(?=[A-Z])/)) {
      sentences.push({ section: id, sentence });
    }
  }
  return sentences;
}

/** Every section and subsection id the text has, in order: `§1`, `§2`, `§2(a)`, … */
export function policySections(text: string): string[] {
  const ids: string[] = [];
  let section: number | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const h = heading.exec(line);
    if (h) {
      section = Number(h[1]);
      ids.push(`§${section}`);
      continue;
    }
    const s = subheading.exec(line);
    if (s && section !== null) ids.push(`§${section}(${s[1]})`);
  }
  return ids;
}
