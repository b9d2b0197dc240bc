import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import { Argument, type Command, Option } from "commander";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { dateOption } from "../internal/dates";
import { EXIT, UsageError } from "../internal/errors";
import { createSweeper, type DueRecord, type RawRecord } from "../internal/sweep";
import type { PolicyKit } from "../PolicyKit";

// Below this size a sweep finishes before a progress bar would tell anyone anything.
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const FLUSH_BYTES = 64 * 1024;
const CSV_COLUMNS = ["id", "category", "jurisdiction", "anchor", "rule", "law", "section"] as const;

interface SweepOptions {
  now?: string;
  format: "ndjson" | "csv";
  inputFormat?: "ndjson" | "csv";
  json?: boolean;
}

/** Buffers output and waits for stdout to drain, so memory stays flat on any input size. */
function bufferedStdout() {
  let buffer = "";
  const flush = async () => {
    if (buffer === "") return;
    const chunk = buffer;
    buffer = "";
    if (!process.stdout.write(chunk)) {
      await new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
    }
  };
  return {
    push: async (text: string) => {
      buffer += text;
      if (buffer.length >= FLUSH_BYTES) await flush();
    },
    flush,
  };
}

/** Yields `[line, record]` from an NDJSON file, a malformed line as a string problem. */
async function* ndjsonRecords(path: string, onBytes: (n: number) => void) {
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes(chunk.length));
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield [line, "not valid JSON"] as const;
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      yield [line, "a record must be a JSON object"] as const;
      continue;
    }
    yield [line, value as RawRecord] as const;
  }
}

/** Yields `[line, record]` from a CSV file with a header row; quoting per RFC 4180. */
async function* csvRecords(path: string, onBytes: (n: number) => void) {
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes(chunk.length));
  const skipped: [number, string][] = [];
  const parser = input.pipe(
    parse({
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      bom: true,
    }),
  );
  parser.on("skip", (error: Error & { lines?: number }) => {
    skipped.push([error.lines ?? 0, error.message]);
  });
  let header: string[] | undefined;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift() as [number, string];
    const { record, info } = item;
    if (!header) {
      header = record.map((h) => h.trim());
      continue;
    }
    if (record.length !== header.length) {
      yield [info.lines, `expected ${header.length} fields, got ${record.length}`] as const;
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      row[name] = record[i] ?? "";
    });
    yield [info.lines, row as RawRecord] as const;
  }
  while (skipped.length) yield skipped.shift() as [number, string];
}

function summaryTable(
  counts: ReadonlyMap<string, Record<string, number>>,
  malformed: number,
  rows: number,
) {
  const table = new Table({
    head: ["category", "scanned", "expired", "kept", "legal hold", "relationship open"],
    style: { head: [], border: [] },
  });
  for (const [category, c] of counts) {
    table.push(
      [category, c.scanned, c.expired, c.kept, c.legalHold, c.relationshipOpen].map(String),
    );
  }
  return `${table.toString()}\n${rows} ${rows === 1 ? "row" : "rows"}, ${malformed} malformed\n`;
}

/** `retention sweep <file>`: the ids due for deletion, streamed. */
export function retentionCommand(
  program: Command,
  kit: PolicyKit,
  setExit: (code: number) => void,
) {
  const retention = program
    .command("retention")
    .description("apply the retention rules to records");
  retention
    .command("sweep")
    .description(
      "stream records { id, category, collectedAt, relationshipEndedAt?, legalHold?, jurisdiction? } and print the ids due for deletion with their rule",
    )
    .addArgument(new Argument("<file>", "NDJSON or CSV records"))
    .option("--now <date>", "decide as of this moment instead of the current time (ISO 8601)")
    .addOption(
      new Option("--format <format>", "output format of the due records")
        .choices(["ndjson", "csv"])
        .default("ndjson"),
    )
    .addOption(
      new Option(
        "--input-format <format>",
        "input format (default: from the file extension)",
      ).choices(["ndjson", "csv"]),
    )
    .option("--json", "print one JSON document { due: [...], summary } to stdout")
    .addHelpText(
      "after",
      "\nDue records go to stdout; malformed rows (by line number) and the per-category summary go to stderr.\nLegal holds and open relationships are never due; malformed rows are never due.\nExit codes: 0 swept (malformed rows are reported and counted), 2 bad input (unreadable file, bad option).\nExample: trunkiq-policy retention sweep records.csv --now 2025-07-07 --format csv",
    )
    .action(async (file: string, opts: SweepOptions) => {
      const now = opts.now ? dateOption("--now", opts.now) : new Date();
      let size: number;
      try {
        const stat = statSync(file);
        if (!stat.isFile()) throw new Error();
        size = stat.size;
      } catch {
        throw new UsageError(`cannot read ${JSON.stringify(file)}`);
      }
      const inputFormat = opts.inputFormat ?? (/\.csv$/i.test(file) ? "csv" : "ndjson");
      const sweeper = createSweeper(kit, now);
      const out = bufferedStdout();

      const bar =
        process.stderr.isTTY && size >= PROGRESS_MIN_BYTES
          ? new SingleBar({
              stream: process.stderr,
              format: "sweep [{bar}] {percentage}% | {rate} rows/s | ETA {eta_formatted}",
              etaBuffer: 50,
              fps: 5,
              hideCursor: true,
            })
          : undefined;
      const started = Date.now();
      let bytes = 0;
      let rows = 0;
      let malformed = 0;
      bar?.start(size, 0, { rate: "0" });
      const onBytes = (n: number) => {
        bytes += n;
        if (bar) {
          const seconds = Math.max((Date.now() - started) / 1000, 0.001);
          bar.update(bytes, { rate: Math.round(rows / seconds).toLocaleString("en-US") });
        }
      };

      const format = opts.json ? "json" : opts.format;
      if (format === "csv") await out.push(stringify([[...CSV_COLUMNS]]));
      if (format === "json") await out.push('{"due":[');
      let first = true;
      const emit = async (r: DueRecord) => {
        if (format === "csv") await out.push(stringify([CSV_COLUMNS.map((k) => r[k])]));
        else if (format === "json") {
          await out.push(`${first ? "" : ","}\n${JSON.stringify(r)}`);
          first = false;
        } else await out.push(`${JSON.stringify(r)}\n`);
      };

      const records =
        inputFormat === "csv" ? csvRecords(file, onBytes) : ndjsonRecords(file, onBytes);
      for await (const [line, record] of records) {
        rows++;
        if (typeof record === "string") {
          malformed++;
          process.stderr.write(`${bar ? "\r\x1b[2K" : ""}line ${line}: ${record}\n`);
          continue;
        }
        const outcome = sweeper.decide(record);
        if (outcome.kind === "malformed") {
          malformed++;
          process.stderr.write(`${bar ? "\r\x1b[2K" : ""}line ${line}: ${outcome.problem}\n`);
        } else if (outcome.kind === "due") await emit(outcome.record);
      }
      bar?.stop();
      const counts = sweeper.counts as unknown as ReadonlyMap<string, Record<string, number>>;
      if (format === "json") {
        const summary = {
          now: now.toISOString(),
          rows,
          malformed,
          categories: Object.fromEntries(counts),
        };
        await out.push(`${first ? "" : "\n"}],"summary":${JSON.stringify(summary)}}\n`);
      } else process.stderr.write(summaryTable(counts, malformed, rows));
      await out.flush();
      setExit(EXIT.ok);
    });
}
