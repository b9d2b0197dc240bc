import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  definePolicy,
  type PolicyDeclaration,
  PolicyDefinitionError,
  policyDeclarationSchema,
} from "@trunkiq/policy-core";
import type { Command } from "commander";
import type { CliIo } from "../CliIo";
import { PolicyExportSchema } from "../declarationSchema";
import { EXIT, UsageError } from "../internal/errors";
import { colors, printJson } from "../internal/output";
import { contextText, diffPolicies, outcomeText } from "../internal/policyDiff";

// A change moving more questions than this lists the first ones; --json lists them all.
const SHOWN_QUESTIONS = 5;

/** Reads an exported policy file (or a bare declaration) or throws a one-line error. */
export function readPolicy(cwd: string, path: string): PolicyDeclaration {
  const declaration = readDeclaration(cwd, path);
  // The diff asks the guards of both versions, so each must be a policy the engine accepts.
  try {
    return definePolicy(declaration as never) as PolicyDeclaration;
  } catch (error) {
    if (!(error instanceof PolicyDefinitionError)) throw error;
    const issue = error.issues[0];
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
    throw new UsageError(
      `${JSON.stringify(path)} is not a consistent policy: ${issue?.path || "(root)"}: ${issue?.message}${more}`,
    );
  }
}

/** Reads the declaration of an export or a bare declaration, checked for shape only. */
function readDeclaration(cwd: string, path: string): PolicyDeclaration {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(cwd, path), "utf8"));
  } catch (error) {
    const why = error instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
    throw new UsageError(`${JSON.stringify(path)} ${why}`);
  }
  const envelope = PolicyExportSchema.safeParse(raw);
  if (envelope.success) return envelope.data.policy as unknown as PolicyDeclaration;
  const bare = policyDeclarationSchema.safeParse(raw);
  if (bare.success) return bare.data as unknown as PolicyDeclaration;
  const issue = envelope.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  throw new UsageError(
    `${JSON.stringify(path)} is not a policy export (format "trunkiq-policy/1"): ${issue?.message ?? "invalid"}${where}`,
  );
}

/** `diff <old.json> <new.json> [--json]`. */
export function diffCommand(program: Command, setExit: (code: number) => void, io: CliIo): void {
  program
    .command("diff")
    .description(
      "list what two exported policy versions answer differently, classed as widening or narrowing",
    )
    .argument("<old>", "the earlier export (trunkiq-policy export)")
    .argument("<new>", "the later export")
    .option("--json", "print the changes as JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 no widening change, 1 at least one widening change (§11: changes are notified), 2 bad input.\nExample: trunkiq-policy diff policy-2025-07-07.json policy-next.json",
    )
    .action((oldPath: string, newPath: string, opts: { json?: boolean }) => {
      const changes = diffPolicies(readPolicy(io.cwd, oldPath), readPolicy(io.cwd, newPath));
      const widening = changes.filter((c) => c.kind === "widening").length;
      const narrowing = changes.filter((c) => c.kind === "narrowing").length;
      const count = (kind: string) =>
        changes.filter((c) => c.kind === kind).reduce((n, c) => n + (c.questions?.length ?? 0), 0);
      const questions = { widened: count("widening"), narrowed: count("narrowing") };
      if (opts.json) printJson({ widening, narrowing, questions, changes }, io.stdout);
      else {
        const c = colors(io.stdout, io.env);
        const paint = { widening: c.red, narrowing: c.green, neutral: c.dim } as const;
        for (const change of changes) {
          io.stdout.write(
            `${paint[change.kind](change.kind.padEnd(9))}  ${change.what}: ${change.detail}\n`,
          );
          const moved = change.questions ?? [];
          for (const q of moved.slice(0, SHOWN_QUESTIONS)) {
            io.stdout.write(
              `             ${contextText(q)}: ${outcomeText(q.before)} → ${outcomeText(q.after)}\n`,
            );
          }
          if (moved.length > SHOWN_QUESTIONS)
            io.stdout.write(`             … and ${moved.length - SHOWN_QUESTIONS} more\n`);
        }
        const moved =
          questions.widened + questions.narrowed > 0
            ? ` (${questions.widened} questions widened, ${questions.narrowed} narrowed)`
            : "";
        io.stdout.write(
          `${widening} widening, ${narrowing} narrowing, ${changes.length - widening - narrowing} neutral${moved}\n`,
        );
      }
      setExit(widening > 0 ? EXIT.denied : EXIT.ok);
    });
}
