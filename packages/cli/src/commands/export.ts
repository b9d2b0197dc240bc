import { type Command, Option } from "commander";
import type { CliIo } from "../CliIo";
import { cedarExport } from "../cedar/cedarExport";
import { EXPORT_FORMAT, EXPORT_SCHEMA_ID, exportJsonSchema } from "../declarationSchema";
import { UsageError } from "../internal/errors";
import { writeFolder, writeOutput } from "../internal/output";
import type { PolicyKit } from "../PolicyKit";

/** The declaration as a versioned export document. */
export function exportDocument(kit: PolicyKit) {
  return { $schema: EXPORT_SCHEMA_ID, format: EXPORT_FORMAT, policy: kit.policy };
}

/** The files `export --format cedar` writes into its folder. */
export const CEDAR_FILES = {
  schema: "policy.cedarschema",
  policies: "policy.cedar",
  /** The same policies as a JSON object of `@id` → statement, for APIs that take one at a time. */
  policiesById: "policies.json",
  sidecar: "obligations-and-retention.json",
} as const;

/** The Cedar export as file name → content. */
export function cedarFiles(kit: PolicyKit): Record<string, string> {
  const { schema, policies, policiesById, sidecar } = cedarExport(kit.policy);
  return {
    [CEDAR_FILES.schema]: schema,
    [CEDAR_FILES.policies]: policies,
    [CEDAR_FILES.policiesById]: `${JSON.stringify(policiesById, null, 2)}\n`,
    [CEDAR_FILES.sidecar]: `${JSON.stringify(sidecar, null, 2)}\n`,
  };
}

interface ExportOptions {
  format: "json" | "cedar";
  schema?: boolean;
  out?: string;
  force?: boolean;
}

/** `export [--format json|cedar] [--schema] [--out <path>]`. */
export function exportCommand(program: Command, kit: PolicyKit, io: CliIo): void {
  program
    .command("export")
    .description(
      `print the whole declaration as versioned JSON (format "${EXPORT_FORMAT}"), or as a Cedar schema and policy set`,
    )
    .addOption(
      new Option("--format <format>", "json: the declaration; cedar: a Cedar schema and policy set")
        .choices(["json", "cedar"])
        .default("json"),
    )
    .option("--schema", "print the JSON Schema of the export format instead (json only)")
    .option("--out <path>", "write to a file (json; - is stdout) or into a folder (cedar)")
    .option("--force", "replace files that exist")
    .option("--json", "accepted for symmetry: the JSON output is always JSON")
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 written, 2 bad input (a file exists without --force, --out missing for cedar), 3 output not written.",
        "Each file is written to a temporary file beside it, then renamed into place.",
        `--format cedar writes ${Object.values(CEDAR_FILES).join(", ")} into the --out folder.`,
        "Examples:",
        "  trunkiq-policy export --out policy-2025-07-07.json",
        "  trunkiq-policy export --format cedar --out cedar/",
      ].join("\n"),
    )
    .action(async (opts: ExportOptions) => {
      if (opts.format === "cedar") {
        if (opts.schema)
          throw new UsageError("--schema describes the JSON format; drop it for cedar");
        if (opts.out === undefined || opts.out === "-") {
          throw new UsageError("--format cedar writes several files: give a folder with --out");
        }
        await writeFolder(
          opts.out,
          cedarFiles(kit),
          { force: opts.force, replaces: "the exported files" },
          io,
        );
        return;
      }
      const doc = opts.schema ? exportJsonSchema() : exportDocument(kit);
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      await writeOutput(opts.out, text, { force: opts.force }, io);
    });
}
