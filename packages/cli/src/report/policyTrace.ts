import { policyTextSections, policyTextSentences } from "@trunkiq/policy-core";
import { type CitedDeclaration, citedDeclarations, compareSections } from "../internal/citations";
import type { PolicyKit } from "../PolicyKit";

/** One sentence of the policy text and the declarations that quote it. */
export interface TracedSentence {
  readonly sentence: string;
  readonly declarations: readonly CitedDeclaration[];
}

/** One section of the policy: its sentences, and the declarations citing it that quote none. */
export interface TracedSection {
  readonly section: string;
  /** The heading in the policy text; `null` for a section the text lacks or without a text. */
  readonly heading: string | null;
  readonly sentences: readonly TracedSentence[];
  /** Declarations citing the section whose quoted sentence is not found word for word. */
  readonly paraphrased: readonly CitedDeclaration[];
}

// Compares quotations with the text regardless of case, spacing and typographic quotes.
const normal = (s: string) =>
  s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();

const quotes = (sentence: string, quoted: string) => {
  const [a, b] = [normal(sentence), normal(quoted)];
  return b.length > 0 && (a.includes(b) || b.includes(a));
};

/**
 * Every declaration with its section and quoted sentence, grouped by section of the policy
 * text: each sentence of the text with the declarations that quote it, then the declarations
 * that cite the section in other words. Without the text, the declarations by section only.
 *
 * @example
 * policyTrace(kit, readFileSync(kit.details.policyText, "utf8"))[0]?.section; // "§1"
 */
export function policyTrace(kit: PolicyKit, text: string | null): TracedSection[] {
  const declarations = citedDeclarations(kit.policy);
  const headings = text ? policyTextSections(text) : [];
  const sentences = text ? policyTextSentences(text) : [];
  const inText = new Set(headings.map((h) => h.section));
  const sections = [
    ...headings.map((h) => ({ section: h.section, heading: h.heading as string | null })),
    ...[...new Set(declarations.map((d) => d.section))]
      .filter((s) => !inText.has(s))
      .sort(compareSections)
      .map((section) => ({ section, heading: null })),
  ];
  return sections.map(({ section, heading }) => {
    const citing = declarations.filter((d) => d.section === section);
    const traced = sentences
      .filter((s) => s.section === section)
      .map((s) => ({
        sentence: s.sentence,
        declarations: citing.filter((d) => quotes(s.sentence, d.text)),
      }));
    const quoted = new Set(traced.flatMap((s) => s.declarations));
    return {
      section,
      heading,
      sentences: traced,
      paraphrased: citing.filter((d) => !quoted.has(d)),
    };
  });
}
