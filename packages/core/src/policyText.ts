/** A numbered section (`"4. How We Share…"` → `§4`) or lettered part (`"- a) …"` → `§2(a)`). */
export interface PolicyTextSection {
  /** `"§4"` or `"§2(a)"`: the form declarations cite. */
  readonly section: string;
  readonly heading: string;
  /** 1-based line of the heading in the text. */
  readonly line: number;
}

/** One sentence of a policy text, with the section it stands in. */
export interface PolicySentence {
  readonly section: string;
  readonly sentence: string;
}

type Line =
  | { readonly kind: "heading"; readonly at: PolicyTextSection }
  | { readonly kind: "body"; readonly section: string; readonly text: string };

// One reading of the text for both views, so sections and sentences never disagree.
function* policyTextLines(text: string): Generator<Line> {
  const numbered = /^(\d+)\.\s+(.+)$/;
  const lettered = /^-\s*([a-z])\)\s*(.+)$/;
  let top: string | null = null;
  let part: string | null = null;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const n = numbered.exec(line);
    if (n) {
      top = `§${n[1]}`;
      part = null;
      yield { kind: "heading", at: { section: top, heading: n[2] as string, line: index + 1 } };
      continue;
    }
    // Text before the first numbered heading (title, dates) belongs to no section.
    if (top === null) continue;
    const l = lettered.exec(line);
    if (l) {
      part = `${top}(${l[1]})`;
      yield { kind: "heading", at: { section: part, heading: l[2] as string, line: index + 1 } };
      continue;
    }
    yield { kind: "body", section: part ?? top, text: line.replace(/^- /, "") };
  }
}

/**
 * The sections of a policy text in order: numbered headings (`4. How We Share…`) open `§4`,
 * lettered items under them (`- a) Information You Provide`) open `§2(a)`.
 *
 * @example
 * policyTextSections("1. Scope\nWe are TrunkIQ.\n2. Data\n- a) Accounts\nNames.");
 * // [{ section: "§1", heading: "Scope", line: 1 }, { section: "§2", … }, { section: "§2(a)", heading: "Accounts", line: 4 }]
 */
export function policyTextSections(text: string): PolicyTextSection[] {
  const out: PolicyTextSection[] = [];
  for (const line of policyTextLines(text)) if (line.kind === "heading") out.push(line.at);
  return out;
}

/**
 * The sentences of a policy text, each tagged with its section. A sentence ends at `.`, `!` or
 * `?` followed by a capital letter, so `"U.S. and"` and `"e.g.,"` stay whole.
 *
 * @example
 * policyTextSentences("4. Sharing\nWe never sell data. We may share it.");
 * // [{ section: "§4", sentence: "We never sell data." }, { section: "§4", sentence: "We may share it." }]
 */
export function policyTextSentences(text: string): PolicySentence[] {
  const out: PolicySentence[] = [];
  for (const line of policyTextLines(text)) {
    if (line.kind !== "body") continue;
    for (const sentence of line.text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
      out.push({ section: line.section, sentence });
    }
  }
  return out;
}
