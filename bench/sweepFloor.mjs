// The floor for `trunkiq-policy retention sweep`: stream, parse, compare with a precomputed cutoff
// per (category, jurisdiction), write the due records as NDJSON. No validation beyond what the
// generated input needs. Usage: node bench/sweepFloor.mjs <records.ndjson|csv> <rules.json>
import { createReadStream, readFileSync } from "node:fs";

const [file, rulesFile] = process.argv.slice(2);
const rules = JSON.parse(readFileSync(rulesFile, "utf8"));
const csv = file.endsWith(".csv");
const byKey = new Map(
  Object.entries(rules).map(([key, r]) => [
    key,
    {
      collection: r.anchor === "collection",
      cutoff: r.cutoff,
      tail: `,${JSON.stringify({ category: r.category, jurisdiction: r.jurisdiction, anchor: r.anchor, rule: r.rule, law: r.law, section: r.section }).slice(1)}\n`,
    },
  ]),
);
const dayMs = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));

let out = "";
const flush = () =>
  out.length > 0 && !process.stdout.write(out)
    ? new Promise((resolve) => process.stdout.once("drain", resolve))
    : undefined;
let header = csv;
const decide = (line) => {
  if (line === "") return;
  let id;
  let category;
  let collectedAt;
  let ended;
  let hold;
  let jurisdiction;
  if (csv) {
    if (header) {
      header = false;
      return;
    }
    [id, category, collectedAt, ended, hold, jurisdiction] = line.split(",");
    hold = hold === "true";
  } else {
    const r = JSON.parse(line);
    ({ id, category, collectedAt, jurisdiction } = r);
    ended = r.relationshipEndedAt;
    hold = r.legalHold === true;
  }
  const rule = byKey.get(`${category}/${jurisdiction}`);
  if (hold) return;
  const anchor = rule.collection ? collectedAt : ended;
  if (!anchor || dayMs(anchor) >= rule.cutoff) return;
  out += `{"id":${JSON.stringify(id)}${rule.tail}`;
};

let rest = "";
for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 16 })) {
  const text = rest + chunk;
  let start = 0;
  let end = text.indexOf("\n");
  while (end !== -1) {
    decide(text.slice(start, end));
    start = end + 1;
    end = text.indexOf("\n", start);
  }
  rest = text.slice(start);
  if (out.length > 1 << 16) {
    await flush();
    out = "";
  }
}
decide(rest);
await flush();
