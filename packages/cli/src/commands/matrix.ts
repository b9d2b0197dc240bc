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

/** The width a column takes in a cli-table3 table: its widest line, padding and a border. */
const columnWidth = (lines: readonly string[]) => Math.max(...lines.map((l) => l.length)) + 3;

/**
 * Splits the columns into runs that fit `limit` characters beside the row headers, so a wide
 * matrix prints as several tables a terminal does not wrap. A column wider than the limit still
 * gets a table of its own.
 */
function columnGroups(first: number, widths: readonly number[], limit: number): number[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  let used = first + 1;
  widths.forEach((width, index) => {
    if (group.length > 0 && used + width > limit) {
      groups.push(group);
      group = [];
      used = first + 1;
    }
    group.push(index);
    used += width;
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

function terminalTables(
  corner: string,
  columns: readonly string[],
  rows: readonly [string, string[][]][],
  limit: number,
): string {
  const c = colors();
  const first = columnWidth([corner, ...rows.map(([row]) => row)]);
  const widths = columns.map((column, i) =>
    columnWidth([column, DASH, ...rows.flatMap(([, cells]) => cells[i] ?? [])]),
  );
  return columnGroups(first, widths, limit)
    .map((group) => {
      const table = new Table({
        head: [corner, ...group.map((i) => columns[i] as string)].map((h) => c.bold(h)),
        style: { head: [], border: [] },
      });
      for (const [row, cells] of rows) {
        table.push([
          c.bold(row),
          ...group.map((i) => {
            const lines = cells[i] ?? [];
            return lines.length ? c.green(lines.join("\n")) : c.dim(DASH);
          }),
        ]);
      }
      return table.toString();
    })
    .join("\n");
}

/** `--width`: a whole number of columns, at least 40; by default the terminal's, if any. */
function parseWidth(value: string | undefined): number {
  if (value === undefined) {
    return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : Infinity;
  }
  const width = Number(value);
  if (!/^\d+$/.test(value) || width < 40) {
    throw new UsageError(`--width must be a whole number of columns, at least 40, got "${value}"`);
  }
  return width;
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
    .option(
      "--width <columns>",
      "split the terminal tables to fit this many columns (default: the terminal's width)",
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 printed, 2 bad input.\nExamples:\n  trunkiq-policy matrix --markdown\n  trunkiq-policy matrix --width 120",
    )
    .action((opts: { markdown?: boolean; json?: boolean; width?: string }) => {
      if (opts.markdown && opts.json) throw new UsageError("choose one of --markdown and --json");
      const width = parseWidth(opts.width);
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
        `${title}\n\nUse: purpose × data category\n${terminalTables("purpose \\ category", m.categories, useRows, width)}\n\nShare: data category × recipient\n${terminalTables("category \\ recipient", m.recipients, shareRows, width)}\n`,
      );
    });
}
