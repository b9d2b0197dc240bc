import type { Command } from "commander";
import { checkDriftCommand } from "./commands/checkDrift";
import { diffCommand } from "./commands/diff";
import { explainCommand } from "./commands/explain";
import { exportCommand } from "./commands/export";
import { matrixCommand } from "./commands/matrix";
import { renderCommand } from "./commands/render";
import { retentionCommand } from "./commands/retention";
import { ropaCommand } from "./commands/ropa";
import { overrideExits, rootCommand } from "./internal/rootCommand";
import type { PolicyKit } from "./PolicyKit";

/**
 * Builds the whole command tree for a policy, every command loaded. `setExit` records a
 * command's own exit code.
 *
 * @category CLI
 * @example
 * createProgram(defaultKit(), (code) => { process.exitCode = code; }).helpInformation();
 */
export function createProgram(kit: PolicyKit, setExit: (code: number) => void): Command {
  const program = rootCommand(kit.policy);
  matrixCommand(program, kit);
  explainCommand(program, kit, setExit);
  ropaCommand(program, kit);
  renderCommand(program, kit);
  checkDriftCommand(program, kit, setExit);
  exportCommand(program, kit);
  diffCommand(program, setExit);
  retentionCommand(program, kit, setExit);
  return overrideExits(program);
}
