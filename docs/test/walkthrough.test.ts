import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { extractSnippets } from "../../test-support/docSnippets";
import { relativeLinks } from "./links";

// A new team's first fifteen minutes, replayed: the packages are built and packed with
// `pnpm pack` as they would be published, a fresh service in an empty folder outside the
// repository installs the tarballs with npm, and every step of docs/getting-started.md is followed
// from the page itself: its shell commands are run, its TypeScript blocks written as the service's
// files, type-checked and compiled with tsc, the `ts run` blocks run with their printed output
// compared, and the property test run with vitest. A page that cannot be followed fails here,
// naming the step.

const root = fileURLToPath(new URL("../..", import.meta.url));
const page = "docs/getting-started.md";
const text = readFileSync(join(root, page), "utf8");

const work = mkdtempSync(join(tmpdir(), "trunkiq-walkthrough-"));
const tarballs = join(work, "tarballs");
const service = join(work, "service");
let failed = false;

afterAll(() => {
  // Kept when a step failed, to look at what the reader would have seen.
  if (failed) console.error(`walk-through left in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}, 120_000);

/**
 * A step of the walk-through: later steps do not run once one has failed. A build, an install or
 * tsc on a machine busy with other work can take minutes; a step that hangs still ends.
 */
function step(name: string, body: () => void | Promise<void>, timeout = 900_000) {
  it(
    name,
    async () => {
      if (failed) throw new Error(`not reached: an earlier step of ${page} failed`);
      try {
        await body();
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    timeout,
  );
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", NO_COLOR: "1", FORCE_COLOR: "0", CI: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return result;
}

/** Runs a command and fails with what it printed when it does not succeed. */
function succeed(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(
      `\`${[command, ...args].join(" ")}\` exited with ${result.status} in ${cwd}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

interface Package {
  readonly dir: string;
  readonly name: string;
  tarball?: string;
}

const packages: Package[] = readdirSync(join(root, "packages"))
  .sort()
  .map((name) => join(root, "packages", name))
  .filter((dir) => statSync(join(dir, "package.json"), { throwIfNoEntry: false })?.isFile())
  .map((dir) => ({ dir, ...JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter((manifest) => !manifest.private)
  .map(({ dir, name }) => ({ dir, name }));

/** Every file under a folder, skipping none. */
function filesUnder(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** True when every package has a `dist` at least as new as its sources and manifest. */
function distIsFresh(): boolean {
  return packages.every(({ dir }) => {
    const dist = join(dir, "dist");
    if (!statSync(dist, { throwIfNoEntry: false })?.isDirectory()) return false;
    const built = Math.min(...filesUnder(dist).map((f) => statSync(f).mtimeMs));
    const inputs = [
      ...filesUnder(join(dir, "src")),
      join(dir, "package.json"),
      join(dir, "tsup.config.ts"),
    ].filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
    return inputs.every((f) => statSync(f).mtimeMs <= built);
  });
}

/** The commands of a shell block, each split into words, quotes removed. */
function commandsOf(block: Block): string[][] {
  return block.body
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("#"))
    .map((line) =>
      (line.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, "$2")),
    );
}

/** The blocks of the page in order, each with the section it belongs to. */
interface Block {
  readonly section: string;
  readonly lang: string;
  readonly line: number;
  readonly body: string;
}

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  let section = "(top)";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith("## ")) section = line.slice(3).trim();
    const open = /^```(\w*)/.exec(line);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    blocks.push({
      section,
      lang: open[1] ?? "",
      line: i + 2,
      body: lines.slice(i + 1, end).join("\n"),
    });
    i = end;
  }
  return blocks;
}

const snippets = extractSnippets(page, text);
/** Where the service keeps a block: under its own name, or named after the line it starts on. */
const fileOf = (s: (typeof snippets)[number]) => s.name ?? `getting-started-${s.line}.ts`;
const blocks = blocksOf(text);
const firstCode = Math.min(...snippets.map((s) => s.line));
const shellBlocks = blocks.filter((b) => b.lang === "sh");
/** The lines of the page's blocks the walk-through has followed. */
const followed = new Set<number>();

describe(`the walk-through of ${page}, against packed tarballs, in a fresh folder`, () => {
  // The page's own build and pack commands, run in the repository: the build is skipped when
  // dist/ is newer than the sources, the tarballs go to the walk-through's folder.
  const packing = shellBlocks.find((b) => /\bpack --pack-destination\b/.test(b.body));
  step(`builds and packs the packages as ${page}:${packing?.line} says`, () => {
    expect(packing, "a block that packs the packages").toBeDefined();
    mkdirSync(tarballs, { recursive: true });
    for (const command of commandsOf(packing as Block)) {
      const [program, ...args] = command;
      if (args.includes("build") && distIsFresh()) continue;
      const destination = args.indexOf("--pack-destination");
      if (destination >= 0) args[destination + 1] = tarballs;
      succeed(program as string, args, root);
    }
    expect(distIsFresh(), "dist/ is newer than the sources").toBe(true);
    followed.add((packing as Block).line);
    for (const file of readdirSync(tarballs)) {
      const tarball = join(tarballs, file);
      const manifest = succeed("tar", ["-xOzf", tarball, "package/package.json"], work);
      const pkg = packages.find((p) => p.name === JSON.parse(manifest).name);
      expect(pkg, `${file} is one of the packages`).toBeDefined();
      if (pkg) pkg.tarball = tarball;
      expect(manifest, `${file} is packed without workspace: ranges`).not.toContain("workspace:");
      const readme = succeed("tar", ["-xOzf", tarball, "package/README.md"], work);
      expect(relativeLinks(readme), `${file}'s README links`).toEqual([]);
    }
    expect(packages.filter((p) => !p.tarball).map((p) => p.name)).toEqual([]);
  });

  step("sets up an existing TypeScript service in an empty folder", () => {
    mkdirSync(join(service, "src"), { recursive: true });
    // The packages the page installs by name come from their tarballs; the ones those depend on
    // are not on the registry yet, so they are pinned to their tarballs too.
    const named = new Set(shellBlocks.flatMap((b) => b.body.split(/\s+/)));
    const overrides = Object.fromEntries(
      packages.filter((p) => !named.has(p.name)).map((p) => [p.name, `file:${p.tarball}`]),
    );
    const manifest = { name: "my-service", private: true, type: "module", overrides };
    writeFileSync(join(service, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    // The compiler options the page states: an ES module on Node 20, NodeNext, strict.
    const compilerOptions = {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      rootDir: "src",
      outDir: "dist",
      types: ["node"],
    };
    const tsconfig = { compilerOptions, include: ["src"] };
    writeFileSync(join(service, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
    npm(["install", "--save-dev", "typescript@5.9.3", "@types/node@20"]);
  });

  /** npm without its notices, from its cache when it has the package. */
  function npm(args: string[]) {
    const [command, ...rest] = args;
    return succeed(
      "npm",
      [command as string, "--prefer-offline", "--no-audit", "--no-fund", ...rest],
      service,
    );
  }

  /** A command of the page, with the packages it names installed from their tarballs. */
  function follow([program, ...args]: string[]) {
    const local = args.map((a) => packages.find((p) => p.name === a)?.tarball ?? a);
    if (program === "npm") return npm(local);
    return succeed(program as string, local, service);
  }

  function runCommands(block: Block) {
    step(`section "${block.section}": runs the commands at ${page}:${block.line}`, () => {
      for (const command of commandsOf(block)) {
        const output = follow(command);
        if (command[0] === "npx" && command[1] === "vitest") {
          expect(output).toMatch(/Tests\s+\d+ passed/);
        }
      }
      followed.add(block.line);
    });
  }

  const inService = shellBlocks.filter((b) => b !== packing);
  for (const block of inService.filter((b) => b.line < firstCode)) runCommands(block);

  step("writes every TypeScript block as a file of the service and compiles it with tsc", () => {
    for (const s of snippets) writeFileSync(join(service, "src", fileOf(s)), `${s.code}\n`);
    const tsc = run(process.execPath, [join(service, "node_modules/typescript/bin/tsc")], service);
    // tsc's `src/getting-started-54.ts(3,7): error …` as the page's `docs/getting-started.md:56`.
    const onThePage = (line: string) =>
      line.replace(
        /^src\/(?:getting-started-(\d+)\.ts|([\w.-]+))\((\d+),\d+\)/,
        (whole, start, name, at) => {
          const first = start ?? snippets.find((s) => s.name === name)?.line;
          return first === undefined ? whole : `${page}:${Number(first) + Number(at) - 1}`;
        },
      );
    expect(tsc.stdout.split("\n").filter(Boolean).map(onThePage), "tsc's errors").toEqual([]);
    expect(tsc.status).toBe(0);
    for (const s of snippets) followed.add(s.line);
  });

  for (const s of snippets.filter((s) => s.run)) {
    step(`runs the block at ${page}:${s.line} and prints what the page shows`, () => {
      const compiled = join(service, "dist", fileOf(s).replace(/\.ts$/, ".js"));
      const result = run(process.execPath, [compiled], service);
      expect(result.stderr).toBe("");
      expect(result.stdout.trimEnd()).toBe((s.output ?? "").trimEnd());
      const output = blocks.find((b) => b.line > s.line && b.lang === "text");
      if (output) followed.add(output.line);
    });
  }

  for (const block of inService.filter((b) => b.line > firstCode)) runCommands(block);

  step("reaches the end of the page, every block followed", () => {
    const missed = blocks.filter((b) => !followed.has(b.line)).map((b) => `${page}:${b.line}`);
    expect(missed).toEqual([]);
    expect(blocks.length).toBeGreaterThan(5);
  });
});
