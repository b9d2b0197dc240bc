import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { allSnippets, markdownFiles, type Snippet } from "../../test-support/docSnippets";

// Every TypeScript block of the READMEs and docs/ is type-checked against the packages' source,
// each block a module of its own; a block fenced `ts run` is run and must print the `text` block
// after it. A compile error a block shows on purpose is marked with `// @ts-expect-error`. A block
// fenced `ts file=name.ts` is written under that name, for later blocks of its page to import.

const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = join(root, "docs/test/.snippets");
const snippets = allSnippets(root);
// One folder per Markdown file, so a page's blocks can import the modules it names (`file=`).
const pathOf = (s: Snippet) =>
  join(outDir, s.file.replace(/[^\w.-]+/g, "_").replace(/\.md$/, ""), s.name ?? `L${s.line}.ts`);

/** The type errors of every block, as `file.md:line: message`, by Markdown file. */
const errors = new Map<string, string[]>();

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const s of snippets) {
    mkdirSync(dirname(pathOf(s)), { recursive: true });
    writeFileSync(pathOf(s), `${s.code}\n`);
  }
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(snippets.map(pathOf), { ...options, noEmit: true });
  const bySource = new Map(snippets.map((s) => [pathOf(s), s]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const snippet = diagnostic.file && bySource.get(diagnostic.file.fileName);
    if (!snippet || diagnostic.file === undefined || diagnostic.start === undefined) continue;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const list = errors.get(snippet.file) ?? [];
    list.push(`${snippet.file}:${snippet.line + line}: ${message}`);
    errors.set(snippet.file, list);
  }
}, 180_000);

describe("documentation code blocks", () => {
  it("finds the blocks of every Markdown file that has some", () => {
    const withBlocks = new Set(snippets.map((s) => s.file));
    expect(withBlocks).toContain("README.md");
    expect(withBlocks).toContain("packages/privacy-policy/README.md");
    expect(snippets.length).toBeGreaterThan(15);
    expect(markdownFiles(root)).toContain("docs/cedar.md");
  });

  it.each(markdownFiles(root).filter((f) => snippets.some((s) => s.file === f)))(
    "type-checks every TypeScript block of %s",
    (file) => {
      expect(errors.get(file) ?? []).toEqual([]);
    },
  );

  const runnable = snippets.filter((s) => s.run);
  it.each(runnable.map((s) => [`${s.file}:${s.line}`, s] as const))(
    "runs %s and prints what the docs show",
    async (_, snippet) => {
      expect(snippet.output, "a `ts run` block is followed by a `text` block").toBeDefined();
      const outfile = pathOf(snippet).replace(/\.ts$/, ".mjs");
      await build({
        entryPoints: [pathOf(snippet)],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        conditions: ["@trunkiq/source"],
        // Loads its WebAssembly from beside its own module, so it is imported, not bundled.
        external: ["@cedar-policy/cedar-wasm"],
        outfile,
        logLevel: "silent",
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
      });
      const run = spawnSync(process.execPath, [outfile], {
        encoding: "utf8",
        env: { ...process.env, TZ: "UTC", NO_COLOR: "1" },
      });
      expect(run.stderr).toBe("");
      expect(run.stdout.trimEnd()).toBe((snippet.output ?? "").trimEnd());
    },
    60_000,
  );
});
