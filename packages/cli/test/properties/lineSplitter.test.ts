import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineSplitter } from "../../src/internal/lineSplitter";

type Line = [number, string | undefined, string, boolean];

/** The lines of `bytes` as the splitter hands them over, fed in pieces cut at `cuts`. */
const split = (bytes: Buffer, cuts: number[]): Line[] => {
  const lines: Line[] = [];
  const splitter = lineSplitter(
    { max: 1024 * 1024, newlineCounts: false },
    (line, text, read, terminated) => {
      const raw = read ? Buffer.from(read) : Buffer.from(text as string);
      lines.push([line, text, raw.toString("hex"), terminated]);
    },
    () => {
      throw new Error("too long");
    },
  );
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from) splitter.push(bytes.subarray(from, to));
    from = to;
  }
  splitter.end();
  return lines;
};

/** The same lines, found by splitting the whole input at its newline bytes. */
const expected = (bytes: Buffer): Line[] => {
  const lines: Line[] = [];
  let from = 0;
  let line = 1;
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, from)) {
    const view = bytes.subarray(from, nl);
    lines.push([line++, isUtf8(view) ? view.toString() : undefined, view.toString("hex"), true]);
    from = nl + 1;
  }
  if (from < bytes.length) {
    const view = bytes.subarray(from);
    lines.push([line, isUtf8(view) ? view.toString() : undefined, view.toString("hex"), false]);
  }
  return lines;
};

// Runs of one piece each, long enough that lines cross the splitter's decoding pieces.
const run = fc
  .tuple(
    fc.constantFrom(Buffer.from("a"), Buffer.from("é"), Buffer.from("€"), Buffer.from([0xff])),
    fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60_000 })),
  )
  .map(([piece, times]) => Buffer.concat(Array.from({ length: times }, () => piece)));
const line = fc.array(run, { maxLength: 4 }).map((runs) => Buffer.concat(runs));

describe("the line splitter", () => {
  it("hands over the lines of large inputs alike in any chunking", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (lines, trailingNewline, cuts) => {
          const text = Buffer.concat(lines.flatMap((l) => [l, Buffer.from("\n")]));
          const bytes = trailingNewline ? text : text.subarray(0, -1);
          expect(split(bytes, cuts)).toEqual(expected(bytes));
        },
      ),
      { numRuns: 60 },
    );
  });
});
