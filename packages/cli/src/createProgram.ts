import type { Command } from "commander";
import { type CliIo, processIo } from "./CliIo";
import { checkDriftCommand } from "./commands/checkDrift";
import { diffCommand } from "./commands/diff";
import { explainCommand } from "./commands/explain";
import { exportCommand } from "./commands/export";
import { matrixCommand } from "./commands/matrix";
import { renderCommand } from "./commands/render";
import { reportCommand } from "./commands/report";
import { retentionCommand } from "./commands/retention";
import { ropaCommand } from "./commands/ropa";
import { overrideExits, rootCommand } from "./internal/rootCommand";
import type { PolicyKit } from "./PolicyKit";

/**
 * Builds the whole command tree for a policy, every command loaded. `setExit` records a
 * command's own exit code; `io` is where it writes (the process's streams by default).
 *
 * @category CLI
 * @example
 * createProgram(defaultKit(), (code) => { process.exitCode = code; }).helpInformation();
 */
export function createProgram(
  kit: PolicyKit,
  setExit: (code: number) => void,
  io: CliIo = processIo(),
): Command {
  const program = rootCommand(kit.policy, io);
  matrixCommand(program, kit, io);
  explainCommand(program, kit, setExit, io);
  ropaCommand(program, kit, io);
  renderCommand(program, kit, io);
  checkDriftCommand(program, kit, setExit, io);
  exportCommand(program, kit, io);
  diffCommand(program, setExit, io);
  reportCommand(program, kit, io);
  retentionCommand(program, kit, setExit, io);
  return overrideExits(program);
}
