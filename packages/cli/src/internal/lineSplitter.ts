import { isUtf8 } from "node:buffer";

const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// Lines are decoded this many bytes at a time at most: V8 puts a longer string in its
// large-object space, a fresh mapping per string, which costs more than the decoding.
const DECODE_PIECE_BYTES = 64 * 1024;

/**
 * One line: its number and its text, `undefined` when its bytes are not UTF-8. `bytes` holds the
 * line's bytes (no newline) when they were read one line at a time; for lines decoded with their
 * chunk it is `undefined`, and `Buffer.from(text)` gives them back. `terminated` is false for a
 * last line without `\n`.
 */
export type LineHandler = (
  line: number,
  text: string | undefined,
  bytes: Buffer | undefined,
  terminated: boolean,
) => void;

/**
 * Splits byte chunks into lines synchronously, a chunk at a time. A UTF-8 byte order mark at the
 * start is dropped. Lines of a chunk that is all UTF-8 are decoded many at a time. A line longer
 * than `limits.max` bytes (counting its newline when `limits.newlineCounts`) calls `tooLong`,
 * which throws; a line still growing past `limits.max` does so before the rest of it is read.
 */
export function lineSplitter(
  limits: { max: number; readonly newlineCounts: boolean },
  onLine: LineHandler,
  tooLong: (line: number) => never,
) {
  let line = 1;
  let carry: Buffer[] = [];
  let carryLength = 0;
  let atStart = true;
  // The most bytes a line may have, its newline counted when `newlineCounts`.
  const limitOf = (terminated: boolean) =>
    terminated && limits.newlineCounts ? limits.max - 1 : limits.max;
  const emitBytes = (bytes: Buffer, start: number, end: number, terminated: boolean) => {
    if (end - start > limitOf(terminated)) tooLong(line);
    const view = bytes.subarray(start, end);
    onLine(line, isUtf8(view) ? view.toString("utf8") : undefined, view, terminated);
  };
  // The lines of `text`, each ended by a newline.
  const decodedLines = (text: string) => {
    let from = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
      onLine(line, text.slice(from, nl), undefined, true);
      line++;
      from = nl + 1;
    }
  };
  // Complete lines in `chunk[start, stop)`, `stop` just past a newline.
  const block = (chunk: Buffer, start: number, stop: number) => {
    if (stop - start <= limitOf(true) && isUtf8(chunk.subarray(start, stop))) {
      // INVARIANT: a newline byte is a newline character in UTF-8, so lines split alike and
      // every piece cut after a newline is UTF-8 too.
      let from = start;
      while (from < stop) {
        // The last newline within a piece's bytes, or the end of a line longer than a piece.
        let end =
          from + DECODE_PIECE_BYTES >= stop
            ? stop
            : chunk.lastIndexOf(NEWLINE, from + DECODE_PIECE_BYTES - 1) + 1;
        if (end <= from) end = chunk.indexOf(NEWLINE, from) + 1;
        decodedLines(chunk.toString("utf8", from, end));
        from = end;
      }
      return;
    }
    let at = start;
    while (at < stop) {
      const nl = chunk.indexOf(NEWLINE, at);
      emitBytes(chunk, at, nl, true);
      line++;
      at = nl + 1;
    }
  };
  return {
    /** Feeds a chunk; lines it completes are handed over before this returns. */
    push(input: Buffer) {
      let chunk = input;
      if (atStart) {
        const head = carryLength > 0 ? Buffer.concat([...carry, chunk]) : chunk;
        if (head.length < BOM.length && BOM.subarray(0, head.length).equals(head)) {
          carry = [head];
          carryLength = head.length;
          return;
        }
        atStart = false;
        carry = [];
        carryLength = 0;
        chunk = head.subarray(0, BOM.length).equals(BOM) ? head.subarray(BOM.length) : head;
      }
      let start = 0;
      const first = chunk.indexOf(NEWLINE);
      if (first === -1) {
        carryLength += chunk.length;
        // INVARIANT: checked before the bytes are kept, so a huge line is never held.
        if (carryLength > limits.max) tooLong(line);
        carry.push(chunk);
        return;
      }
      if (carryLength > 0) {
        carry.push(chunk.subarray(0, first));
        const joined = Buffer.concat(carry, carryLength + first);
        carry = [];
        carryLength = 0;
        emitBytes(joined, 0, joined.length, true);
        line++;
        start = first + 1;
      }
      const last = chunk.lastIndexOf(NEWLINE);
      if (last >= start) block(chunk, start, last + 1);
      const rest = chunk.length - (last + 1);
      if (rest > 0) {
        if (rest > limits.max) tooLong(line);
        carry = [chunk.subarray(last + 1)];
        carryLength = rest;
      }
    },
    /** Hands over a last line without a newline. */
    end() {
      if (carryLength === 0) return;
      const joined = Buffer.concat(carry, carryLength);
      carry = [];
      carryLength = 0;
      if (atStart && joined.subarray(0, BOM.length).equals(BOM)) {
        if (joined.length > BOM.length) emitBytes(joined, BOM.length, joined.length, false);
        return;
      }
      emitBytes(joined, 0, joined.length, false);
    },
    /** The number of the line being read. */
    get line() {
      return line;
    },
  };
}
