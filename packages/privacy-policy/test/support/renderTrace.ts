import { policyTextSentences } from "@trunkiq/policy-core";
import { formatPeriod } from "@trunkiq/policy-core/engine";
import { policy, transferLaw } from "../../src";
import { type TraceEntry, trace } from "./trace";

const escaped = (text: string) => text.replaceAll("|", "\\|");

/** §7 as configured: every rule's anchor, default, floor, ceiling, basis and law. */
function retentionRules(): string[] {
  const lines = [
    "",
    "## Retention rules (§7)",
    "",
    "What `retentionFor` applies by default, and the limits `withRetention` holds a deployment's schedule to. Periods anchored at the relationship's end run, for someone who never became a customer, from their last contact.",
    "",
    "| category | jurisdiction | from | default | at least | at most | basis | law |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const [category, byJurisdiction] of Object.entries(policy.retention)) {
    for (const [jurisdiction, rule] of Object.entries(byJurisdiction)) {
      const r = rule as typeof rule & {
        minimum?: Parameters<typeof formatPeriod>[0];
        maximum?: Parameters<typeof formatPeriod>[0];
      };
      lines.push(
        `| ${category} | ${jurisdiction} | ${r.anchor} | ${formatPeriod(r.period)} | ${r.minimum ? formatPeriod(r.minimum) : "—"} | ${r.maximum ? formatPeriod(r.maximum) : "—"} | ${r.basis} | ${escaped(r.law)} |`,
      );
    }
  }
  return lines;
}

/** §8 as configured: each exporting region, its adequacy decisions with their days, its safeguards. */
function transferRegions(): string[] {
  const lines = [
    "",
    "## Transfer regions (§8)",
    "",
    "What `canTransfer` judges a transfer by: the region the data leaves and the region it came from (onward transfers), an adequacy decision that applies on the day, or a safeguard the region accepts.",
    "",
    "| region | members | adequate destinations (first day – last day) | safeguards | refused |",
    "|---|---|---|---|---|",
  ];
  for (const [id, region] of Object.entries(transferLaw.regions)) {
    const adequate = Object.entries(region.adequate)
      .filter(([country]) => !region.members.includes(country))
      .map(([country, a]) => `${country} ${a.from}${a.until ? ` – ${a.until}` : ""}`)
      .join(", ");
    const safeguards = Object.entries(region.mechanisms)
      .map(([m, rule]) => `${m} (${escaped(rule.law)})`)
      .join("<br>");
    const refused = Object.keys(region.refused ?? {}).join(", ") || "—";
    lines.push(
      `| ${id} | ${region.members.join(", ")} | ${adequate} | ${safeguards} | ${refused} |`,
    );
  }
  return lines;
}

/**
 * Renders the trace as Markdown: each sentence of sections 2–10, in the order of the text, with
 * the declarations and guards that encode it, then the retention rules and transfer regions as
 * configured, each with the law it rests on.
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
  lines.push(...retentionRules(), ...transferRegions());
  return `${lines.join("\n")}\n`;
}
