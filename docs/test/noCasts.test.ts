import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { markdownFiles } from "../../test-support/docSnippets";

// What users copy must ask the guards without casting: a value from outside goes to
// `untrusted`, and a cast that silences the compiler would also silence its refusals.
const root = fileURLToPath(new URL("../..", import.meta.url));
// `as any` is refused in the docs; an example's test may type a JSON response loosely.
const CAST = /\bas\s+never\b/;
const DOC_CAST = /\bas\s+never\b|\bas\s+any\b/;

/** The source files of the examples, their tests included, outside installed and built code. */
function exampleFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) return [];
    if (statSync(join(root, path)).isDirectory()) return exampleFiles(path);
    return /\.(ts|mts|cts|js|mjs|md)$/.test(name) ? [path] : [];
  });
}

/** The lines of `file` that cast, as `file:line: text`. */
function casts(file: string): string[] {
  return readFileSync(join(root, file), "utf8")
    .split("\n")
    .flatMap((line, i) =>
      (file.endsWith(".md") ? DOC_CAST : CAST).test(line)
        ? [`${file}:${i + 1}: ${line.trim()}`]
        : [],
    );
}

describe("documentation and examples", () => {
  const files = [...new Set([...markdownFiles(root), ...exampleFiles("examples")])];

  it("covers the READMEs, docs/ and the examples' code", () => {
    expect(files).toContain("README.md");
    expect(files).toContain("docs/getting-started.md");
    expect(files).toContain("examples/analytics-export/src/handler.ts");
  });

  it("never cast a value to reach a guard (`as never`; in the docs, `as any` either)", () => {
    expect(files.flatMap(casts)).toEqual([]);
  });
});
