import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { defaultKit } from "../../src/defaultKit";
import { csvRecords } from "../../src/internal/csvRecords";
import { parseDate, parseDateMs } from "../../src/internal/dates";
import { ndjsonRecords, type RecordItem } from "../../src/internal/ndjsonRecords";
import { SPREADSHEET_SAFE } from "../../src/internal/output";
import { createSweeper, RECORD_FIELDS } from "../../src/internal/sweep";
import { main } from "../../src/main";
import { tempDir } from "../support/runCli";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
afterEach(() => vi.restoreAllMocks());

const NOW = new Date("2025-07-07T00:00:00Z");
const kit = defaultKit();

/** What a reader yields, and the stop that ended it, from `bytes` fed in the given pieces. */
const readAll = async (items: AsyncIterable<RecordItem>) => {
  const out: RecordItem[] = [];
  try {
    for await (const item of items) out.push(item);
  } catch (error) {
    return { out, stop: (error as Error).message };
  }
  return { out, stop: undefined };
};
const pieces = (bytes: Buffer, cuts: number[]) => {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const to of at) {
    parts.push(bytes.subarray(from, to));
    from = to;
  }
  parts.push(bytes.subarray(from));
  return Readable.from(parts.filter((p) => p.length > 0));
};
// A null-prototype record and a plain one with the same fields compare equal.
const plain = (result: { out: RecordItem[]; stop: string | undefined }) => ({
  stop: result.stop,
  out: result.out.map(([line, r]) => [line, typeof r === "string" ? r : { ...r }]),
});

const ids = ["a", "rec-1", "x,y", 'q"t', "l\nb", "c\r", " ", "é", "=1+2", "-3", "", "12"];
const values = [
  "call-detail-record",
  "account",
  "ip-address",
  "horoscope",
  "2010-01-01",
  "2024-02-29",
  "2023-02-29",
  "2019-06-30T12:00:00Z",
  "2019-06-30T12:00:00.250Z",
  "2019-06-30T12:00+02:00",
  "yesterday",
  "us",
  "eea",
  "uk",
  "",
  "true",
  "false",
  "maybe",
];
const cell = fc.oneof(fc.constantFrom(...ids, ...values), fc.string({ maxLength: 4 }));
const csvCell = fc
  .tuple(cell, fc.constantFrom("plain", "quoted", "broken"))
  .map(([text, how]) =>
    how === "quoted" ? `"${text.replace(/"/g, '""')}"` : how === "broken" ? `"${text}` : text,
  );
const header = fc
  .shuffledSubarray([...RECORD_FIELDS], { minLength: 3 })
  .map((names) =>
    names.includes("id") && names.includes("category") && names.includes("collectedAt")
      ? names
      : ["id", "category", "collectedAt"],
  );

