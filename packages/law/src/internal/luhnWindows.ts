import * as characters from "./characterClass";

// Local copies: a hot loop reading imported bindings pays for live-binding lookups in
// transformed test builds.
const { LETTER, SEPARATOR } = characters;
const characterClass = characters.characterClass;

const SHORTEST = 13;
const LONGEST = 19;
// Luhn's doubled digit: 2d, minus 9 when that exceeds 9.
const DOUBLED = /* @__PURE__ */ Uint8Array.of(0, 2, 4, 6, 8, 1, 3, 5, 7, 9);
const ASCII = /* @__PURE__ */ Uint8Array.from({ length: 0x80 }, (_, code) => characterClass(code));
// For the last 32 (≥ LONGEST + 1) positions of the current run: prefix sums under both Luhn
// weightings (plain on even positions, or on odd ones). A window's Luhn sum is a difference of
// two prefix sums, so each check takes constant time.
const MASK = 31;
const evenPlain = /* @__PURE__ */ new Float64Array(MASK + 1);
const oddPlain = /* @__PURE__ */ new Float64Array(MASK + 1);

/**
 * `true` when `source` holds a card number: any 13 to 19 consecutive digits of one run that
 * pass the Luhn check. Digits of any script count; letters end the run; everything else is
 * skipped. A `Uint8Array` is read as ASCII (bytes above 0x7f are skipped). One pass over the
 * character codes, allocating nothing.
 */
export function hasCardNumber(source: string | Uint8Array): boolean {
  const text = typeof source === "string" ? source : undefined;
  const length = source.length;
  let run = 0;
  let even = 0;
  let odd = 0;
  evenPlain[0] = 0;
  oddPlain[0] = 0;
  for (let i = 0; i < length; i++) {
    let code = text === undefined ? (source[i] as number) : text.charCodeAt(i);
    let kind = SEPARATOR; // a byte above 0x7f
    if (code < 0x80) kind = ASCII[code] as number;
    else if (text !== undefined) {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      kind = characterClass(code);
    }
    if (kind < 10) {
      if ((run & 1) === 0) {
        even += kind;
        odd += DOUBLED[kind] as number;
      } else {
        even += DOUBLED[kind] as number;
        odd += kind;
      }
      run++;
      evenPlain[run & MASK] = even;
      oddPlain[run & MASK] = odd;
      if (run >= SHORTEST) {
        // Every window ending at this digit. Its last digit (position run - 1) is never
        // doubled: take the sums that weigh that position plain.
        const lastEven = (run & 1) === 1;
        const sums = lastEven ? evenPlain : oddPlain;
        const end = lastEven ? even : odd;
        const longest = Math.min(run, LONGEST);
        for (let size = SHORTEST; size <= longest; size++) {
          if ((end - (sums[(run - size) & MASK] as number)) % 10 === 0) return true;
        }
      }
      continue;
    }
    if (kind === LETTER) {
      run = 0;
      even = 0;
      odd = 0;
      // INVARIANT: the prefix sums at run 0 are 0; a run past 32 digits overwrote them.
      evenPlain[0] = 0;
      oddPlain[0] = 0;
    }
  }
  return false;
}
