import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, exportJsonSchema } from "../declarationSchema";
import type { PolicyKit } from "../PolicyKit";

/** The declaration as a versioned export document. */
export function exportDocument(kit: PolicyKit) {
  return { $schema: EXPORT_SCHEMA_ID, format: EXPORT_FORMAT, policy: kit.policy };
}

/** `export [--schema] [--out <file>]`. */
export function exportCommand(program: Command, kit: PolicyKit): void {
  program
    .command("export")
    .description(`print the whole declaration as versioned JSON (format "${EXPORT_FORMAT}")`)
    .option("--schema", "print the JSON Schema of the export format instead")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--json", "accepted for symmetry: the output is always JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 written, 2 bad input.\nExample: trunkiq-policy export --out policy-2025-07-07.json",
    )
    .action((opts: { schema?: boolean; out?: string }) => {
      const doc = opts.schema ? exportJsonSchema() : exportDocument(kit);
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
}
