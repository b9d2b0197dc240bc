import { createColors } from "picocolors";

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colors(stream: NodeJS.WriteStream = process.stdout) {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
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
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** `kebab-case` for a context field name: `customerDirected` → `customer-directed`. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
