/** A mistake in the command line or its input: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The exit codes every command documents. */
export const EXIT = { ok: 0, denied: 1, badInput: 2 } as const;
