import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** A TypeScript code block of a Markdown file, where it starts, and what running it prints. */
export interface Snippet {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** The 1-based line of the block's first line of code. */
  readonly line: number;
  readonly code: string;
  /** A block fenced as ```` ```ts run ```` is run; the ```` ```text ```` block after it is what it prints. */
  readonly run: boolean;
  readonly output?: string;
  /**
   * The module name a block fenced ```` ```ts file=shop-policy.ts ```` is written as, so later
   * blocks of the same page can import it (`from "./shop-policy"`).
   */
  readonly name?: string;
}

const TS = new Set(["ts", "typescript", "tsx"]);
const FENCE = /^(\s*)(`{3,})\s*([\w-]*)\s*(.*)$/;

/** Every Markdown file whose code blocks are documentation: READMEs and `docs/`. */
export function markdownFiles(root: string): string[] {
  const found = ["README.md"];
  for (const dir of ["packages", "examples"]) {
    const base = join(root, dir);
    for (const name of safeList(base)) {
      if (
        statSync(join(base, name)).isDirectory() &&
        safeList(join(base, name)).includes("README.md")
      ) {
        found.push(`${dir}/${name}/README.md`);
      }
    }
  }
  const walk = (dir: string) => {
    for (const name of safeList(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (name === "test" || name.startsWith(".")) continue;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith(".md")) found.push(path);
    }
  };
  walk("docs");
  return found.filter((f) => statSync(join(root, f)).isFile());
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The TypeScript blocks of one Markdown text, with the output block after each `ts run` one. */
export function extractSnippets(file: string, text: string): Snippet[] {
  const lines = text.split("\n");
  const blocks: { lang: string; info: string; line: number; body: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] as string);
    if (!open) continue;
    const [, indent = "", fence = "```", lang = "", info = ""] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] as string;
      if (line.trim().startsWith(fence) && line.trim().replace(/`+/, "") === "") break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line);
    }
    blocks.push({
      lang: lang.toLowerCase(),
      info: info.trim(),
      line: i + 2,
      body: body.join("\n"),
    });
    i = j;
  }
  const snippets: Snippet[] = [];
  blocks.forEach((block, index) => {
    if (!TS.has(block.lang)) return;
    const words = block.info.split(/\s+/);
    const run = words.includes("run");
    const name = words.find((w) => w.startsWith("file="))?.slice("file=".length);
    const next = blocks[index + 1];
    const output = run && next?.lang === "text" ? next.body : undefined;
    snippets.push({
      file,
      line: block.line,
      code: block.body,
      run,
      ...(output === undefined ? {} : { output }),
      ...(name === undefined ? {} : { name }),
    });
  });
  return snippets;
}

/** Every snippet of the repository's documentation. */
export function allSnippets(root: string): Snippet[] {
  return markdownFiles(root).flatMap((file) =>
    extractSnippets(relative(root, join(root, file)), readFileSync(join(root, file), "utf8")),
  );
}
