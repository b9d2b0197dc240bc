import { policyTextSentences } from "@trunkiq/policy-core";
import { type TraceEntry, trace } from "./trace";

/**
 * Renders the trace as Markdown: each sentence of sections 2–10, in the order of the text, with
 * the declarations and guards that encode it.
 *
 * @example
 * writeFileSync("docs/policy-trace.md", renderTrace(policyText));
 */
export function renderTrace(policyText: string, entries: readonly TraceEntry[] = trace): string {
  const lines = [
    "<!-- Generated from packages/privacy-policy/test/support/trace.ts by its test: do not edit by hand. -->",
    "# Policy trace: TrunkIQ Privacy Policy of July 7, 2025",
    "",
    "Every sentence of sections 2–10 and what encodes it: paths into the `policy` declaration, or guards exported by `@trunkiq/privacy-policy`, and the law an encoding rests on where it decides more than the sentence says.",
    "",
    "| § | sentence | encoded by |",
    "|---|---|---|",
  ];
  for (const { section, sentence } of policyTextSentences(policyText)) {
    const entry = entries.find((e) => e.section === section && sentence.startsWith(e.opening));
    if (!entry) continue;
    const encodings = [
      ...(entry.declarations ?? []).map((d) => `\`${d}\``),
      ...(entry.guards ?? []).map((g) => `\`${g}()\``),
      ...(entry.law ? [`*law: ${entry.law.join("; ")}*`] : []),
    ];
    const cell =
      encodings.length > 0 ? encodings.join("<br>") : `*informative: ${entry.informative ?? ""}*`;
    lines.push(`| ${section} | ${sentence.replaceAll("|", "\\|")} | ${cell} |`);
  }
  return `${lines.join("\n")}\n`;
}
