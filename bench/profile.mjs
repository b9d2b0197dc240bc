// CPU profiles for the explanations in docs/benchmarks.md: `node --cpu-prof` of one command,
// summarised as where the sampled time went, by function and by package.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The package a profiled script belongs to, from its URL: workspace packages by folder. */
export function packageOf(url) {
  if (!url) return "V8";
  if (url.startsWith("node:")) return "Node.js";
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    url,
  );
  if (dependency && !dependency[1].startsWith(".")) return dependency[1];
  const workspace = /\/packages\/([^/]+)\//.exec(url);
  if (workspace) return `packages/${workspace[1]}`;
  return "the benchmark";
}

/**
 * Where the samples of a `.cpuprofile` went. With `within`, only samples whose stack passes
 * through a function of that name count (the timed loop, not the start-up), and the garbage
 * collector's samples that follow one of them. Idle time is left out.
 */
export function summarize(profile, { within } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  let inside = !within;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(profile.samples[i]);
    const name = leaf.callFrame.functionName;
    if (name === "(idle)" || name === "(program)" || name === "(root)") continue;
    const stack = [];
    for (let id = leaf.id; id !== undefined; id = parent.get(id))
      stack.push(byId.get(id).callFrame);
    // A collection is charged to the code that ran before it: in the loop, or not.
    if (within && name !== "(garbage collector)") {
      inside = stack.some((f) => f.functionName === within);
    }
    if (!inside) continue;
    total += dt;
    const key = `${name || "(anonymous)"}\u0000${packageOf(leaf.callFrame.url)}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set();
    for (const f of stack) {
      const p = f.url ? packageOf(f.url) : null;
      if (p === null || seen.has(p)) continue;
      seen.add(p);
      inclusive.set(p, (inclusive.get(p) ?? 0) + dt);
    }
  }
  const share = (v) => (total > 0 ? v / total : 0);
  return {
    sampledMs: total / 1000,
    functions: [...self]
      .sort((a, b) => b[1] - a[1])
      .map(([key, v]) => {
        const [fn, where] = key.split("\u0000");
        return { fn, where, share: share(v) };
      }),
    packages: [...inclusive]
      .sort((a, b) => b[1] - a[1])
      .map(([where, v]) => ({ where, share: share(v) })),
  };
}

/** Runs `node --cpu-prof <args>` in `cwd` and summarises the profile (see {@link summarize}). */
export function cpuProfile(args, { cwd, within, intervalUs = 100 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "trunkiq-profile-"));
  try {
    const r = spawnSync(
      process.execPath,
      ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", String(intervalUs), ...args],
      { cwd, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 },
    );
    if (r.status !== 0) throw new Error(`node --cpu-prof ${args.join(" ")} failed:\n${r.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    return summarize(JSON.parse(readFileSync(join(dir, file), "utf8")), { within });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x) => `${(100 * x).toFixed(0)} %`;

/** A profile's top functions as a Markdown table, and its packages as one line. */
export function profileMarkdown(summary, { top = 8 } = {}) {
  const lines = [
    "| function (self time) | where | share |",
    "| --- | --- | ---: |",
    ...summary.functions.slice(0, top).map((f) => `| \`${f.fn}\` | ${f.where} | ${pct(f.share)} |`),
    "",
    `By package, including what each calls: ${summary.packages
      .filter((p) => p.share >= 0.01)
      .map((p) => `${p.where} ${pct(p.share)}`)
      .join(", ")}.`,
  ];
  return lines.join("\n");
}
