import { type Command, CommanderError, Help } from "commander";
import { type CliIo, processIo } from "./CliIo";
import { COMMANDS, commandNamed, DEFAULT_POLICY_IDENTITY } from "./internal/commandIndex";
import { EXIT } from "./internal/errors";
import { asOutputError } from "./internal/output";
import { overrideExits, rootCommand } from "./internal/rootCommand";
import type { PolicyKit } from "./PolicyKit";

/** Options of {@link main}. */
export interface MainOptions {
  /** The policy to answer from; the TrunkIQ Privacy Policy by default. */
  readonly kit?: PolicyKit;
  /** Streams, folder and environment to use instead of the process's own. */
  readonly io?: Partial<CliIo>;
}

/**
 * The command tree with only the command `argv` runs loaded; the others are listed by name,
 * usage and description, so `--help` and a mistyped command start without loading the policy.
 */
async function lazyProgram(
  argv: readonly string[],
  given: PolicyKit | undefined,
  setExit: (code: number) => void,
  io: CliIo,
): Promise<Command> {
  const entry = commandNamed(argv);
  const kit = given ?? (entry ? (await import("./defaultKit")).defaultKit() : undefined);
  const program = rootCommand(kit?.policy ?? DEFAULT_POLICY_IDENTITY, io);
  const terms = new Map<Command, string>();
  for (const command of COMMANDS) {
    if (command === entry && kit) (await command.load())(program, kit, setExit, io);
    else terms.set(program.command(command.name).description(command.description), command.term);
  }
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command) {
      return terms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  return overrideExits(program);
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
    const program = await lazyProgram(
      argv,
      options.kit,
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
