import type { Readable } from "node:stream";
import { type Options, parse } from "csv-parse/sync";
import { InputError } from "./errors";
import { lineSplitter } from "./lineSplitter";
import {
  MAX_LINE_BYTES,
  type RecordItem,
  type RecordReaderOptions,
  readerItems,
} from "./ndjsonRecords";
import { type RawRecord, RECORD_FIELDS, REQUIRED_FIELDS } from "./sweep";

const QUOTE = 0x22;
const NEWLINE = Buffer.from("\n");
// RFC 4180 records end at CRLF; a lone LF ends one too, and a lone CR is a character of a cell.
const PARSE_OPTIONS: Options = {
  relax_column_count: true,
  skip_empty_lines: true,
  encoding: null,
  record_delimiter: ["\n", "\r\n"],
};

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

/** Receives each CSV row after the header: its line and its cells in header order, or a refusal. */
export type CsvSink = (line: number, cells: readonly string[] | string) => void;

/**
 * Reads CSV bytes with a header row a chunk at a time, handing each row to `sink` before `push`
 * returns. A line without a quote is split at its commas; a record with a quote, which may span
 * lines, goes to the RFC 4180 parser (csv-parse). A byte order mark is skipped. A row with the
 * wrong number of fields or bytes that are not UTF-8 is refused by line number (a record over
 * several lines by its last); a bad header, a CSV syntax error, a quote never closed (reported at
 * the line it opened) or a record over `maxLineBytes` stops the reading with an {@link InputError}.
 */
export function csvReader(sink: CsvSink, options: RecordReaderOptions = {}) {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  const full = options.fullParser === true;
  let header: string[] | undefined;
  // A quoted record read so far, while a quote it opened is still open.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let recordLine = 0;
  let quoteLine = 0;
  let inQuote = false;
  const limits = { max, newlineCounts: true };

  const row = (line: number, cells: readonly (Buffer | string)[]) => {
    if (!header) {
      const names = cells.map(decode);
      if (names.some((n) => n === undefined)) {
        throw new InputError(line, "the header is not valid UTF-8");
      }
      header = (names as string[]).map((n) => n.trim());
      checkHeader(header, line);
      return;
    }
    if (cells.length !== header.length) {
      return sink(line, `expected ${header.length} fields, got ${cells.length}`);
    }
    let problem: string | undefined;
    const text: string[] = [];
    cells.forEach((cell, i) => {
      const value = decode(cell);
      if (value === undefined) problem = `${header?.[i]} is not valid UTF-8`;
      else text.push(value);
    });
    sink(line, problem ?? text);
  };

  /** Parses one whole record, `firstLine` to `line`, with the RFC 4180 parser. */
  const parseRecord = (bytes: Buffer, firstLine: number, line: number) => {
    let records: (Buffer | string)[][];
    try {
      records = parse(bytes, PARSE_OPTIONS) as (Buffer | string)[][];
    } catch (error) {
      throw syntaxError(error, firstLine, line);
    }
    for (const record of records) row(line, record);
  };

  const syntaxError = (error: unknown, firstLine: number, lastLine: number): unknown => {
    const e = error as Error & { code?: unknown; lines?: number };
    if (typeof e.code !== "string") return error;
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      return new InputError(quoteLine, "a quoted field opened on this line is never closed");
    }
    const at = (n: number) => Math.min(Math.max(firstLine - 1 + n, firstLine), lastLine);
    const message = e.message
      .replace(/ at line (\d+)$/, "")
      .replace(/ at line (\d+)/g, (_, n: string) => ` at line ${at(Number(n))}`);
    return new InputError(at(e.lines ?? 1), message);
  };

  /** Follows the quotes of a line of a quoted record, noting where an open quote opened. */
  const scanQuotes = (bytes: Buffer, line: number) => {
    let justClosed = false;
    for (let i = bytes.indexOf(QUOTE); i !== -1; i = bytes.indexOf(QUOTE, i + 1)) {
      // `""` inside a quoted field closes and reopens: the field still opened where it did.
      if (!inQuote && !(justClosed && i > 0 && bytes[i - 1] === QUOTE)) quoteLine = line;
      justClosed = inQuote;
      inQuote = !inQuote;
    }
  };

  const tooLong = (line: number): never => {
    const at = pendingBytes > 0 ? recordLine : line;
    // A record cut short may hide an earlier syntax error; that one is the first to report.
    if (pendingBytes > 0) {
      try {
        parse(Buffer.concat(pending, pendingBytes), PARSE_OPTIONS);
      } catch (error) {
        const syntax = syntaxError(error, recordLine, line);
        if (
          syntax instanceof InputError &&
          (error as { code?: string }).code !== "CSV_QUOTE_NOT_CLOSED"
        )
          throw syntax;
      }
    }
    throw new InputError(at, `record longer than ${max} bytes; the sweep stops here`);
  };

  const splitter = lineSplitter(
    limits,
    (line, text, read, terminated) => {
      if (pendingBytes === 0 && !full && text !== undefined && text.indexOf('"') === -1) {
        const cells = (terminated && text.endsWith("\r") ? text.slice(0, -1) : text).split(",");
        // skip_empty_lines: a line with nothing on it is no record.
        if (cells.length === 1 && cells[0] === "") return;
        return row(line, cells);
      }
      // A copy: the chunk a line was read from is not kept past the record.
      const bytes = read ? Buffer.from(read) : Buffer.from(text as string);
      if (pendingBytes > 0) {
        scanQuotes(bytes, line);
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (terminated) {
          pending.push(NEWLINE);
          pendingBytes += 1;
        }
        if (pendingBytes > max) tooLong(line);
        if (inQuote && terminated) {
          limits.max = max - pendingBytes;
          return;
        }
        const record = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        limits.max = max;
        parseRecord(record, recordLine, line);
        return;
      }
      recordLine = line;
      inQuote = false;
      scanQuotes(bytes, line);
      if (inQuote && terminated) {
        pending = [bytes, NEWLINE];
        pendingBytes = bytes.length + 1;
        limits.max = max - pendingBytes;
        return;
      }
      parseRecord(terminated ? Buffer.concat([bytes, NEWLINE]) : bytes, line, line);
    },
    (line) => tooLong(line),
  );

  return {
    push: (chunk: Buffer) => splitter.push(chunk),
    end() {
      splitter.end();
      if (pendingBytes > 0) {
        const record = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        parseRecord(record, recordLine, splitter.line - 1);
      }
    },
    /** The column names, once the header is read. */
    get header() {
      return header;
    },
  };
}

// An empty cell of an optional column says "none"; an empty jurisdiction stays "" and is refused.
const EMPTY_MEANS_ABSENT: ReadonlySet<string> = new Set(["relationshipEndedAt", "legalHold"]);

/** A CSV row as a record, as {@link csvRecords} yields it. */
export function csvRow(names: readonly string[], cells: readonly string[]): RawRecord {
  const record: Record<string, string> = {};
  names.forEach((name, i) => {
    const cell = cells[i] as string;
    if (!(cell === "" && EMPTY_MEANS_ABSENT.has(name))) record[name] = cell;
  });
  return record;
}

/** Yields `[line, record]` from CSV bytes with a header row; see {@link csvReader}. */
export function csvRecords(
  input: Readable,
  options: RecordReaderOptions = {},
): AsyncGenerator<RecordItem> {
  return readerItems(
    input,
    (sink) => {
      const reader = csvReader((line, cells) => {
        sink(line, typeof cells === "string" ? cells : csvRow(reader.header ?? [], cells));
      }, options);
      return reader;
    },
    options.onBytes,
  );
}
