import { readFileSync } from "node:fs";
import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { policyDeclarationSchema } from "@trunkiq/policy-core";
import type { Command } from "commander";
import { PolicyExportSchema } from "../declarationSchema";
import { EXIT, UsageError } from "../internal/errors";
import { colors, printJson } from "../internal/output";
import { diffPolicies } from "../internal/policyDiff";

/** Reads an exported policy file (or a bare declaration) or throws a one-line error. */
function readPolicy(path: string): PolicyDeclaration {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const why = error instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
    throw new UsageError(`${JSON.stringify(path)} ${why}`);
  }
  const envelope = PolicyExportSchema.safeParse(raw);
  if (envelope.success) return envelope.data.policy as unknown as PolicyDeclaration;
  const bare = policyDeclarationSchema.safeParse(raw);
  // The schema checks shape; `definePolicy` would check references, which a diff does not need.
  if (bare.success) return bare.data as unknown as PolicyDeclaration;
  const issue = envelope.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  throw new UsageError(
    `${JSON.stringify(path)} is not a policy export (format "trunkiq-policy/1"): ${issue?.message ?? "invalid"}${where}`,
  );
}

/** `diff <old.json> <new.json> [--json]`. */
export function diffCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("diff")
    .description(
      "list every change between two exported policy versions, classed as widening or narrowing",
    )
    .argument("<old>", "the earlier export (trunkiq-policy export)")
    .argument("<new>", "the later export")
    .option("--json", "print the changes as JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 no widening change, 1 at least one widening change (§11: changes are notified), 2 bad input.\nExample: trunkiq-policy diff policy-2025-07-07.json policy-next.json",
    )
    .action((oldPath: string, newPath: string, opts: { json?: boolean }) => {
      const changes = diffPolicies(readPolicy(oldPath), readPolicy(newPath));
      const widening = changes.filter((c) => c.kind === "widening").length;
      const narrowing = changes.filter((c) => c.kind === "narrowing").length;
      if (opts.json) printJson({ widening, narrowing, changes });
      else {
        const c = colors();
        const paint = { widening: c.red, narrowing: c.green, neutral: c.dim } as const;
        for (const change of changes) {
          process.stdout.write(
            `${paint[change.kind](change.kind.padEnd(9))}  ${change.what}: ${change.detail}\n`,
          );
        }
        process.stdout.write(
          `${widening} widening, ${narrowing} narrowing, ${changes.length - widening - narrowing} neutral\n`,
        );
      }
      setExit(widening > 0 ? EXIT.denied : EXIT.ok);
    });
}
