import Table from "cli-table3";
import type { Command } from "commander";
import { UsageError } from "../internal/errors";
import { colors, printJson } from "../internal/output";
import { buildMatrix, grantLines } from "../internal/permissions";
import type { PolicyKit } from "../PolicyKit";

const DASH = "—";

function markdownTable(
  corner: string,
  columns: readonly string[],
  rows: readonly [string, string[][]][],
): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const out = [
    `| ${[corner, ...columns].map(esc).join(" | ")} |`,
    `| ${[corner, ...columns].map(() => "---").join(" | ")} |`,
  ];
  for (const [row, cells] of rows) {
    const rendered = cells.map((lines) => (lines.length ? lines.map(esc).join("<br>") : DASH));
    out.push(`| ${[`**${esc(row)}**`, ...rendered].join(" | ")} |`);
  }
  return out.join("\n");
}

function terminalTable(
  corner: string,
  columns: readonly string[],
  rows: readonly [string, string[][]][],
): string {
  const c = colors();
  const table = new Table({
    head: [corner, ...columns].map((h) => c.bold(h)),
    style: { head: [], border: [] },
  });
  for (const [row, cells] of rows) {
    table.push([
      c.bold(row),
      ...cells.map((lines) => (lines.length ? c.green(lines.join("\n")) : c.dim(DASH))),
    ]);
  }
  return table.toString();
}

/** `matrix`: purpose × category and category × recipient, from the declaration. */
export function matrixCommand(program: Command, kit: PolicyKit): void {
  program
    .command("matrix")
    .description(
      "print purpose × category and category × recipient: the lawful basis and conditions of every permitted pair, — for denied ones",
    )
    .option("--markdown", "print Markdown tables")
    .option("--json", "print the matrix as JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 printed, 2 bad input.\nExample: trunkiq-policy matrix --markdown",
    )
    .action((opts: { markdown?: boolean; json?: boolean }) => {
      if (opts.markdown && opts.json) throw new UsageError("choose one of --markdown and --json");
      const { policy } = kit;
      const m = buildMatrix(policy);
      if (opts.json) return printJson(m);
      const useRows = m.purposes.map(
        (p) =>
          [p, m.categories.map((c) => grantLines(policy, m.use[p]?.[c] ?? null))] as [
            string,
            string[][],
          ],
      );
      const shareRows = m.categories.map(
        (c) =>
          [c, m.recipients.map((r) => grantLines(policy, m.share[c]?.[r] ?? null))] as [
            string,
            string[][],
          ],
      );
      const title = `${policy.title} (${policy.id}@${policy.version})`;
      if (opts.markdown) {
        process.stdout.write(
          `# ${title}\n\n## Use: purpose × data category\n\n${markdownTable("purpose \\ category", m.categories, useRows)}\n\n## Share: data category × recipient\n\n${markdownTable("category \\ recipient", m.recipients, shareRows)}\n`,
        );
        return;
      }
      process.stdout.write(
        `${title}\n\nUse: purpose × data category\n${terminalTable("purpose \\ category", m.categories, useRows)}\n\nShare: data category × recipient\n${terminalTable("category \\ recipient", m.recipients, shareRows)}\n`,
      );
    });
}
