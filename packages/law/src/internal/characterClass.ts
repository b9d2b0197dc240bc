/** {@link characterClass} of a letter: it ends a run of digits. */
export const LETTER = 10;
/** {@link characterClass} of any other character: a run of digits continues through it. */
export const SEPARATOR = 11;

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const LETTER_PATTERN = /^\p{L}$/u;
// One lazily filled page of 256 classes per 256 code points, so a code point is classified
// with regular expressions once per process, not once per occurrence.
const pages: (Uint8Array | undefined)[] = [];

const isDecimalDigit = (codePoint: number) =>
  codePoint >= 0 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint));

/**
 * The value of a Unicode decimal digit (General Category Nd). Unicode assigns these only in
 * runs of ten, zero to nine, so the value is the distance from the start of the run, mod 10.
 */
function decimalDigitValue(codePoint: number): number {
  let distance = 0;
  while (isDecimalDigit(codePoint - distance - 1)) distance++;
  return distance % 10;
}

function classifyPage(page: number): Uint8Array {
  const classes = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    const codePoint = (page << 8) | i;
    const char = String.fromCodePoint(codePoint);
    classes[i] = DECIMAL_DIGIT.test(char)
      ? decimalDigitValue(codePoint)
      : LETTER_PATTERN.test(char)
        ? LETTER
        : SEPARATOR;
  }
  pages[page] = classes;
  return classes;
}

/**
 * A code point's class for the card number scan: its value 0–9 for a decimal digit of any script
 * (ASCII, full-width `０`–`９`, Arabic-Indic…), {@link LETTER} for a letter (Unicode L), and
 * {@link SEPARATOR} for everything else (spaces of any kind, punctuation, symbols, marks,
 * invisible format characters, lone surrogates).
 */
export function characterClass(codePoint: number): number {
  if (codePoint < 0x80) {
    if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
    const lower = codePoint | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? LETTER : SEPARATOR;
  }
  const page = codePoint >> 8;
  return (pages[page] ?? classifyPage(page))[codePoint & 0xff] as number;
}
