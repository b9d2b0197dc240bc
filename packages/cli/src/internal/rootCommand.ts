import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { Command } from "commander";

/** The root command without subcommands: its description, help text and error output. */
export function rootCommand(policy: Pick<PolicyDeclaration, "id" | "title" | "version">): Command {
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
        outputError: (text, write) => write(`${text.trimEnd().replace(/\n+/g, " ")}\n`),
      })
      .exitOverride()
  );
}

/** Gives every subcommand the root's exit override. */
export function overrideExits(cmd: Command): Command {
  cmd.exitOverride();
  for (const sub of cmd.commands) overrideExits(sub);
  return cmd;
}
