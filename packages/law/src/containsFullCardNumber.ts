import { hasCardNumber } from "./internal/luhnWindows";
import { type ReachableScan, someReachable } from "./internal/someReachable";

const cardNumberScan: ReachableScan = {
  text: hasCardNumber,
  bytes: hasCardNumber,
  key: () => false, // keys are scanned as text
};

/**
 * Whether anything inside `value` holds a full payment card number (PAN): 13 to 19 digits that
 * pass the Luhn check, however they are written.
 *
 * The rule: digits form a run that letters end and every other character is skipped in, so
 * `"4111 1111 1111 1111"`, `"4111.1111/1111_1111"`, tabs, non-breaking and zero-width spaces
 * all read as one number. Decimal digits of any script count (full-width `４１１１…`,
 * Arabic-Indic…). Every window of 13–19 consecutive digits of a run is checked, so a number
 * next to or glued to other digits is found too (`"ref 2025 4111 1111 1111 1111"`,
 * `"4111 1111 1111 1111 12/25"`, `"20254111111111111111"`).
 * Masked numbers such as `"411111******1111"` do not match: their digits are too few.
 *
 * Strings, object keys, numbers and bigints (in decimal), array items, `Map`/`Set` entries,
 * `String`/`Number`/`BigInt` objects and the own properties of any object are scanned; cycles
 * are visited once. A `Buffer`, typed array, `DataView` or `ArrayBuffer` is scanned as its bytes
 * read as ASCII text (a byte above 0x7f separates), and the elements of float and 64-bit
 * integer arrays also as numbers; properties set on a typed array or `String` object of more than
 * 4096 elements are not listed, since listing them lists every index. The scan is one linear
 * pass per string without allocating per character.
 *
 * Fail closed, so expect false positives in text holding many digits close together: each
 * window passes Luhn one time in ten, so a 16-digit numeric reference is flagged about two
 * times in three. In
 * particular a millisecond timestamp stored as a number (`1700000000000`) is 13 digits and is
 * flagged whenever it passes Luhn: keep moments as `Date`s (whose time is not scanned) or ISO
 * strings in UTC (`"2025-07-07T10:00:00.123Z"`), where the letters `T` and `Z` end the runs.
 *
 * Never throws: a value that cannot be read (a throwing getter, a revoked Proxy) answers
 * `true`, because nothing proves it free of a card number.
 *
 * @category Records
 * @example
 * containsFullCardNumber({ note: "card 4111 1111 1111 1111 12/25" }); // true
 * containsFullCardNumber(Buffer.from("4111.1111.1111.1111"));        // true
 * containsFullCardNumber({ card: "411111******1111" });               // false
 */
export function containsFullCardNumber(value: unknown): boolean {
  return someReachable(value, cardNumberScan);
}
