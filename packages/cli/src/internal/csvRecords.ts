import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { InputError } from "./errors";
import { MAX_LINE_BYTES, type RecordItem, type RecordReaderOptions } from "./ndjsonRecords";
import { RECORD_FIELDS, REQUIRED_FIELDS } from "./sweep";

const QUEUE_HIGH = 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Follows RFC 4180 quoting over the raw bytes ahead of the parser, to know the line where a
 * quoted field opened and where a record started, and to stop at a record over the size cap
 * before its bytes are held.
 */
function recordTracker(max: number) {
  const state = {
    line: 1,
    inQuote: false,
    justClosed: false,
    quoteLine: 0,
    recordLine: 1,
    recordBytes: 0,
    fatal: undefined as InputError | undefined,
  };
  /** The part of `chunk` before a record grows over `max`, which sets `fatal`. */
  const scan = (chunk: Buffer): Buffer => {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) {
        // `""` inside a quoted field closes and reopens: the field still opened where it did.
        if (!state.inQuote && !state.justClosed) state.quoteLine = state.line;
        state.justClosed = state.inQuote;
        state.inQuote = !state.inQuote;
      } else state.justClosed = false;
      if (++state.recordBytes > max) {
        state.fatal = new InputError(
          state.recordLine,
          `record longer than ${max} bytes; the sweep stops here`,
        );
        return chunk.subarray(0, i);
      }
      if (byte === NEWLINE) {
        state.line++;
        if (!state.inQuote) {
          state.recordLine = state.line;
          state.recordBytes = 0;
        }
      }
    }
    return chunk;
  };
  return { state, scan };
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const decode = (cell: Buffer | string): string | undefined => {
  if (typeof cell === "string") return cell;
  try {
    return decoder.decode(cell);
  } catch {
    return undefined;
  }
};

/** Refuses a header with an unknown, repeated or missing column: every row would be misread. */
function checkHeader(names: string[], line: number): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!(RECORD_FIELDS as readonly string[]).includes(name)) {
      throw new InputError(
        line,
        `unknown column ${JSON.stringify(name)}; the columns are ${RECORD_FIELDS.join(", ")}`,
      );
    }
    if (seen.has(name)) throw new InputError(line, `duplicate column ${JSON.stringify(name)}`);
    seen.add(name);
  }
  for (const name of REQUIRED_FIELDS) {
    if (!seen.has(name)) throw new InputError(line, `missing column ${JSON.stringify(name)}`);
  }
}

// An empty cell of an optional column says "none"; an empty jurisdiction stays "" and is refused.
const EMPTY_MEANS_ABSENT = new Set(["relationshipEndedAt", "legalHold"]);

/**
 * Yields `[line, record]` from CSV bytes with a header row (RFC 4180 quoting, byte order mark
 * skipped). A row with the wrong number of fields or bytes that are not UTF-8 is refused by line
 * number; a bad header, a CSV syntax error, a quote never closed (reported at the line it opened)
 * or a record over `maxLineBytes` stops the reading with an {@link InputError}.
 */
export async function* csvRecords(
  input: Readable,
  options: RecordReaderOptions = {},
): AsyncGenerator<RecordItem> {
  const { state, scan } = recordTracker(options.maxLineBytes ?? MAX_LINE_BYTES);
  // Records and the parser's error are queued in the order they happen: a stream iterator would
  // drop the records still buffered when the error comes, the good rows before a bad quote.
  type Parsed = { record: (Buffer | string)[]; info: { lines: number } };
  const queue: Parsed[] = [];
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const wait = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  const source = Readable.from(
    (async function* () {
      let start: Buffer | undefined = Buffer.alloc(0);
      for await (const read of input as AsyncIterable<Buffer>) {
        options.onBytes?.(read.length);
        let chunk = read;
        // The parser's own BOM detection would switch it back to decoding text, so strip it here.
        if (start) {
          start = Buffer.concat([start, chunk]);
          if (start.length < BOM.length && BOM.subarray(0, start.length).equals(start)) continue;
          chunk = start.subarray(0, BOM.length).equals(BOM) ? start.subarray(BOM.length) : start;
          start = undefined;
        }
        const kept = scan(chunk);
        if (kept.length > 0) yield kept;
        if (state.fatal) return;
        // Backpressure: read on only once the rows parsed so far are taken.
        while (queue.length > QUEUE_HIGH) await wait();
      }
      if (start && start.length > 0) yield scan(start);
    })(),
  );
  const parser = parse({
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    encoding: null,
  });
  parser.on("data", (item: Parsed) => {
    queue.push(item);
    notify();
  });
  pipeline(source, parser, (error) => {
    if (error) failure ??= error;
    ended = true;
    notify();
  });
  async function* parsed() {
    for (;;) {
      const item = queue.shift();
      if (item) {
        if (queue.length <= QUEUE_HIGH) notify();
        yield item;
      } else if (failure !== undefined) throw failure;
      else if (ended) return;
      else await wait();
    }
  }
  let header: string[] | undefined;
  try {
    for await (const item of parsed()) {
      const { record, info } = item;
      if (state.fatal && info.lines >= state.fatal.line) break;
      if (!header) {
        const names = record.map(decode);
        if (names.some((n) => n === undefined)) {
          throw new InputError(info.lines, "the header is not valid UTF-8");
        }
        header = (names as string[]).map((n) => n.trim());
        checkHeader(header, info.lines);
        continue;
      }
      if (record.length !== header.length) {
        yield [info.lines, `expected ${header.length} fields, got ${record.length}`];
        continue;
      }
      const row: Record<string, string> = {};
      let problem: string | undefined;
      header.forEach((name, i) => {
        const cell = decode(record[i] ?? "");
        if (cell === undefined) problem = `${name} is not valid UTF-8`;
        else if (!(cell === "" && EMPTY_MEANS_ABSENT.has(name))) row[name] = cell;
      });
      yield [info.lines, problem ?? row];
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    if (typeof e.code !== "string" || !e.code.startsWith("CSV_")) throw error;
    const syntax =
      e.code === "CSV_QUOTE_NOT_CLOSED"
        ? new InputError(state.quoteLine, "a quoted field opened on this line is never closed")
        : new InputError(e.lines ?? state.line, e.message.replace(/ at line \d+$/, ""));
    // The parser sees the bytes before a record over the cap, which may end mid-record.
    throw state.fatal && state.fatal.line <= syntax.line ? state.fatal : syntax;
  } finally {
    parser.destroy();
    input.destroy();
  }
  if (state.fatal) throw state.fatal;
}
