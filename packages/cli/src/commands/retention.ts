import { createReadStream, statSync } from "node:fs";
import { resolve } from "node:path";
import Table from "cli-table3";
import { Argument, type Command, Option } from "commander";
import type { CliIo } from "../CliIo";
import { csvReader } from "../internal/csvRecords";
import { dateOption } from "../internal/dates";
import { EXIT, InputError, UsageError } from "../internal/errors";
import { ndjsonReader } from "../internal/ndjsonRecords";
import { SPREADSHEET_SAFE, streamWriter } from "../internal/output";
import { createSweeper, RECORD_FIELDS, type SweepRule } from "../internal/sweep";
import type { PolicyKit } from "../PolicyKit";

// Below this size a sweep finishes before a progress bar would tell anyone anything.
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const CSV_COLUMNS = ["id", "category", "jurisdiction", "anchor", "rule", "law", "section"] as const;
// Bigger reads than the 64 KiB default: fewer turns of the loop for the same bytes.
const CHUNK_BYTES = 256 * 1024;
// Due lines are written about this many characters at a time (64 KiB even in UTF-16): V8 puts a
// longer string in its large-object space, and flattening one there to write it costs more than
// making it.
const OUTPUT_PIECE_CHARS = 32 * 1024;
// An id csv-stringify writes unquoted and a spreadsheet does not run, so it is written as is.
const PLAIN_CELL = /^[\w.:/][\w.:/-]*$/;

/** The CSV header and due lines, each rule's cells after the id written once. */
async function csvLineWriter() {
  const { stringify } = await import("csv-stringify/sync");
  const tails = new Map<SweepRule, string>();
  return {
    header: stringify([[...CSV_COLUMNS]], SPREADSHEET_SAFE),
    line(id: string, rule: SweepRule): string {
      let tail = tails.get(rule);
      if (tail === undefined) {
        const { due } = rule;
        tail = stringify(
          [CSV_COLUMNS.slice(1).map((k) => due[k as keyof typeof due])],
          SPREADSHEET_SAFE,
        );
        tails.set(rule, tail);
      }
      const cell = PLAIN_CELL.test(id) ? id : stringify([[id]], SPREADSHEET_SAFE).slice(0, -1);
      return `${cell},${tail}`;
    },
  };
}

/** Where each record field is among the CSV columns, -1 when it is not one. */
const columnIndexes = (names: readonly string[]) =>
  Object.fromEntries(RECORD_FIELDS.map((f) => [f, names.indexOf(f)])) as Record<
    (typeof RECORD_FIELDS)[number],
    number
  >;

interface SweepOptions {
  now?: string;
  format: "ndjson" | "csv";
  inputFormat?: "ndjson" | "csv";
  json?: boolean;
}

function summaryTable(
  counts: ReadonlyMap<string, Record<string, number>>,
  malformed: number,
  rows: number,
  stoppedAt?: number,
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
  const stop = stoppedAt === undefined ? "" : `, stopped at line ${stoppedAt}`;
  return `${table.toString()}\n${rows} ${rows === 1 ? "row" : "rows"}, ${malformed} malformed${stop}\n`;
}

