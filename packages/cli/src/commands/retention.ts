import { createReadStream, statSync } from "node:fs";
import { resolve } from "node:path";
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import { Argument, type Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import type { CliIo } from "../CliIo";
import { csvRecords } from "../internal/csvRecords";
import { dateOption } from "../internal/dates";
import { EXIT, InputError, UsageError } from "../internal/errors";
import { ndjsonRecords } from "../internal/ndjsonRecords";
import { SPREADSHEET_SAFE, streamWriter } from "../internal/output";
import { createSweeper, type DueRecord } from "../internal/sweep";
import type { PolicyKit } from "../PolicyKit";

// Below this size a sweep finishes before a progress bar would tell anyone anything.
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const CSV_COLUMNS = ["id", "category", "jurisdiction", "anchor", "rule", "law", "section"] as const;

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
      const out = streamWriter(io.stdout);

      const bar =
        io.stderr.isTTY && size >= PROGRESS_MIN_BYTES
          ? new SingleBar({
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
      if (format === "csv") await out.push(stringify([[...CSV_COLUMNS]], SPREADSHEET_SAFE));
      if (format === "json") await out.push('{"due":[');
      let first = true;
      const emit = async (r: DueRecord) => {
        if (format === "csv")
          await out.push(stringify([CSV_COLUMNS.map((k) => r[k])], SPREADSHEET_SAFE));
        else if (format === "json") {
          await out.push(`${first ? "" : ","}\n${JSON.stringify(r)}`);
          first = false;
        } else await out.push(`${JSON.stringify(r)}\n`);
      };

      const report = (line: number, problem: string) =>
        io.stderr.write(`${bar ? "\r\x1b[2K" : ""}line ${line}: ${problem}\n`);
      const input = createReadStream(resolve(io.cwd, file));
      const read = inputFormat === "csv" ? csvRecords : ndjsonRecords;
      let stopped: InputError | undefined;
      try {
        for await (const [line, record] of read(input, { onBytes })) {
          rows++;
          const outcome =
            typeof record === "string"
              ? ({ kind: "malformed", problem: record } as const)
              : sweeper.decide(record);
          if (outcome.kind === "malformed") {
            malformed++;
            report(line, outcome.problem);
          } else if (outcome.kind === "due") await emit(outcome.record);
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // What was decided before the stop stands; the summary still closes the output.
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
