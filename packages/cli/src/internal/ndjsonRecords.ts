import type { Readable } from "node:stream";
import { InputError } from "./errors";
import { jsonMembers } from "./jsonMembers";
import { lineSplitter } from "./lineSplitter";
import type { RawRecord } from "./sweep";

/** Longest line or CSV record the sweep reads; a longer one stops it (memory stays bounded). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface RecordReaderOptions {
  /** Longest line in bytes; lowered by tests. */
  readonly maxLineBytes?: number;
  /** Called with the size of every chunk read, for the progress bar. */
  readonly onBytes?: (n: number) => void;
  /** Reads every line the slow, general way; tests compare it with the fast path. */
  readonly fullParser?: boolean;
}

/** `[line, record]`, or `[line, problem]` for a row refused as malformed. */
export type RecordItem = readonly [number, RawRecord | string];

/** Receives what a reader makes of each line, in order. */
export type RecordSink = (line: number, record: RawRecord | string) => void;

/**
 * A line `JSON.parse` read as an object with no key repeated and every value a primitive other
 * than a number id: then its `"` count is twice its keys and string values, and a repeated key
 * would add two more. A backslash could escape a quote or spell a key another way.
 *
 * Without numbers the line is at least as long as its members written without whitespace, and a
 * repeated key adds at least `"":"",`; a line exactly that long repeats none, and its quotes
 * need no counting.
 */
function plainRecord(text: string, parsed: Record<string, unknown>): boolean {
  if (text.indexOf("\\") !== -1 || typeof parsed.id === "number") return false;
  let expected = 0;
  // `{` and, per member, `"key":`, its value and the `,` or `}` after it.
  let compactLength = 1;
  let sized = true;
  for (const key in parsed) {
    const value = parsed[key];
    compactLength += key.length + 4;
    if (typeof value === "string") {
      expected += 2;
      compactLength += value.length + 2;
    } else if (typeof value === "boolean") compactLength += value ? 4 : 5;
    else if (value === null) compactLength += 4;
    else if (typeof value === "object") return false;
    // A number's text may be longer or shorter than it prints.
    else sized = false;
    expected += 2;
  }
  if (sized && compactLength === text.length) return true;
  let quotes = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) {
    if (++quotes > expected) return false;
  }
  return quotes === expected;
}

/** One NDJSON line as a record, or the reason it is refused. */
function ndjsonRecord(text: string, full: boolean): RawRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "not valid JSON";
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return "a record must be a JSON object";
  }
  const parsed = value as Record<string, unknown>;
  if (!full && plainRecord(text, parsed)) return parsed;
  // A null prototype keeps a `__proto__` key an own field, refused as unknown like any other.
  const record: Record<string, unknown> = Object.create(null);
  for (const { key, source } of jsonMembers(text)) {
    if (Object.hasOwn(record, key)) return `duplicate field ${JSON.stringify(key)}`;
    // A number id keeps its source text: JSON.parse would round 12345678901234567890.
    record[key] = key === "id" && /^-?\d/.test(source) ? source : parsed[key];
  }
  return record;
}

/**
 * Reads NDJSON bytes a chunk at a time, handing each record or refusal to `sink` before `push`
 * returns. A UTF-8 byte order mark at the start of the file is skipped; a line that is not UTF-8
 * or not one JSON object, or repeats a field, is refused by line number; a line over
 * `maxLineBytes` stops the reading with an {@link InputError}.
 */
export function ndjsonReader(sink: RecordSink, options: RecordReaderOptions = {}) {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  const full = options.fullParser === true;
  return lineSplitter(
    { max, newlineCounts: false },
    (line, decoded) => {
      if (decoded === undefined) return sink(line, "not valid UTF-8");
      const text = decoded.charCodeAt(decoded.length - 1) === 0x0d ? decoded.slice(0, -1) : decoded;
      // Blank lines are skipped; a record starts with `{`, so only other lines need the trim.
      if (text.charCodeAt(0) !== 0x7b && text.trim() === "") return;
      sink(line, ndjsonRecord(text, full));
    },
    (line) => {
      throw new InputError(line, `longer than ${max} bytes; the sweep stops here`);
    },
  );
}

/**
 * Feeds a stream through a reader, yielding what it hands over; what came before a stop is
 * yielded before the stop is thrown.
 */
export async function* readerItems(
  input: Readable,
  open: (sink: RecordSink) => { push(chunk: Buffer): void; end(): void },
  onBytes?: (n: number) => void,
): AsyncGenerator<RecordItem> {
  let items: RecordItem[] = [];
  const reader = open((line, record) => {
    items.push([line, record]);
  });
  let stop: unknown;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      try {
        reader.push(chunk);
      } catch (error) {
        stop = error;
      }
      yield* items;
      items = [];
      if (stop !== undefined) throw stop;
    }
    try {
      reader.end();
    } catch (error) {
      stop = error;
    }
    yield* items;
    if (stop !== undefined) throw stop;
  } finally {
    input.destroy();
  }
}

/** Yields `[line, record]` from NDJSON bytes; see {@link ndjsonReader}. */
export function ndjsonRecords(
  input: Readable,
  options: RecordReaderOptions = {},
): AsyncGenerator<RecordItem> {
  return readerItems(input, (sink) => ndjsonReader(sink, options), options.onBytes);
}