/** `retention sweep <file>`: the ids due for deletion, streamed. */
export function retentionCommand(
  program: Command,
  kit: PolicyKit,
  setExit: (code: number) => void,
  io: CliIo,
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
      "\nDue records go to stdout; malformed rows (by line number) and the per-category summary go to stderr.\nLegal holds and open relationships are never due; malformed rows are never due.\nExit codes: 0 swept, 2 bad input (malformed rows, reported and counted after the sweep goes on; unreadable file, bad option; a line over 1 MiB, an unclosed quote or a bad CSV header, which stop it), 3 output not written.\nCSV cells starting with = + - @ ' tab or CR get a ' in front (spreadsheets would run them); NDJSON ids are exact.\nExample: trunkiq-policy retention sweep records.csv --now 2025-07-07 --format csv",
    )
    .action(async (file: string, opts: SweepOptions) => {
      const now = opts.now ? dateOption("--now", opts.now) : new Date();
      let size: number;
      try {
        const stat = statSync(resolve(io.cwd, file));
        if (!stat.isFile()) throw new Error();
        size = stat.size;
      } catch {
        throw new UsageError(`cannot read ${JSON.stringify(file)}`);
      }
      const inputFormat = opts.inputFormat ?? (/\.csv$/i.test(file) ? "csv" : "ndjson");
      const sweeper = createSweeper(kit, now);
      const out = streamWriter(io.stdout, OUTPUT_PIECE_CHARS);

      // The bar and CSV output load their libraries only when a sweep uses them.
      const progress =
        io.stderr.isTTY && size >= PROGRESS_MIN_BYTES ? await import("cli-progress") : undefined;
      const bar = progress
        ? new progress.SingleBar({
            stream: io.stderr as NodeJS.WritableStream,
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
      const csvLines = format === "csv" ? await csvLineWriter() : undefined;
      if (csvLines) await out.push(csvLines.header);
      if (format === "json") await out.push('{"due":[');
      let first = true;
      // Due records of a chunk gather here, in pieces, and are written after it, awaiting only
      // the output.
      let batch = "";
      const pieces: string[] = [];
      const emit = (id: string, rule: SweepRule) => {
        if (csvLines) batch += csvLines.line(id, rule);
        else if (format === "json") {
          batch += `${first ? "" : ","}\n{"id":${JSON.stringify(id)}${rule.jsonTail}`;
          first = false;
        } else batch += `{"id":${JSON.stringify(id)}${rule.jsonTail}\n`;
        if (batch.length >= OUTPUT_PIECE_CHARS) {
          pieces.push(batch);
          batch = "";
        }
      };
      const writeDecided = async () => {
        if (batch.length > 0) {
          pieces.push(batch);
          batch = "";
        }
        for (let i = 0; i < pieces.length; i++) await out.push(pieces[i] as string);
        pieces.length = 0;
      };
      const report = (line: number, problem: string) =>
        io.stderr.write(`${bar ? "\r\x1b[2K" : ""}line ${line}: ${problem}\n`);
      const outcome = (line: number, id: unknown, decided: SweepRule | string | null) => {
        rows++;
        if (decided === null) return;
        if (typeof decided === "string") {
          malformed++;
          report(line, decided);
        } else emit(String(id), decided);
      };
      const refused = (line: number, problem: string) => {
        rows++;
        malformed++;
        report(line, problem);
      };
      let columns: ReturnType<typeof columnIndexes> | undefined;
      const csv = csvReader((line, cells) => {
        if (typeof cells === "string") return refused(line, cells);
        columns ??= columnIndexes(csv.header ?? []);
        const at = columns;
        const hold = at.legalHold < 0 ? undefined : cells[at.legalHold];
        const id = cells[at.id];
        outcome(
          line,
          id,
          sweeper.decideFields(
            id,
            cells[at.category],
            cells[at.collectedAt],
            at.relationshipEndedAt < 0 ? undefined : cells[at.relationshipEndedAt],
            hold === "" ? undefined : hold,
            at.jurisdiction >= 0,
            at.jurisdiction < 0 ? undefined : cells[at.jurisdiction],
          ),
        );
      });
      const reader =
        inputFormat === "csv"
          ? csv
          : ndjsonReader((line, record) => {
              if (typeof record === "string") return refused(line, record);
              outcome(line, record.id, sweeper.decideRecord(record));
            });
      const input = createReadStream(resolve(io.cwd, file), { highWaterMark: CHUNK_BYTES });
      let stopped: InputError | undefined;
      try {
        try {
          for await (const chunk of input as AsyncIterable<Buffer>) {
            onBytes(chunk.length);
            reader.push(chunk);
            await writeDecided();
          }
          reader.end();
        } finally {
          // What was decided before a stop stands and is written.
          await writeDecided();
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // The summary still closes the output.
        stopped = error;
        report(error.line, error.message.replace(/^line \d+: /, ""));
      } finally {
        input.destroy();
      }
      bar?.stop();
      const counts = sweeper.counts as unknown as ReadonlyMap<string, Record<string, number>>;
      if (format === "json") {
        const summary = {
          now: now.toISOString(),
          rows,
          malformed,
          ...(stopped ? { stoppedAt: stopped.line } : {}),
          categories: Object.fromEntries(counts),
        };
        await out.push(`${first ? "" : "\n"}],"summary":${JSON.stringify(summary)}}\n`);
      } else io.stderr.write(summaryTable(counts, malformed, rows, stopped?.line));
      await out.close();
      // The due records of the good rows are out; exit 2 tells a deletion job some were not read.
      setExit(malformed > 0 || stopped ? EXIT.badInput : EXIT.ok);
    });
}
