import type { Readable } from "node:stream";
import { InputError } from "./errors";
import { jsonMembers } from "./jsonMembers";
import type { RawRecord } from "./sweep";

/** Longest line or CSV record the sweep reads; a longer one stops it (memory stays bounded). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface RecordReaderOptions {
  /** Longest line in bytes; lowered by tests. */
  readonly maxLineBytes?: number;
  /** Called with the size of every chunk read, for the progress bar. */
  readonly onBytes?: (n: number) => void;
}

/** `[line, record]`, or `[line, problem]` for a row refused as malformed. */
export type RecordItem = readonly [number, RawRecord | string];

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Splits a byte stream into lines without ever holding more than `max` bytes of one line. */
async function* byteLines(input: Readable, max: number, onBytes?: (n: number) => void) {
  let pieces: Buffer[] = [];
  let length = 0;
  let line = 1;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      length += end - start;
      // INVARIANT: the check comes before the bytes are kept, so a huge line is never held.
      if (length > max)
        throw new InputError(line, `longer than ${max} bytes; the sweep stops here`);
      if (end > start) pieces.push(chunk.subarray(start, end));
      if (nl === -1) break;
      yield [line, Buffer.concat(pieces, length)] as const;
      pieces = [];
      length = 0;
      line++;
      start = nl + 1;
    }
  }
  if (length > 0) yield [line, Buffer.concat(pieces, length)] as const;
}

/** One NDJSON line as a record, or the reason it is refused. */
function ndjsonRecord(text: string): RawRecord | string {
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
  const record: Record<string, unknown> = {};
  for (const { key, source } of jsonMembers(text)) {
    if (Object.hasOwn(record, key)) return `duplicate field ${JSON.stringify(key)}`;
    // A number id keeps its source text: JSON.parse would round 12345678901234567890.
    record[key] = key === "id" && /^-?\d/.test(source) ? source : parsed[key];
  }
  return record;
}

/**
 * Yields `[line, record]` from NDJSON bytes. A UTF-8 byte order mark at the start of the file
 * is skipped; a line that is not UTF-8 or not one JSON object, or repeats a field, is refused
 * by line number; a line over `maxLineBytes` stops the reading with an {@link InputError}.
 */
export async function* ndjsonRecords(
  input: Readable,
  options: RecordReaderOptions = {},
): AsyncGenerator<RecordItem> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const lines = byteLines(input, options.maxLineBytes ?? MAX_LINE_BYTES, options.onBytes);
  for await (const [line, raw] of lines) {
    const bytes = line === 1 && raw.subarray(0, 3).equals(BOM) ? raw.subarray(3) : raw;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      yield [line, "not valid UTF-8"];
      continue;
    }
    if (text.endsWith("\r")) text = text.slice(0, -1);
    if (text.trim() === "") continue;
    yield [line, ndjsonRecord(text)];
  }
}
