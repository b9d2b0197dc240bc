import { Command, CommanderError } from "commander";
import { checkDriftCommand } from "./commands/checkDrift";
import { diffCommand } from "./commands/diff";
import { explainCommand } from "./commands/explain";
import { exportCommand } from "./commands/export";
import { matrixCommand } from "./commands/matrix";
import { renderCommand } from "./commands/render";
import { retentionCommand } from "./commands/retention";
import { ropaCommand } from "./commands/ropa";
import { defaultKit } from "./defaultKit";
import { EXIT } from "./internal/errors";
import { asOutputError } from "./internal/output";
import type { PolicyKit } from "./PolicyKit";

/** Options of {@link main}. */
export interface MainOptions {
  /** The policy to answer from; the TrunkIQ Privacy Policy by default. */
  readonly kit?: PolicyKit;
}

/** Builds the command tree for a policy. `setExit` records a command's own exit code. */
export function createProgram(kit: PolicyKit, setExit: (code: number) => void): Command {
  const program = new Command("trunkiq-policy")
    .description(
      `Ask ${kit.policy.title} (${kit.policy.id}@${kit.policy.version}) questions from the command line.`,
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 allowed / ok (also when the reader closes the pipe early), 1 denied / drift / widening change, 2 bad input, 3 output not written (disk full, …).",
    )
    .showSuggestionAfterError()
    // One line per error: commander puts its "Did you mean …?" hint on a line of its own.
    .configureOutput({
      outputError: (text, write) => write(`${text.trimEnd().replace(/\n+/g, " ")}\n`),
    })
    .exitOverride();
  matrixCommand(program, kit);
  explainCommand(program, kit, setExit);
  ropaCommand(program, kit);
  renderCommand(program, kit);
  checkDriftCommand(program, kit, setExit);
  exportCommand(program, kit);
  diffCommand(program, setExit);
  retentionCommand(program, kit, setExit);
  // Subcommands inherit exit override and output settings from the root.
  const overrideAll = (cmd: Command) => {
    cmd.exitOverride();
    for (const sub of cmd.commands) overrideAll(sub);
  };
  overrideAll(program);
  return program;
}

/**
 * Runs the `trunkiq-policy` command line and resolves to its exit code; never throws.
 *
 * @category CLI
 * @example
 * process.exitCode = await main(["explain", "use", "marketing", "account", "--consent"]);
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  let code: number = EXIT.ok;
  try {
    const kit = options.kit ?? defaultKit();
    const program = createProgram(kit, (c) => {
      code = c;
    });
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its one-line message (or the help) to stderr/stdout; help
      // asked for exits 0, help shown because a subcommand is missing is bad input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    const output = asOutputError(error);
    if (output) {
      // A reader that stopped early (`| head -1`) wanted no more: nothing went wrong.
      if (output.code === "EPIPE") return EXIT.ok;
      process.stderr.write(`trunkiq-policy: ${output.message}\n`);
      return EXIT.outputFailed;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`trunkiq-policy: ${message}\n`);
    return EXIT.badInput;
  }
}
