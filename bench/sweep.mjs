// Benchmark of `trunkiq-policy retention sweep` on 1,000,000 generated records, NDJSON and CSV.
// Run after a build: `node bench/sweep.mjs [rows]`. Prints rows/s and the child's peak RSS.
import { spawnSync } from "node:child_process";
import {
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, "../packages/cli/dist/bin.js");
const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "trunkiq-sweep-bench-"));

// A fixed mix of categories, jurisdictions, dates, holds and open relationships.
const categories = [
  "call-detail-record",
  "account",
  "ip-address",
  "website-usage",
  "support-communication",
];
const jurisdictions = ["us", "eea", "uk"];
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const start = Date.UTC(2012, 0, 1);
const span = Date.UTC(2025, 6, 1) - start;

async function generate(file, csv) {
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

// Preloaded into the child to report its own peak resident set size.
const rssHook = join(dir, "rss.cjs");
const rssFile = join(dir, "rss.txt");
writeFileSync(
  rssHook,
  `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
);

function run(file) {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ["--require", rssHook, bin, "retention", "sweep", file, "--now", "2025-07-07", "--json"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (result.status !== 0) throw new Error(`sweep failed (${result.status}): ${result.stderr}`);
  const { summary, due } = JSON.parse(result.stdout);
  if (summary.rows !== rows || summary.malformed !== 0) throw new Error("unexpected summary");
  const rssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
  return { seconds, due: due.length, rssMb };
}

try {
  const results = [];
  for (const format of ["ndjson", "csv"]) {
    const file = join(dir, `records.${format}`);
    await generate(file, format === "csv");
    const size = statSync(file).size / 1024 / 1024;
    const r = run(file);
    results.push({
      format,
      rows,
      "file MB": size.toFixed(1),
      due: r.due,
      seconds: r.seconds.toFixed(2),
      "rows/s": Math.round(rows / r.seconds).toLocaleString("en-US"),
      "peak RSS MB": r.rssMb.toFixed(0),
    });
  }
  console.log(`retention sweep, node ${process.version}`);
  console.table(results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
