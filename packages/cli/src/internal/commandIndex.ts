import type { Command } from "commander";
import type { CliIo } from "../CliIo";
import type { PolicyKit } from "../PolicyKit";

/** Adds a command, fully built, to the program. */
export type RegisterCommand = (
  program: Command,
  kit: PolicyKit,
  setExit: (code: number) => void,
  io: CliIo,
) => void;

/** A top-level command as `--help` lists it, and how to load the module that builds it. */
export interface CommandEntry {
  readonly name: string;
  /** The command's line in the root help: its name, `[options]` and arguments. */
  readonly term: string;
  readonly description: string;
  readonly load: () => Promise<RegisterCommand>;
}

// The root help lists every command without loading one: the modules pull in the policy, zod and
// date-fns, which take most of a second to start. A test checks these lines against the modules.
/** Every top-level command in help order. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "matrix",
    term: "matrix [options]",
    description:
      "print purpose × category and category × recipient: the lawful basis and conditions of every permitted pair, — for denied ones",
    load: async () => {
      const { matrixCommand } = await import("../commands/matrix");
      return (program, kit, _setExit, io) => matrixCommand(program, kit, io);
    },
  },
  {
    name: "explain",
    term: "explain",
    description:
      "explain one decision: its basis, every reason with the policy sentence, obligations",
    load: async () => (await import("../commands/explain")).explainCommand,
  },
  {
    name: "ropa",
    term: "ropa [options]",
    description:
      "print the Record of Processing Activities (GDPR Art. 30(1), and 30(2) for data processed for customers) generated from the declaration",
    load: async () => {
      const { ropaCommand } = await import("../commands/ropa");
      return (program, kit, _setExit, io) => ropaCommand(program, kit, io);
    },
  },
  {
    name: "render",
    term: "render [options]",
    description: "print the policy regenerated from the declaration, section by section",
    load: async () => {
      const { renderCommand } = await import("../commands/render");
      return (program, kit, _setExit, io) => renderCommand(program, kit, io);
    },
  },
  {
    name: "check-drift",
    term: "check-drift [options]",
    description:
      "check that every numbered section of the policy text is cited by a declaration and every cited section exists",
    load: async () => (await import("../commands/checkDrift")).checkDriftCommand,
  },
  {
    name: "export",
    term: "export [options]",
    description:
      'print the whole declaration as versioned JSON (format "trunkiq-policy/1"), or as a Cedar schema and policy set',
    load: async () => {
      const { exportCommand } = await import("../commands/export");
      return (program, kit, _setExit, io) => exportCommand(program, kit, io);
    },
  },
  {
    name: "diff",
    term: "diff [options] <old> <new>",
    description:
      "list what two exported policy versions answer differently, classed as widening or narrowing",
    load: async () => {
      const { diffCommand } = await import("../commands/diff");
      return (program, _kit, setExit, io) => diffCommand(program, setExit, io);
    },
  },
  {
    name: "report",
    term: "report [options]",
    description:
      "write a static HTML report to a folder: the matrices per jurisdiction, the retention timeline, the policy trace, the record of processing and, with --compare, the diff",
    load: async () => {
      const { reportCommand } = await import("../commands/report");
      return (program, kit, _setExit, io) => reportCommand(program, kit, io);
    },
  },
  {
    name: "retention",
    term: "retention",
    description: "apply the retention rules to records",
    load: async () => (await import("../commands/retention")).retentionCommand,
  },
];

/** The default policy's identity, for the root help before the policy is loaded. */
export const DEFAULT_POLICY_IDENTITY = {
  id: "trunkiq-privacy-policy",
  version: "2025-07-07",
  title: "TrunkIQ LLC Privacy Policy",
} as const;

/**
 * The command a command line runs: its first word that is not an option (after `help`, the
 * one help is asked for), or `undefined` when it names none.
 */
export function commandNamed(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
