import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { defaultKit } from "../src/defaultKit";
import { csvRecords } from "../src/internal/csvRecords";
import { InputError } from "../src/internal/errors";
import { ndjsonRecords, type RecordItem } from "../src/internal/ndjsonRecords";
import { createSweeper, RECORD_FIELDS } from "../src/internal/sweep";
import { runCli, tempDir } from "./support/runCli";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const NOW = new Date("2025-07-07T00:00:00Z");
const kit = defaultKit();
const CDR = { category: "call-detail-record", collectedAt: "2010-01-01" };

const bytes = (text: string | Buffer) => Readable.from([Buffer.from(text)]);
const collect = async (items: AsyncIterable<RecordItem>) => {
  const out: RecordItem[] = [];
  for await (const item of items) out.push(item);
  return out;
};
/** What `retention sweep` decides for each row: the due id, or the refusal. */
const decideAll = async (items: AsyncIterable<RecordItem>) => {
  const sweeper = createSweeper(kit, NOW);
  return (await collect(items)).map(([line, record]) => {
    if (typeof record === "string") return { line, problem: record };
    const outcome = sweeper.decide(record);
    if (outcome.kind === "malformed") return { line, problem: outcome.problem };
    return { line, due: outcome.kind === "due" ? outcome.record.id : undefined };
  });
};
const stopOf = async (items: AsyncIterable<RecordItem>) => {
  try {
    await collect(items);
  } catch (error) {
    return error;
  }
  return undefined;
};

/** Runs the command in-process and returns the exit code with what it wrote. */
const run = async (argv: string[]) => {
  const { code, stdout: out, stderr: err } = await runCli(argv);
  return { code, out, err };
};
let files = 0;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, content);
  return path;
};

describe("retention sweep ids", () => {
  it("prints a number id beyond 2^53 exactly as written", async () => {
    const input = file(
      "big-id.ndjson",
      `{"id": 12345678901234567890, "category": "call-detail-record", "collectedAt": "2010-01-01"}\n`,
    );
    const { code, out } = await run(["retention", "sweep", input, "--now", "2025-07-07"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).id).toBe("12345678901234567890");
  });

  it("keeps every id written as digits of any length exactly", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^-?(0|[1-9][0-9]{0,80})(\.[0-9]{1,5})?([eE][+-]?[0-9]{1,3})?$/),
        async (digits) => {
          const line = `{"id":${digits},"category":"call-detail-record","collectedAt":"2010-01-01"}`;
          expect(await decideAll(ndjsonRecords(bytes(line)))).toEqual([{ line: 1, due: digits }]);
        },
      ),
    );
  });

  it("keeps every string id exactly, in NDJSON and in CSV", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", minLength: 1 }), async (id) => {
        const line = JSON.stringify({ id, ...CDR });
        expect(await decideAll(ndjsonRecords(bytes(line)))).toEqual([{ line: 1, due: id }]);
        const csv = `id,category,collectedAt\n"${id.replace(/"/g, '""')}",call-detail-record,2010-01-01\n`;
        const [row] = await decideAll(csvRecords(bytes(csv)));
        expect(row?.due).toBe(id);
      }),
    );
  });

  it("refuses a line that is not UTF-8 by its number and reads on", async () => {
    const input = Buffer.concat([
      Buffer.from('{"id":"a\xff'.replace("\xff", ""), "latin1"),
      Buffer.from([0xff]),
      Buffer.from(`","category":"call-detail-record","collectedAt":"2010-01-01"}\n`),
      Buffer.from(`${JSON.stringify({ id: "b", ...CDR })}\n`),
    ]);
    expect(await decideAll(ndjsonRecords(bytes(input)))).toEqual([
      { line: 1, problem: "not valid UTF-8" },
      { line: 2, due: "b" },
    ]);
    const csv = Buffer.concat([
      Buffer.from("id,category,collectedAt\nx"),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(",call-detail-record,2010-01-01\ny,call-detail-record,2010-01-01\n"),
    ]);
    expect(await decideAll(csvRecords(bytes(csv)))).toEqual([
      { line: 2, problem: "id is not valid UTF-8" },
      { line: 3, due: "y" },
    ]);
  });

  it("refuses an id holding a lone surrogate, which cannot be written back unchanged", async () => {
    const line = `{"id":"a\\ud800","category":"call-detail-record","collectedAt":"2010-01-01"}`;
    const [row] = await decideAll(ndjsonRecords(bytes(line)));
    expect(row?.problem).toMatch(/^id must be a string or an integer/);
  });
});

