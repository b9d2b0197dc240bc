import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

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

/**
 * The compile-error suite of one package: every line of `mistakes` is refused with the sentence
 * written above it, no message shows `never`, the declaration or a `String` method, and the
 * messages stay as pinned in `mistakes.snapshot.txt` beside the file.
 */
export function describeCompileRefusals(mistakes: URL): void {
  // One compile for every assertion; it type-checks the package's sources too.
  const diagnostics = compileDiagnostics(mistakes);

  describe("compile-time refusals read as sentences", () => {
    it("refuses every mistake with the sentence written above it", () => {
      const expected = expectedRefusals(mistakes);
      const refused = [...expected].map(([line, sentence]) => ({
        line,
        sentence,
        found: diagnostics.some((d) => d.line === line && d.message.includes(sentence)),
      }));
      expect(refused.filter((r) => !r.found)).toEqual([]);
      expect(diagnostics.filter((d) => !expected.has(d.line))).toEqual([]);
    });

    it("never shows never, the whole declaration or a String method in a message", () => {
      const messages = diagnostics.map((d) => d.message);
      expect(messages.filter((m) => /'never'|:\s*never\b|\bnever(\[\]|;|>)/.test(m))).toEqual([]);
      expect(messages.filter((m) => /readonly (id|scopes|jurisdictions):/.test(m))).toEqual([]);
      expect(messages.filter((m) => /\bString\b|anchor\(|toString/.test(m))).toEqual([]);
    });

    it("keeps the messages pinned in mistakes.snapshot.txt", async () => {
      await expect(formatDiagnostics(mistakes, diagnostics)).toMatchFileSnapshot(
        fileURLToPath(new URL("./mistakes.snapshot.txt", mistakes)),
      );
    });
  });
}
