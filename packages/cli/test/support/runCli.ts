import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { CliStream } from "../../src/CliIo";
import { main } from "../../src/main";
import type { PolicyKit } from "../../src/PolicyKit";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A stream that keeps what is written to it, as a pipe would take it (never a TTY). */
function capture(): { stream: CliStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** The folder relative paths are read from; the test process's by default. */
  readonly cwd?: string;
  /** Added to the test process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** The policy to answer from; the TrunkIQ Privacy Policy by default. */
  readonly kit?: PolicyKit;
  /** Standard output to write to instead of a captured one (then `stdout` comes back empty). */
  readonly stdout?: CliStream;
}

/** Runs the `trunkiq-policy` command in-process, with colours off, and returns what it wrote. */
export async function runCli(
  args: readonly string[],
  options: RunCliOptions = {},
): Promise<CliResult> {
  const out = capture();
  const err = capture();
  const code = await main(args, {
    ...(options.kit ? { kit: options.kit } : {}),
    io: {
      stdout: options.stdout ?? out.stream,
      stderr: err.stream,
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    },
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "trunkiq-cli-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