describe("retention sweep fields", () => {
  const mutation = fc
    .tuple(fc.constantFrom(...RECORD_FIELDS), fc.nat(), fc.constantFrom("case", "_", "drop", "s"))
    .map(([field, at, how]) => {
      const i = at % field.length;
      const c = field[i] as string;
      if (how === "case") {
        const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
        return field.slice(0, i) + flipped + field.slice(i + 1);
      }
      if (how === "_") return `${field.slice(0, i)}_${field.slice(i)}`;
      if (how === "drop") return field.slice(0, i) + field.slice(i + 1);
      return `${field}s`;
    })
    .filter((name) => !(RECORD_FIELDS as readonly string[]).includes(name));

  it("refuses any misspelt field in NDJSON, naming it", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (name) => {
        const line = JSON.stringify({ id: "a", ...CDR, [name]: true });
        expect(await decideAll(ndjsonRecords(bytes(line)))).toEqual([
          {
            line: 1,
            problem: `unknown field ${JSON.stringify(name)}; the fields are ${RECORD_FIELDS.join(", ")}`,
          },
        ]);
      }),
    );
  });

  it("refuses a CSV header with any misspelt column once, before any row", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (name) => {
        const csv = `id,category,collectedAt,${name}\na,call-detail-record,2010-01-01,true\n`;
        const error = await stopOf(csvRecords(bytes(csv)));
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).message).toBe(
          `line 1: unknown column ${JSON.stringify(name)}; the columns are ${RECORD_FIELDS.join(", ")}`,
        );
      }),
    );
  });

  it("refuses a repeated JSON key, escaped spellings included, instead of keeping the last", async () => {
    for (const line of [
      '{"id":"a","category":"call-detail-record","collectedAt":"2010-01-01","legalHold":true,"legalHold":false}',
      '{"id":"a","category":"call-detail-record","collectedAt":"2010-01-01","legalHold":true,"legal\\u0048old":false}',
      '{"legalHold":null,"id":"a","category":"call-detail-record","collectedAt":"2010-01-01","legalHold":null}',
      '{"id":"a","legalHold":"","category":"call-detail-record","collectedAt":"2010-01-01","legalHold":""}',
      '{"id":"a", "category":"call-detail-record","collectedAt":"2010-01-01","legalHold":true,"legalHold":true}',
    ]) {
      expect(await decideAll(ndjsonRecords(bytes(line)))).toEqual([
        { line: 1, problem: 'duplicate field "legalHold"' },
      ]);
    }
  });

  it("refuses a repeated CSV column", async () => {
    const csv =
      "id,category,collectedAt,legalHold,legalHold\na,call-detail-record,2010-01-01,true,\n";
    await expect(stopOf(csvRecords(bytes(csv)))).resolves.toMatchObject({
      message: 'line 1: duplicate column "legalHold"',
    });
  });

  it("refuses a null or empty jurisdiction and a null legal hold rather than taking a default", async () => {
    const lines = [
      { id: "a", ...CDR, jurisdiction: null },
      { id: "b", ...CDR, jurisdiction: "" },
      { id: "c", ...CDR, legalHold: null },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    expect(await decideAll(ndjsonRecords(bytes(lines)))).toEqual([
      { line: 1, problem: "jurisdiction must be one of us, eea, uk, got null" },
      { line: 2, problem: 'jurisdiction must be one of us, eea, uk, got ""' },
      { line: 3, problem: "legalHold must be true or false, got null" },
    ]);
    const csv = "id,category,collectedAt,jurisdiction\nd,call-detail-record,2010-01-01,\n";
    expect(await decideAll(csvRecords(bytes(csv)))).toEqual([
      { line: 2, problem: 'jurisdiction must be one of us, eea, uk, got ""' },
    ]);
  });

  it("exits 2 after the sweep when a row was malformed, with the due rows written", async () => {
    const input = file(
      "held.ndjson",
      [
        JSON.stringify({ id: "held", ...CDR, legal_hold: true }),
        JSON.stringify({ id: "ok", ...CDR }),
      ].join("\n"),
    );
    const { code, out, err } = await run(["retention", "sweep", input, "--now", "2025-07-07"]);
    expect(code).toBe(2);
    expect(
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual(["ok"]);
    expect(err).toMatch(/^line 1: unknown field "legal_hold"/m);
    expect(err).toContain("2 rows, 1 malformed");
  });
});

