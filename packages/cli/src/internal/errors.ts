/** A mistake in the command line or its input: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Input that cannot be read on past a line (too long, an unclosed quote): exit code 2. */
export class InputError extends UsageError {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * Output that could not be written. A reader that closed the pipe (`EPIPE`, as `| head -1`
 * does) ends the command quietly with exit 0; any other failure (`ENOSPC`, …) exits 3.
 */
export class OutputError extends Error {
  override readonly name = "OutputError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The exit codes every command documents. */
export const EXIT = { ok: 0, denied: 1, badInput: 2, outputFailed: 3 } as const;
