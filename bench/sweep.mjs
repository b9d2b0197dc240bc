// Benchmark of `trunkiq-policy retention sweep` on generated records, NDJSON and CSV, beside the
// floor in sweepFloor.mjs; both outputs must be byte-identical. Also times `trunkiq-policy --help`
// over an empty Node start. Run after a build: `node bench/sweep.mjs [rows]`; `bench/run.mjs`
// calls `sweepBench` and reports the results in docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuProfile } from "./profile.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, "../packages/cli/dist/bin.js");
const floorScript = resolve(here, "sweepFloor.mjs");
const NOW = "2025-07-07";

// A fixed mix of categories, jurisdictions, dates, holds and open relationships.
const categories = [
  "call-detail-record",
  "account",
  "ip-address",
  "website-usage",
  "support-communication",
];
const jurisdictions = ["us", "eea", "uk"];
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const start = Date.UTC(2012, 0, 1);
const span = Date.UTC(2025, 6, 1) - start;

async function generate(file, csv, rows) {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? null : new Promise((r) => out.once("drain", r)));
  if (csv) await write("id,category,collectedAt,relationshipEndedAt,legalHold,jurisdiction\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const collected = start + Math.floor(rand() * span);
    const ended = rand() < 0.5 ? day(collected + Math.floor(rand() * 3 * 365 * 86_400_000)) : "";
    const hold = rand() < 0.01;
    const r = {
      id: `rec-${i}`,
      category: categories[i % categories.length],
      collectedAt: day(collected),
      relationshipEndedAt: ended,
      legalHold: hold,
      jurisdiction: jurisdictions[i % jurisdictions.length],
    };
    chunk += csv
      ? `${r.id},${r.category},${r.collectedAt},${r.relationshipEndedAt},${hold ? "true" : ""},${r.jurisdiction}\n`
      : `${JSON.stringify(r)}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise((r) => out.end(r));
}

/** The floor's rules: each pair's cutoff from `retentionCutoff`, its texts from the CLI's own output. */
async function floorRules(dir) {
  const { retentionCutoff } = await import("@trunkiq/privacy-policy");
  const probe = join(dir, "probe.ndjson");
  const pairs = categories.flatMap((c) => jurisdictions.map((j) => [c, j]));
  writeFileSync(
    probe,
    pairs
      .map(([category, jurisdiction]) =>
        JSON.stringify({
          id: `${category}/${jurisdiction}`,
          category,
          collectedAt: "1900-01-01",
          relationshipEndedAt: "1900-01-01",
          jurisdiction,
        }),
      )
      .join("\n"),
  );
  const result = spawnSync(process.execPath, [bin, "retention", "sweep", probe, "--now", NOW], {
    encoding: "utf8",
  });
  const rules = {};
  for (const line of result.stdout.trim().split("\n")) {
    const r = JSON.parse(line);
    const cutoff = retentionCutoff(r.category, {
      jurisdiction: r.jurisdiction,
      now: new Date(`${NOW}T00:00:00Z`),
    });
    rules[r.id] = { ...r, cutoff: cutoff.cutoff.getTime() };
  }
  if (Object.keys(rules).length !== pairs.length) throw new Error("probe sweep missed a rule");
  const file = join(dir, "rules.json");
  writeFileSync(file, JSON.stringify(rules));
  return file;
}

// Preloaded into the child to report its own peak resident set size.
function rssHook(dir) {
  const hook = join(dir, "rss.cjs");
  writeFileSync(
    hook,
    `process.on("exit", () => require("node:fs").writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));\n`,
  );
  return hook;
}

/** Runs `args` with stdout to a file; wall seconds, peak RSS in MB and the output's hash. */
function timedRun(args, dir, hook) {
  const outFile = join(dir, "out.ndjson");
  const rssFile = join(dir, "rss.txt");
  const fd = openSync(outFile, "w");
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", hook, ...args], {
    stdio: ["ignore", fd, "pipe"],
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", RSS_FILE: rssFile },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(fd);
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const output = readFileSync(outFile);
  let due = 0;
  for (const byte of output) if (byte === 10) due++;
  return {
    seconds,
    rssMb: Number(readFileSync(rssFile, "utf8")) / 1024,
    due,
    hash: createHash("sha256").update(output).digest("hex"),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Median wall ms of `trunkiq-policy --help` and of an empty Node start, interleaved; `--help`
 * is profiled once more when it takes over `profileAbove` ms more than the empty start.
 */
export function helpBench(runs, { profileAbove = Number.POSITIVE_INFINITY } = {}) {
  const empty = [];
  const help = [];
  for (let i = 0; i < runs; i++) {
    for (const [args, into] of [
      [["-e", ""], empty],
      [[bin, "--help"], help],
    ]) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: "ignore" });
      into.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
    }
  }
  const [emptyMs, helpMs] = [median(empty), median(help)];
  const profile = helpMs - emptyMs > profileAbove ? cpuProfile([bin, "--help"]) : null;
  return { emptyMs, helpMs, profile };
}

/**
 * Sweeps `rows` generated records per format with the CLI and the floor, `runs` times each. A
 * format slower than `profileAbove` times the floor is swept once more under `node --cpu-prof`.
 */
export async function sweepBench(rows, runs = 1, { profileAbove = Number.POSITIVE_INFINITY } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "trunkiq-sweep-bench-"));
  try {
    const rules = await floorRules(dir);
    const hook = rssHook(dir);
    const results = [];
    for (const format of ["ndjson", "csv"]) {
      const file = join(dir, `records.${format}`);
      await generate(file, format === "csv", rows);
      const ours = [];
      const floor = [];
      for (let i = 0; i < runs; i++) {
        ours.push(timedRun([bin, "retention", "sweep", file, "--now", NOW], dir, hook));
        floor.push(timedRun([floorScript, file, rules], dir, hook));
      }
      const [o, f] = [ours[0], floor[0]];
      if (o.hash !== f.hash || o.due !== f.due) {
        throw new Error(`the sweep floor's ${format} output differs from trunkiq-policy's`);
      }
      results.push({
        format,
        rows,
        fileMb: statSync(file).size / 1024 / 1024,
        due: o.due,
        seconds: median(ours.map((r) => r.seconds)),
        floorSeconds: median(floor.map((r) => r.seconds)),
        rssMb: median(ours.map((r) => r.rssMb)),
        floorRssMb: median(floor.map((r) => r.rssMb)),
        profile:
          median(ours.map((r) => r.seconds)) > profileAbove * median(floor.map((r) => r.seconds))
            ? cpuProfile([bin, "retention", "sweep", file, "--now", NOW], { cwd: dir })
            : null,
      });
      rmSync(file);
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await sweepBench(Number(process.argv[2] ?? 1_000_000));
  console.log(`retention sweep, node ${process.version}`);
  console.table(results);
  console.table([helpBench(10)]);
}