describe("the sweep's fast paths", () => {
  it("read random CSV as the full RFC 4180 parser does, in any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.array(fc.array(csvCell, { minLength: 1, maxLength: 7 }), { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (names, rows, eol, bom, cuts) => {
          const text = `${names.join(",")}${eol}${rows.map((r) => r.join(",")).join(eol)}`;
          const bytes = Buffer.concat([Buffer.from(bom ? "\ufeff" : ""), Buffer.from(text)]);
          const fast = await readAll(csvRecords(pieces(bytes, cuts)));
          const full = await readAll(csvRecords(pieces(bytes, cuts), { fullParser: true }));
          expect(plain(fast)).toEqual(plain(full));
        },
      ),
    );
  });

  it("split valid CSV into the records csv-parse finds in the whole file", async () => {
    const quoted = fc.constantFrom(...ids, ...values).map((t) => `"${t.replace(/"/g, '""')}"`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom("a", "b-1", "é"), quoted),
            fc.constantFrom(...values),
            fc.oneof(fc.constantFrom(...values), quoted),
          ),
          { maxLength: 10 },
        ),
        async (rows) => {
          const text = `id,category,collectedAt\n${rows.map((r) => r.join(",")).join("\n")}\n`;
          const whole = (parse(text, { skip_empty_lines: true }) as string[][]).slice(1);
          const { out, stop } = await readAll(csvRecords(Readable.from([Buffer.from(text)])));
          expect(stop).toBeUndefined();
          expect(
            out.map(([, r]) =>
              typeof r === "string" ? r : [r.id, r.category, r.collectedAt ?? ""],
            ),
          ).toEqual(whole);
        },
      ),
    );
  });

  it("read random NDJSON as the member-by-member reader does, in any chunking", async () => {
    const key = fc.constantFrom(...RECORD_FIELDS, "legal_hold", "__proto__", "legal\\u0048old");
    const value = fc.oneof(
      fc.constantFrom(...values, ...ids).map((v) => JSON.stringify(v)),
      fc.constantFrom("12345678901234567890", "7", "-1.5e3", "true", "null", "{}", '["a"]'),
    );
    const line = fc.oneof(
      fc
        .array(fc.tuple(key, value), { maxLength: 7 })
        .map((members) => `{${members.map(([k, v]) => `"${k}":${v}`).join(",")}}`),
      fc
        .array(fc.tuple(key, value), { maxLength: 7 })
        .map((members) => `{ ${members.map(([k, v]) => `"${k}" : ${v}`).join(" , ")} }`),
      fc.constantFrom("", "  ", "{not json", "[1]", "null", '"s"'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (lines, eol, cuts) => {
          const bytes = Buffer.from(lines.join(eol));
          const fast = await readAll(ndjsonRecords(pieces(bytes, cuts)));
          const full = await readAll(ndjsonRecords(pieces(bytes, cuts), { fullParser: true }));
          expect(plain(fast)).toEqual(plain(full));
          // And the sweep decides each record alike.
          const decide = (r: { out: RecordItem[] }) => {
            const sweeper = createSweeper(kit, NOW);
            return r.out.map(([, rec]) => (typeof rec === "string" ? rec : sweeper.decide(rec)));
          };
          expect(decide(fast)).toEqual(decide(full));
        },
      ),
    );
  });

  it("read dates by integer arithmetic exactly as the general ISO 8601 reader does", () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
    const date = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")),
        two(13),
        two(32),
      )
      .map((p) => p.join("-"));
    const time = fc
      .tuple(two(25), two(61), two(61), fc.option(fc.integer({ min: 0, max: 999 })))
      .map(
        ([h, m, s, ms]) =>
          `T${h}:${m}:${s}${ms === null ? "" : `.${String(ms).padStart(3, "0")}`}Z`,
      );
    const iso = fc.oneof(
      date,
      fc.tuple(date, time).map(([d, t]) => d + t),
      fc
        .tuple(date, fc.constantFrom("T00:00Z", "T12:30:00+02:00", "T1:00:00Z", "Z", " "))
        .map(([d, t]) => d + t),
      fc.string({ maxLength: 24 }),
    );
    fc.assert(
      fc.property(iso, (s) => {
        expect(parseDateMs(s)).toBe(parseDate(s)?.getTime() ?? Number.NaN);
      }),
    );
  });
});

/** Runs `main` in-process and returns what it wrote to stdout. */
const stdoutOf = async (argv: string[]) => {
  let out = "";
  const grab = (chunk: unknown, ...rest: unknown[]) => {
    out += String(chunk);
    (rest.find((r) => typeof r === "function") as (() => void) | undefined)?.();
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(grab as never);
  vi.spyOn(process.stderr, "write").mockImplementation((() => true) as never);
  await main(argv);
  vi.restoreAllMocks();
  return out;
};

describe("the sweep's precomputed output", () => {
  it("writes each due record as its decision spelt out in NDJSON, CSV and JSON", async () => {
    const categories = Object.keys(kit.policy.retention);
    const record = fc.record({
      id: fc.oneof(fc.constantFrom(...ids.filter((i) => i !== "")), fc.string({ minLength: 1 })),
      category: fc.constantFrom(...categories),
      collectedAt: fc.constantFrom("2010-01-01", "2024-06-30", "2025-07-06"),
      relationshipEndedAt: fc.constantFrom("2012-01-01", "2025-07-01", ""),
      jurisdiction: fc.constantFrom(...kit.policy.jurisdictions),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 12 }), async (records) => {
        const file = join(dir, `${n++}.ndjson`);
        writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n"));
        const sweeper = createSweeper(kit, NOW);
        const due = records.flatMap((r) => {
          const o = sweeper.decide(r);
          return o.kind === "due" ? [o.record] : [];
        });
        const args = ["retention", "sweep", file, "--now", "2025-07-07"];
        expect(await stdoutOf(args)).toBe(due.map((r) => `${JSON.stringify(r)}\n`).join(""));
        const columns = ["id", "category", "jurisdiction", "anchor", "rule", "law", "section"];
        expect(await stdoutOf([...args, "--format", "csv"])).toBe(
          stringify(
            [columns, ...due.map((r) => columns.map((c) => r[c as keyof typeof r]))],
            SPREADSHEET_SAFE,
          ),
        );
        expect(JSON.parse(await stdoutOf([...args, "--json"])).due).toEqual(due);
      }),
      { numRuns: 40 },
    );
  });
});
