import { Command, CommanderError } from "commander";
import { type CliIo, processIo } from "./CliIo";
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
  /** Streams, folder and environment to use instead of the process's own. */
  readonly io?: Partial<CliIo>;
}

// Commander wraps help at the terminal's width, and at 80 columns anywhere else.
const helpWidth = (stream: CliIo["stdout"]) => (stream.isTTY && stream.columns) || 80;

/**
 * Builds the command tree for a policy. `setExit` records a command's own exit code; `io` is
 * where it writes (the process's streams by default).
 */
export function createProgram(
  kit: PolicyKit,
  setExit: (code: number) => void,
  io: CliIo = processIo(),
): Command {
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
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
      outputError: (text, write) => write(`${text.trimEnd().replace(/\n+/g, " ")}\n`),
    })
    .exitOverride();
  matrixCommand(program, kit, io);
  explainCommand(program, kit, setExit, io);
  ropaCommand(program, kit, io);
  renderCommand(program, kit, io);
  checkDriftCommand(program, kit, setExit, io);
  exportCommand(program, kit, io);
  diffCommand(program, setExit, io);
  retentionCommand(program, kit, setExit, io);
  // Every subcommand gets the root's exit override and output settings.
  const overrideAll = (cmd: Command) => {
    cmd.exitOverride();
    // A command built on its own (new Command) and added later has not copied the output.
    cmd.configureOutput(program.configureOutput());
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
  const io: CliIo = { ...processIo(), ...options.io };
  try {
    const kit = options.kit ?? defaultKit();
    const program = createProgram(
      kit,
      (c) => {
        code = c;
      },
      io,
    );
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
      io.stderr.write(`trunkiq-policy: ${output.message}\n`);
      return EXIT.outputFailed;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`trunkiq-policy: ${message}\n`);
    return EXIT.badInput;
  }
}
