import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../CliIo";
import { UsageError } from "../internal/errors";
import { printJson, writeFolder } from "../internal/output";
import type { PolicyKit } from "../PolicyKit";
import { buildReport } from "../report/buildReport";
import { readPolicy } from "./diff";

interface ReportOptions {
  out: string;
  compare?: string;
  policyText?: string;
  force?: boolean;
  json?: boolean;
}

/** The policy text to trace: the one given, else the one the policy package ships, if any. */
function readPolicyText(kit: PolicyKit, io: CliIo, given: string | undefined): string | null {
  const path = given ?? kit.details.policyText;
  if (path === undefined) return null;
  try {
    return readFileSync(resolve(io.cwd, path), "utf8");
  } catch {
    if (given === undefined) return null;
    throw new UsageError(`cannot read the policy text ${JSON.stringify(given)}`);
  }
}

/** `report --out <dir> [--compare <old.json>] [--policy-text <file>] [--force]`. */
export function reportCommand(program: Command, kit: PolicyKit, io: CliIo): void {
  program
    .command("report")
    .description(
      "write a static HTML report to a folder: the matrices per jurisdiction, the retention timeline, the policy trace, the record of processing and, with --compare, the diff",
    )
    .requiredOption("--out <dir>", "the folder to write the pages into (created if missing)")
    .option("--compare <old.json>", "an earlier export (trunkiq-policy export) to diff against")
    .option(
      "--policy-text <file>",
      "the policy text to trace sentence by sentence (default: the text the policy package ships)",
    )
    .option("--force", "replace pages that exist")
    .option("--json", "print the pages written as JSON")
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 written, 2 bad input (a page exists without --force, an unreadable --compare file), 3 output not written.",
        "The pages are plain HTML with inline styles and script: open index.html from disk, no server needed.",
        "Examples:",
        "  trunkiq-policy report --out report/",
        "  trunkiq-policy report --out report/ --compare policy-2025-07-07.json --force",
      ].join("\n"),
    )
    .action(async (opts: ReportOptions) => {
      const compare = opts.compare === undefined ? undefined : readPolicy(io.cwd, opts.compare);
      const policyText = readPolicyText(kit, io, opts.policyText);
      const files = buildReport(kit, { policyText, ...(compare ? { compare } : {}) });
      // Refused before anything is written, so a refusal leaves no half-replaced report.
      const written = await writeFolder(
        opts.out,
        files,
        { force: opts.force, replaces: "the report's pages" },
        io,
      );
      if (opts.json) printJson({ out: opts.out, files: written }, io.stdout);
      else io.stdout.write(`wrote ${written.length} pages; open ${join(opts.out, "index.html")}\n`);
    });
}
