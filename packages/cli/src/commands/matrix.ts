import {
  type MatrixCell,
  matrixCellLines,
  policyMatrix,
  renderPolicyMatrix,
} from "@trunkiq/policy-core";
import Table from "cli-table3";
import type { Command } from "commander";
import type { CliIo } from "../CliIo";
import { UsageError } from "../internal/errors";
import { colors, printJson } from "../internal/output";
import { buildMatrix } from "../internal/permissions";
import type { PolicyKit } from "../PolicyKit";

const DASH = "—";

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

/** Breaks lines longer than `max` at spaces (a word longer than `max` keeps a line of its own). */
function wrapLines(lines: readonly string[], max: number): string[] {
  if (!Number.isFinite(max)) return [...lines];
  return lines.flatMap((line) => {
    const out: string[] = [];
    let current = "";
    for (const word of line.split(" ")) {
      if (current !== "" && current.length + 1 + word.length > max) {
        out.push(current);
        current = `  ${word}`;
      } else current = current === "" ? word : `${current} ${word}`;
    }
    out.push(current);
    return out;
  });
}

function terminalTables(
  corner: string,
  columns: readonly string[],
  rows: readonly [string, string[][]][],
  limit: number,
  c: ReturnType<typeof colors>,
): string {
  const first = columnWidth([corner, ...rows.map(([row]) => row)]);
  // A cell's long lines (a law with its citation) wrap, so one column fits beside the row headers.
  const cellWidth = Math.max(20, limit - first - 1 - 3);
  const wrapped = rows.map(([row, cells]): [string, string[][]] => [
    row,
    cells.map((lines) => wrapLines(lines, cellWidth)),
  ]);
  const widths = columns.map((column, i) =>
    columnWidth([column, DASH, ...wrapped.flatMap(([, cells]) => cells[i] ?? [])]),
  );
  return columnGroups(first, widths, limit)
    .map((group) => {
      const table = new Table({
        head: [corner, ...group.map((i) => columns[i] as string)].map((h) => c.bold(h)),
        style: { head: [], border: [] },
      });
      for (const [row, cells] of wrapped) {
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
function parseWidth(value: string | undefined, stdout: CliIo["stdout"]): number {
  if (value === undefined) {
    return stdout.isTTY && stdout.columns ? stdout.columns : Infinity;
  }
  const width = Number(value);
  if (!/^\d+$/.test(value) || width < 40) {
    throw new UsageError(`--width must be a whole number of columns, at least 40, got "${value}"`);
  }
  return width;
}

/** `matrix`: purpose × category and category × recipient, from the declaration. */
export function matrixCommand(program: Command, kit: PolicyKit, io: CliIo): void {
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
      const width = parseWidth(opts.width, io.stdout);
      const { policy } = kit;
      if (opts.json) return printJson(buildMatrix(policy), io.stdout);
      if (opts.markdown) {
        io.stdout.write(renderPolicyMatrix(policy));
        return;
      }
      // The terminal's view of the same cells, worded by core's matrixCellLines.
      const m = policyMatrix(policy);
      const rows = (
        heads: readonly string[],
        columns: readonly string[],
        cell: (head: string, column: string) => MatrixCell | undefined,
      ) =>
        heads.map((head): [string, string[][]] => [
          head,
          columns.map((column) => {
            const found = cell(head, column);
            return found ? matrixCellLines(policy, found) : [];
          }),
        ]);
      const useRows = rows(m.purposes, m.categories, (p, c) => m.uses[p]?.[c]);
      const shareRows = rows(m.categories, m.recipients, (c, r) => m.shares[c]?.[r]);
      const c = colors(io.stdout, io.env);
      io.stdout.write(
        `${policy.title} (${policy.id}@${policy.version})\n\nUse: purpose × data category\n${terminalTables("purpose \\ category", m.categories, useRows, width, c)}\n\nShare: data category × recipient\n${terminalTables("category \\ recipient", m.recipients, shareRows, width, c)}\n`,
      );
    });
}
