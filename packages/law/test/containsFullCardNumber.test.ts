import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withCheckDigit } from "../../../test-support/luhn";
import { containsFullCardNumber } from "../src";

// Published test card numbers: each passes the Luhn check.
const visa = "4111111111111111";
const mastercard = "5555555555554444";
const amex = "378282246310005";

describe("containsFullCardNumber", () => {
  it.each([
    ["a Visa number", visa],
    ["a Mastercard number, whose doubled digits exceed 9", mastercard],
    ["a 15-digit Amex number", amex],
    ["a number grouped by spaces", "4111 1111 1111 1111"],
    ["a number grouped by dashes and spaces", "5555-5555 5555-4444"],
    ["a number inside a sentence", `card ${visa}, expires 12/30`],
    ["a number whose groups are split by two spaces", "4111  1111 1111 1111"],
    ["a number followed by its expiry date", "card 4111 1111 1111 1111 12/25"],
    ["a number after a year", "ref 2025 4111 1111 1111 1111"],
    ["a number after other digits and before a letter", "7 4111111111111111x"],
    ["a number glued to other digits", "20254111111111111111"],
    ["a number glued between other digits", `9${visa}12`],
    ["a number split by dots", "4111.1111.1111.1111"],
    ["a number split by slashes", "4111/1111/1111/1111"],
    ["a number split by underscores", "4111_1111_1111_1111"],
    ["a number split by tabs", "4111\t1111\t1111\t1111"],
    ["a number split by non-breaking spaces", "4111\u00a01111\u202f1111\u00a01111"],
    ["a number split by zero-width spaces", "4\u200b1\u200b1\u200b1\ufeff111111111111"],
    ["a number split by line breaks", "4111\r\n1111\n1111\n1111"],
    ["a number in full-width digits", "４１１１ １１１１ １１１１ １１１１"],
    ["a number in Arabic-Indic digits", "٥٥٥٥٥٥٥٥٥٥٥٥٤٤٤٤"],
    ["a number in Devanagari digits", "३७८२८२२४६३१०००५"],
    ["a number in mathematical bold digits", "𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏"],
    ["a number written as keycap emoji", [...visa].map((d) => `${d}\ufe0f\u20e3`).join("")],
  ])("finds %s", (_, text) => {
    expect(containsFullCardNumber(text)).toBe(true);
  });

  it.each([
    ["a run failing the Luhn check", "4111111111111113"],
    ["a masked number", "411111******1111"],
    ["a number split by a letter", "41111111a11111111"],
    ["a phone number", "+1 (415) 555-0100"],
    ["text without digits", "no card here"],
    ["the empty string", ""],
  ])("does not find one in %s", (_, text) => {
    expect(containsFullCardNumber(text)).toBe(false);
  });

  it("counts only windows of 13 to 19 digits that pass the Luhn check", () => {
    // Each of these passes the Luhn check as a whole; a leading zero keeps a number valid.
    expect(containsFullCardNumber("411111111117")).toBe(false); // 12 digits
    expect(containsFullCardNumber("4111111111119")).toBe(true); // 13 digits
    expect(containsFullCardNumber("4111111111111111110")).toBe(true); // 19 digits
    // 20 digits, none of whose 13–19 digit windows passes.
    expect(containsFullCardNumber("95123147006207458966")).toBe(false);
    expect(containsFullCardNumber("0004111111111111111")).toBe(true);
    // 20 digits again, but a window of them is a Visa number.
    expect(containsFullCardNumber("00004111111111111111")).toBe(true);
  });

  it("starts every run afresh, however long the run before the letter was", () => {
    // No window of the sevens passes Luhn; their sums must not leak into the next run.
    expect(containsFullCardNumber("7".repeat(40))).toBe(false);
    expect(containsFullCardNumber(`${"7".repeat(40)}x4111111111119`)).toBe(true);
    expect(containsFullCardNumber(Buffer.from(`${"7".repeat(45)}x4111111111119`))).toBe(true);
  });

  it("finds a number in nested values, object keys, arrays, Maps and Sets", () => {
    expect(containsFullCardNumber({ a: { b: [1, { note: `pay ${visa}` }] } })).toBe(true);
    expect(containsFullCardNumber({ [visa]: "stored under its number" })).toBe(true);
    expect(containsFullCardNumber(new Map([[visa, "value"]]))).toBe(true);
    expect(containsFullCardNumber(new Map([["key", visa]]))).toBe(true);
    expect(containsFullCardNumber(new Set(["x", visa]))).toBe(true);
    expect(containsFullCardNumber([null, undefined, true, amex])).toBe(true);
  });

  it("finds a number in a property set on a Map, a Set, a Date or an array", () => {
    expect(containsFullCardNumber(Object.assign(new Map(), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new Set(), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new Date(0), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign([], { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new Map([["k", "v"]]), { note: "none" }))).toBe(
      false,
    );
  });

  it("finds a number held as a number or a bigint", () => {
    expect(containsFullCardNumber(4111111111111111)).toBe(true);
    expect(containsFullCardNumber(4111111111111111n)).toBe(true);
    expect(containsFullCardNumber({ pan: 5555555555554444 })).toBe(true);
    expect(containsFullCardNumber(4111111111111113)).toBe(false);
  });

  it("answers false for records free of card numbers, nulls and dates included", () => {
    expect(
      containsFullCardNumber({
        id: 42,
        name: "Ada",
        tags: new Set(["vip"]),
        seen: new Map([["2024", new Date("2024-01-31T00:00:00Z")]]),
        nothing: null,
        missing: undefined,
        flag: false,
        [Symbol("meta")]: "symbol-keyed",
      }),
    ).toBe(false);
    expect(containsFullCardNumber(null)).toBe(false);
    expect(containsFullCardNumber(undefined)).toBe(false);
  });

  it("visits a cyclic structure once and still finds a number in it", () => {
    const record: Record<string, unknown> = { name: "Ada" };
    record.self = record;
    record.list = [record, new Map([["back", record]])];
    expect(containsFullCardNumber(record)).toBe(false);
    record.card = visa;
    expect(containsFullCardNumber(record)).toBe(true);
  });

  it("scans symbol-keyed properties' values", () => {
    expect(containsFullCardNumber({ [Symbol("card")]: visa })).toBe(true);
  });

  it("answers true for a value it cannot read, since nothing proves it free of a card number", () => {
    const throwing = {
      get note() {
        throw new Error("unreadable");
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(containsFullCardNumber(throwing)).toBe(true);
    expect(containsFullCardNumber({ nested: [proxy] })).toBe(true);
  });
});

describe("containsFullCardNumber in bytes, boxed values and typed arrays", () => {
  const ascii = (text: string) => new TextEncoder().encode(text);

  it("scans a Buffer, a typed array, a DataView and an ArrayBuffer as ASCII text", () => {
    expect(containsFullCardNumber(Buffer.from("note: 4111.1111.1111.1111"))).toBe(true);
    expect(containsFullCardNumber(ascii(`x ${amex} y`))).toBe(true);
    expect(containsFullCardNumber(new DataView(ascii(visa).buffer))).toBe(true);
    expect(containsFullCardNumber(ascii(visa).buffer)).toBe(true);
    expect(containsFullCardNumber({ file: new Int8Array(ascii(mastercard).buffer) })).toBe(true);
    expect(containsFullCardNumber(Buffer.from("no card, 4111111111111113"))).toBe(false);
  });

  it("reads UTF-16 text held in a Uint16Array, its zero bytes separating the digits", () => {
    const utf16 = Uint16Array.from([...`pan ${visa}`].map((c) => c.charCodeAt(0)));
    expect(containsFullCardNumber(utf16)).toBe(true);
  });

  it("reads only the bytes of a view, not the rest of its buffer", () => {
    const bytes = ascii(`${visa} and the rest`);
    expect(containsFullCardNumber(bytes.subarray(visa.length))).toBe(false);
    expect(containsFullCardNumber(bytes.subarray(0, visa.length))).toBe(true);
  });

  it("reads a view's bytes through the built-in getters, not those of a subclass", () => {
    class Disguised extends Uint8Array {
      override get byteLength() {
        return 0;
      }
      override get buffer() {
        return new ArrayBuffer(0);
      }
    }
    expect(containsFullCardNumber(new Disguised(ascii(visa)))).toBe(true);
  });

  it("scans the elements of float and 64-bit integer arrays as numbers", () => {
    expect(containsFullCardNumber(Float64Array.of(1.5, 4111111111111111))).toBe(true);
    expect(containsFullCardNumber(BigUint64Array.of(4111111111111111n))).toBe(true);
    expect(containsFullCardNumber(BigInt64Array.of(-5555555555554444n))).toBe(true);
    expect(containsFullCardNumber(Float64Array.of(4111111111111113))).toBe(false);
  });

  it("scans String, Number and BigInt objects as their values", () => {
    expect(containsFullCardNumber(new String(`card ${visa}`))).toBe(true);
    expect(containsFullCardNumber({ boxed: Object(4111111111111111) })).toBe(true);
    expect(containsFullCardNumber(Object(5555555555554444n))).toBe(true);
    expect(containsFullCardNumber(new String("4111111111111113"))).toBe(false);
  });

  it("scans properties set on a small typed array or String object", () => {
    expect(containsFullCardNumber(Object.assign(new Uint8Array(4), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new String("x"), { note: visa }))).toBe(true);
    expect(containsFullCardNumber(Object.assign(new Uint8Array(4), { note: "none" }))).toBe(false);
  });

  it("reads an empty view of a detached buffer as empty", () => {
    const buffer = new TextEncoder().encode(visa).buffer;
    const view = new Uint8Array(buffer);
    structuredClone(buffer, { transfer: [buffer] });
    expect(containsFullCardNumber(buffer)).toBe(false);
    expect(containsFullCardNumber(view)).toBe(false);
  });

  it("answers true for an object that claims to be a buffer but is not one", () => {
    expect(containsFullCardNumber({ [Symbol.toStringTag]: "ArrayBuffer" })).toBe(true);
  });
});

const passesLuhn = (digits: readonly number[]) =>
  digits.reduceRight((sum, d, i) => {
    const doubled = (digits.length - 1 - i) % 2 === 1 ? d * 2 : d;
    return sum + (doubled > 9 ? doubled - 9 : doubled);
  }, 0) %
    10 ===
  0;

// Every decimal digit the platform can format, from its numbering systems: an independent
// source for the digit values the scan computes from Unicode.
const digitForms = new Map<number, string[]>(Array.from({ length: 10 }, (_, d) => [d, []]));
const digitValue = new Map<string, number>();
for (const system of Intl.supportedValuesOf("numberingSystem")) {
  const format = new Intl.NumberFormat(`en-u-nu-${system}`, { useGrouping: false });
  for (let d = 0; d < 10; d++) {
    const form = format.format(d);
    if ([...form].length === 1 && /\p{Nd}/u.test(form) && !digitValue.has(form)) {
      digitValue.set(form, d);
      digitForms.get(d)?.push(form);
    }
  }
}
const separators = [
  ..." -./_\t\n\r,:;+()#|\\\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\u3000",
];
const separator = fc.constantFrom(...separators);
const letter = fc.constantFrom(..."abcxyzABCXYZéßжд中ع");
const digitArb = (d: number) => fc.constantFrom(...(digitForms.get(d) ?? []));

/** Writes `digits` in random scripts with random separators between some of them. */
const written = (digits: string) =>
  fc
    .tuple(
      ...[...digits].map((d, i) =>
        fc.tuple(
          digitArb(Number(d)),
          i === 0
            ? fc.constant("")
            : fc.oneof(fc.constant(""), fc.string({ unit: separator, minLength: 1, maxLength: 3 })),
        ),
      ),
    )
    .map((parts) => parts.map(([digit, sep]) => `${sep}${digit}`).join(""));

const luhnValid = fc
  .integer({ min: 12, max: 18 })
  .chain((n) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n }))
  .map(withCheckDigit);
const text = fc.string({
  unit: fc.oneof(separator, letter, fc.constantFrom(..."0123456789")),
  maxLength: 20,
});

/** The rule read plainly: letters end runs, and any 13–19 consecutive digits of a run may be a number. */
function referenceHasCardNumber(value: string): boolean {
  for (const run of value.split(/\p{L}/u)) {
    const digits = [...(run.match(/\p{Nd}/gu) ?? [])].map((c) => digitValue.get(c) ?? Number.NaN);
    for (let start = 0; start < digits.length; start++) {
      for (let size = 13; size <= 19 && start + size <= digits.length; size++) {
        if (passesLuhn(digits.slice(start, start + size))) return true;
      }
    }
  }
  return false;
}

describe("containsFullCardNumber, properties", () => {
  it("finds any Luhn-valid number embedded in text, whatever its digits and separators", () => {
    fc.assert(
      fc.property(
        luhnValid.chain(written),
        text,
        fc.oneof(separator, letter),
        text,
        fc.oneof(separator, letter),
        (pan, before, left, after, right) => {
          expect(containsFullCardNumber(`${before}${left}${pan}${right}${after}`)).toBe(true);
          expect(
            containsFullCardNumber({ deep: [new Map([["k", new String(`${left}${pan}`)]])] }),
          ).toBe(true);
        },
      ),
    );
  });

  it("finds a number after a letter that ends a run of digits of any length", () => {
    // Digits none of whose windows passes Luhn, so only the number after the letter can match:
    // each digit is the first, from a random one on, that keeps every window ending there failing.
    const cardFreeDigits = fc
      .array(fc.integer({ min: 0, max: 9 }), { maxLength: 80, size: "max" })
      .map((wanted) => {
        const digits: number[] = [];
        for (const w of wanted) {
          for (let k = 0; k < 10; k++) {
            const next = [...digits, (w + k) % 10];
            const passes = [13, 14, 15, 16, 17, 18, 19].some(
              (size) => size <= next.length && passesLuhn(next.slice(-size)),
            );
            if (!passes) {
              digits.push((w + k) % 10);
              break;
            }
          }
        }
        return digits.join("");
      });
    fc.assert(
      fc.property(cardFreeDigits, letter, luhnValid, (before, end, pan) => {
        expect(containsFullCardNumber(before)).toBe(false);
        expect(containsFullCardNumber(`${before}${end}${pan}`)).toBe(true);
        expect(containsFullCardNumber(Buffer.from(`${before}x${pan}`))).toBe(true);
      }),
    );
  });

  it("finds any Luhn-valid number written in ASCII in a byte array", () => {
    fc.assert(
      fc.property(luhnValid, fc.string({ unit: separator, maxLength: 2 }), (pan, sep) => {
        const grouped = pan.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
        expect(containsFullCardNumber(Buffer.from(`x${grouped}y`, "latin1"))).toBe(true);
      }),
    );
  });

  it("does not find a 13-digit number that fails Luhn, nor fewer than 13 digits however split", () => {
    // 13 digits: the run's only window. A longer run is flagged when any inner window passes.
    const thirteen = fc
      .string({ unit: fc.constantFrom(..."0123456789"), minLength: 12, maxLength: 12 })
      .map(withCheckDigit);
    const luhnFailing = thirteen.chain((pan) =>
      fc
        .tuple(
          fc.integer({ min: 1, max: 9 }),
          fc.tuple(...[...pan].map((d) => digitArb(Number(d)))),
        )
        .map(([delta, forms]) => {
          const last = digitForms.get((Number(pan.slice(-1)) + delta) % 10)?.[0] ?? "";
          return `${forms.slice(0, -1).join("")}${last}`;
        }),
    );
    const short = fc.string({
      unit: fc.constantFrom(..."0123456789"),
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.oneof(luhnFailing, short.chain(written)),
        letter,
        letter,
        (digits, left, right) => {
          expect(containsFullCardNumber(`${left}${digits}${right}`)).toBe(false);
        },
      ),
    );
  });

  it("agrees with a plain reading of the rule on any mix of digits, letters and separators", () => {
    const unit = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }).chain(digitArb) },
      { weight: 2, arbitrary: separator },
      { weight: 1, arbitrary: letter },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const value = units.join("");
        expect(containsFullCardNumber(value)).toBe(referenceHasCardNumber(value));
      }),
      { numRuns: 2000 },
    );
  });
});
