import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createColors } from "picocolors";
import type { CliIo, CliStream } from "../CliIo";
import { OutputError, UsageError } from "./errors";

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colors(stream: CliStream = process.stdout, env: NodeJS.ProcessEnv = process.env) {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return createColors(Boolean(stream.isTTY) && !noColor);
}

/** Writes to stdout and waits for the stream to drain, so large outputs keep memory flat. */
export function write(
  text: string,
  stream: NodeJS.WritableStream = process.stdout,
): Promise<void> | undefined {
  if (stream.write(text)) return undefined;
  return new Promise((resolve) => stream.once("drain", () => resolve()));
}

/** Prints a value as indented JSON with a trailing newline. */
export function printJson(value: unknown, stream: NodeJS.WritableStream = process.stdout): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** `kebab-case` for a context field name: `customerDirected` → `customer-directed`. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

// Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), and the
// quote itself so that stripping one leading quote always gives the cell back.
const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * A CSV cell a spreadsheet will not run: a cell starting with `=`, `+`, `-`, `@`, a tab, a
 * carriage return or `'` gets a `'` in front. Dropping one leading `'` restores the value.
 */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** `csv-stringify` options that pass every string cell through {@link spreadsheetSafe}. */
export const SPREADSHEET_SAFE = { cast: { string: (value: string) => spreadsheetSafe(value) } };

// Failures of the medium itself; anything else (no such folder, no permission) is bad input.
const MEDIUM_FAILURES = new Set(["EPIPE", "ENOSPC", "EDQUOT", "EFBIG", "EIO"]);

/** The {@link OutputError} for an error raised while writing, or `undefined` for another error. */
export function asOutputError(error: unknown): OutputError | undefined {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string" || !MEDIUM_FAILURES.has(code)) return undefined;
  return new OutputError(code, `cannot write the output: ${(error as Error).message}`);
}

/**
 * Writes to a stream in batches and waits for it to drain, so memory stays flat on any output
 * size; a write error (the reader closed the pipe, the disk is full) rejects with an
 * {@link OutputError} instead of hanging or crashing.
 */
export function streamWriter(stream: NodeJS.WritableStream, batchBytes = 64 * 1024) {
  let failure: OutputError | undefined;
  let wake: (() => void) | undefined;
  const fail = (error: unknown) => {
    failure ??= asOutputError(error) ?? new OutputError("EIO", String(error));
    wake?.();
  };
  stream.on("error", fail);
  let buffer = "";
  let written: Promise<void> = Promise.resolve();
  // Resolves on the next error, or with `also`, whichever comes first.
  const untilError = (also: (resolve: () => void) => void) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      also(resolve);
    }).finally(() => {
      wake = undefined;
    });
  const send = async (chunk: string) => {
    if (failure) throw failure;
    let ready = true;
    written = new Promise<void>((resolve) => {
      try {
        ready = stream.write(chunk, (error) => {
          if (error) fail(error);
          resolve();
        });
      } catch (error) {
        // A file or terminal is written synchronously: the error is thrown here.
        fail(error);
        resolve();
      }
    });
    if (!ready && !failure) {
      let drained = () => {};
      await untilError((resolve) => {
        drained = resolve;
        stream.once("drain", drained);
      });
      stream.removeListener("drain", drained);
    }
    if (failure) throw failure;
  };
  const flush = async () => {
    if (buffer === "") return;
    const chunk = buffer;
    buffer = "";
    await send(chunk);
  };
  return {
    push: async (text: string) => {
      buffer += text;
      if (buffer.length >= batchBytes) await flush();
    },
    /** Writes what is left and waits until the stream has taken it or failed. */
    close: async () => {
      try {
        await flush();
        const held = (stream as NodeJS.WritableStream & { writableLength?: number }).writableLength;
        // Data still queued: wait for its write; none: one turn lets a pending error arrive.
        await untilError((resolve) => {
          if (held) written.then(resolve);
          else setImmediate(resolve);
        });
        if (failure) throw failure;
      } finally {
        stream.removeListener("error", fail);
      }
    },
  };
}

/** Options of {@link writeOutput}. */
export interface WriteOutputOptions {
  /** Replace an existing file. */
  readonly force?: boolean | undefined;
}

const fileError = (target: string, error: unknown) =>
  asOutputError(error) ??
  new UsageError(
    `cannot write ${JSON.stringify(target)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
  );

/**
 * Writes `text` to standard output (no target, or `-`) or to a file, atomically: a temporary
 * file in the same folder is written, flushed to disk and then renamed over the target, so a
 * reader never sees half a file. An existing file is kept unless `force` is set.
 */
export async function writeOutput(
  target: string | undefined,
  text: string,
  options: WriteOutputOptions = {},
  io: Pick<CliIo, "stdout" | "cwd"> = { stdout: process.stdout, cwd: process.cwd() },
): Promise<void> {
  if (target === undefined || target === "-") {
    const out = streamWriter(io.stdout);
    await out.push(text);
    await out.close();
    return;
  }
  const path = resolve(io.cwd, target);
  const exists = () => new UsageError(`${JSON.stringify(target)} exists; --force replaces it`);
  if (!options.force && existsSync(path)) throw exists();
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temp, "wx", 0o666);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.force) renameSync(temp, path);
    else {
      // link refuses an existing target, so a file created since the check above is kept too.
      try {
        linkSync(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw exists();
        // Some file systems have no hard links: the check above is then the guard.
        if (existsSync(path)) throw exists();
        renameSync(temp, path);
      }
    }
  } catch (error) {
    throw error instanceof UsageError ? error : fileError(target, error);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Writes several files into a folder (created if needed), each with {@link writeOutput}. An
 * existing file is refused before anything is written, unless `force` is set, so a refusal never
 * leaves a half-replaced set; `replaces` says in the refusal what `--force` would replace.
 * Returns the paths written, as given.
 */
export async function writeFolder(
  folder: string,
  files: Readonly<Record<string, string>>,
  options: WriteOutputOptions & { readonly replaces: string },
  io: Pick<CliIo, "stdout" | "cwd">,
): Promise<string[]> {
  const path = resolve(io.cwd, folder);
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new UsageError(
      `cannot create the folder ${JSON.stringify(folder)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const existing = Object.keys(files).find((name) => existsSync(join(path, name)));
  if (existing !== undefined && !options.force) {
    throw new UsageError(
      `${JSON.stringify(join(folder, existing))} exists; --force replaces ${options.replaces}`,
    );
  }
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    await writeOutput(join(folder, name), text, { force: options.force }, io);
    written.push(join(folder, name));
  }
  return written;
}
