/** A stream the command line writes to: the process's own, or any writable one. */
export type CliStream = NodeJS.WritableStream & {
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
};

/**
 * Where the command line writes and which folder and environment it reads relative paths and
 * `NO_COLOR` from. {@link processIo} gives the process's own; tests and embedders pass their own.
 *
 * @category CLI
 * @example
 * const out = new PassThrough();
 * await main(["matrix", "--json"], { io: { ...processIo(), stdout: out } });
 */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The running process's streams, folder and environment.
 *
 * @category CLI
 * @example
 * const io = processIo();
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