describe("retention sweep limits", () => {
  it("skips a UTF-8 byte order mark at the start of NDJSON and CSV", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const line = Buffer.from(JSON.stringify({ id: "a", ...CDR }));
    expect(await decideAll(ndjsonRecords(bytes(Buffer.concat([bom, line]))))).toEqual([
      { line: 1, due: "a" },
    ]);
    const csv = Buffer.from("id,category,collectedAt\nb,call-detail-record,2010-01-01\n");
    // Split after one byte so the mark arrives in pieces.
    const pieces = Readable.from([bom.subarray(0, 1), bom.subarray(1), csv]);
    expect(await decideAll(csvRecords(pieces))).toEqual([{ line: 2, due: "b" }]);
  });

  /** A stream of `total` bytes of `fill` after `head`, counting what was read from it. */
  const huge = (head: string, fill: string, total: number) => {
    const state = { read: 0 };
    const chunk = Buffer.alloc(64 * 1024, fill);
    const stream = Readable.from(
      (function* () {
        yield Buffer.from(head);
        for (let n = 0; n < total; n += chunk.length) {
          state.read += chunk.length;
          yield chunk;
        }
      })(),
    );
    return { stream, state };
  };

  it("stops at an NDJSON line over the cap with its number, without reading the rest of it", async () => {
    const cap = 256 * 1024;
    const head = `${JSON.stringify({ id: "a", ...CDR })}\n{"id":"`;
    const { stream, state } = huge(head, "x", 8 * 1024 * 1024);
    const items: RecordItem[] = [];
    const error = await stopOf(
      (async function* () {
        for await (const item of ndjsonRecords(stream, { maxLineBytes: cap })) {
          items.push(item);
          yield item;
        }
      })(),
    );
    expect(items.map(([line]) => line)).toEqual([1]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `line 2: longer than ${cap} bytes; the sweep stops here`,
    );
    expect(state.read).toBeLessThanOrEqual(cap + 128 * 1024);
  });

  it("stops at a CSV record over the cap at the line it started, without reading the rest", async () => {
    const cap = 256 * 1024;
    const head = 'id,category,collectedAt\na,call-detail-record,2010-01-01\n\n"b';
    const { stream, state } = huge(head, "\n", 8 * 1024 * 1024);
    const items: RecordItem[] = [];
    const error = await stopOf(
      (async function* () {
        for await (const item of csvRecords(stream, { maxLineBytes: cap })) {
          items.push(item);
          yield item;
        }
      })(),
    );
    expect(items.map(([line]) => line)).toEqual([2]);
    expect((error as InputError).message).toBe(
      `line 4: record longer than ${cap} bytes; the sweep stops here`,
    );
    expect(state.read).toBeLessThanOrEqual(cap + 128 * 1024);
  });

  it("reports an unclosed CSV quote at the line it opened, keeping the rows before it", async () => {
    const cell = fc
      .array(fc.constantFrom("a", "b", '"', ",", "\n", "é", " "), { maxLength: 6 })
      .map((cs) => cs.join(""));
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (ids, breakAt) => {
          const quoted = ids.map((id) => `"${id.replace(/"/g, '""')}"`);
          const broken = breakAt === undefined ? undefined : breakAt % ids.length;
          let text = "id,category,collectedAt\n";
          let opened = 0;
          quoted.forEach((q, i) => {
            if (i === broken) {
              opened = text.split("\n").length;
              text += `${q.slice(0, -1)},call-detail-record,2010-01-01\n`;
            } else if (broken === undefined || i < broken) {
              text += `${q},call-detail-record,2010-01-01\n`;
            } else text += `plain${i},call-detail-record,2010-01-01\n`;
          });
          const seen: string[] = [];
          const error = await stopOf(
            (async function* () {
              for await (const item of csvRecords(bytes(text))) {
                const [, record] = item;
                if (typeof record !== "string") seen.push(String(record.id));
                yield item;
              }
            })(),
          );
          if (broken === undefined) {
            expect(error).toBeUndefined();
            expect(seen).toEqual(ids);
          } else {
            expect((error as InputError).message).toBe(
              `line ${opened}: a quoted field opened on this line is never closed`,
            );
            expect(seen).toEqual(ids.slice(0, broken));
          }
        },
      ),
    );
  });

  it("ends an over-long line in the CLI with exit 2, the line number and no stack trace", async () => {
    const input = file(
      "long.ndjson",
      `${JSON.stringify({ id: "a", ...CDR })}\n{"id":"${"x".repeat(1024 * 1024 + 10)}"}\n`,
    );
    const { code, out, err } = await run(["retention", "sweep", input, "--now", "2025-07-07"]);
    expect(code).toBe(2);
    expect(JSON.parse(out).id).toBe("a");
    expect(err).toMatch(/^line 2: longer than 1048576 bytes; the sweep stops here$/m);
    expect(err).toContain("1 row, 0 malformed, stopped at line 2");
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("leaves no temporary file behind in the input folder", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
