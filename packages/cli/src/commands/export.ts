import type { Command } from "commander";
import type { CliIo } from "../CliIo";
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, exportJsonSchema } from "../declarationSchema";
import { writeOutput } from "../internal/output";
import type { PolicyKit } from "../PolicyKit";

/** The declaration as a versioned export document. */
export function exportDocument(kit: PolicyKit) {
  return { $schema: EXPORT_SCHEMA_ID, format: EXPORT_FORMAT, policy: kit.policy };
}

/** `export [--schema] [--out <file>]`. */
export function exportCommand(program: Command, kit: PolicyKit, io: CliIo): void {
  program
    .command("export")
    .description(`print the whole declaration as versioned JSON (format "${EXPORT_FORMAT}")`)
    .option("--schema", "print the JSON Schema of the export format instead")
    .option("--out <file>", "write to a file instead of stdout (- is stdout)")
    .option("--force", "replace the --out file if it exists")
    .option("--json", "accepted for symmetry: the output is always JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 written, 2 bad input (--out exists without --force), 3 output not written.\nThe file is written to a temporary file beside it, then renamed into place.\nExample: trunkiq-policy export --out policy-2025-07-07.json",
    )
    .action(async (opts: { schema?: boolean; out?: string; force?: boolean }) => {
      const doc = opts.schema ? exportJsonSchema() : exportDocument(kit);
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      await writeOutput(opts.out, text, { force: opts.force }, io);
    });
}
