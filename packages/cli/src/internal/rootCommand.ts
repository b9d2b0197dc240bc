import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { Command } from "commander";
import type { CliIo } from "../CliIo";

// Commander wraps help at the terminal's width, and at 80 columns anywhere else.
const helpWidth = (stream: CliIo["stdout"]) => (stream.isTTY && stream.columns) || 80;

/**
 * The root command without subcommands: its description, help text and error output, written
 * to `io`'s streams.
 */
export function rootCommand(
  policy: Pick<PolicyDeclaration, "id" | "title" | "version">,
  io: Pick<CliIo, "stdout" | "stderr">,
): Command {
  return (
    new Command("trunkiq-policy")
      .description(
        `Ask ${policy.title} (${policy.id}@${policy.version}) questions from the command line.`,
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
      .exitOverride()
  );
}

/** Gives every subcommand the root's exit override and output settings. */
export function overrideExits(program: Command): Command {
  const overrideAll = (cmd: Command) => {
    cmd.exitOverride();
    // A command built on its own (new Command) and added later has not copied the output.
    cmd.configureOutput(program.configureOutput());
    for (const sub of cmd.commands) overrideAll(sub);
  };
  overrideAll(program);
  return program;
}
