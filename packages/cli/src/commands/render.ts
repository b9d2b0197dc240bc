import type { Command } from "commander";
import type { CliIo } from "../CliIo";
import { citedDeclarations, compareSections } from "../internal/citations";
import { writeOutput } from "../internal/output";
import type { PolicyKit } from "../PolicyKit";

/**
 * The policy regenerated from its declarations, section by section, for a reviewer to hold
 * beside the legal text.
 */
export function renderPolicy(kit: PolicyKit): string {
  const { policy } = kit;
  const bySection = new Map<string, { what: string; text: string }[]>();
  for (const d of citedDeclarations(policy)) {
    const list = bySection.get(d.section) ?? [];
    list.push(d);
    bySection.set(d.section, list);
  }
  const lines = [
    `# ${policy.title}`,
    "",
    `Regenerated from the declaration ${policy.id}@${policy.version}: every declaration under the section it cites.`,
  ];
  for (const section of [...bySection.keys()].sort(compareSections)) {
    lines.push("", `## ${section}`, "");
    for (const d of bySection.get(section) ?? []) lines.push(`- ${d.what}: "${d.text}"`);
  }
  return `${lines.join("\n")}\n`;
}

/** `render [--out <file>]`. */
export function renderCommand(program: Command, kit: PolicyKit, io: CliIo): void {
  program
    .command("render")
    .description("print the policy regenerated from the declaration, section by section")
    .option("--out <file>", "write to a file instead of stdout (- is stdout)")
    .option("--force", "replace the --out file if it exists")
    .addHelpText(
      "after",
      "\nExit codes: 0 written, 2 bad input (--out exists without --force), 3 output not written.\nThe file is written to a temporary file beside it, then renamed into place.\nExample: trunkiq-policy render --out policy.md",
    )
    .action(async (opts: { out?: string; force?: boolean }) => {
      const text = renderPolicy(kit);
      await writeOutput(opts.out, text, { force: opts.force }, io);
    });
}
