import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("../", import.meta.url));

/** The repository's compiler options, `@trunkiq/source` condition included. */
export function projectOptions(): ts.CompilerOptions {
  const configPath = `${root}tsconfig.json`;
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath)).options;
}

/** One compiler error: where it is, its code and its whole message chain. */
export interface CompileDiagnostic {
  /** 1-based line in the compiled file. */
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

/**
 * Compiles one file (excluded from the project's own typecheck) with the project's options and
 * returns the errors reported in it, in order.
 */
export function compileDiagnostics(file: URL): CompileDiagnostic[] {
  const path = fileURLToPath(file);
  const program = ts.createProgram([path], { ...projectOptions(), noEmit: true });
  const source = program.getSourceFile(path);
  if (!source) throw new Error(`cannot read ${path}`);
  return ts
    .getPreEmitDiagnostics(program, source)
    .filter((d) => d.file === source && d.start !== undefined)
    .map((d) => ({
      line: source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    }));
}

/** Renders diagnostics as a snapshot: `file:line TScode` then the indented message chain. */
export function formatDiagnostics(file: URL, diagnostics: readonly CompileDiagnostic[]): string {
  const name = relative(root, fileURLToPath(file));
  const blocks = diagnostics.map(
    (d) => `${name}:${d.line} TS${d.code}\n${d.message.replace(/^/gm, "  ")}`,
  );
  return `${blocks.join("\n\n")}\n`;
}

/**
 * The sentence each line of a mistakes file expects, read from a `// refused: <sentence>`
 * comment on the line above it.
 */
export function expectedRefusals(file: URL): Map<number, string> {
  const lines = readFileSync(file, "utf8").split("\n");
  const expected = new Map<number, string>();
  for (const [index, line] of lines.entries()) {
    const match = /\/\/ refused: (.+)$/.exec(line);
    if (match) expected.set(index + 2, (match[1] as string).trim());
  }
  return expected;
}
