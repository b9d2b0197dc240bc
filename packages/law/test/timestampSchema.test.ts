import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { timestampSchema } from "../src/schemas";

const record = z.strictObject({ startedAt: timestampSchema });
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** Writes `time` as the wall-clock time `offset` minutes from UTC, with that offset. */
function isoWithOffset(time: number, offset: number, fraction: string, zulu: boolean): string {
  const local = new Date(time + offset * 60_000);
  const sign = offset < 0 ? "-" : "+";
  const zone =
    offset === 0 && zulu ? "Z" : `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${zone}`;
}

class LaterDate extends Date {
  override getTime() {
    return super.getTime() + 86_400_000;
  }
}

/** Values a stored timestamp must never be read from. */
const notTimestamps = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, 1, -1, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("", " ", "now", "1", "0", "1720000000", "1720000000000", "2025", "2025-07"),
  fc
    .date({ noInvalidDate: true, min: new Date(0), max: new Date("9999-12-31T00:00:00Z") })
    .chain((d) => {
      const iso = d.toISOString();
      return fc.constantFrom(
        iso.slice(0, 19), // no offset
        iso.slice(0, 23), // no offset, with milliseconds
        iso.slice(0, 16), // no seconds, no offset
        `${iso.slice(0, 16)}Z`, // no seconds
        iso.slice(0, 10), // date only
        `${iso.slice(0, 10)}Z`,
        iso.replace("T", " "),
        iso.replace("Z", "z"),
        iso.replace("Z", "+0200"),
        iso.replace("Z", "+02"),
        iso.replace("Z", "+24:00"),
        d.toString(),
        d.toUTCString(),
        ` ${iso}`,
        `${iso}\n`,
        new LaterDate(d.getTime()),
      );
    }),
  fc.constantFrom(
    "2025-02-29T00:00:00Z",
    "2025-13-01T00:00:00Z",
    "2025-04-31T00:00:00Z",
    "2025-07-07T24:00:00Z",
    "2025-07-07T23:60:00Z",
    "2025-07-07T23:59:60Z",
  ),
  fc.constant(new Date(Number.NaN)),
  fc.constant(new Proxy(new Date(0), {})),
  fc.anything().filter((v) => typeof v !== "string" && !(v instanceof Date)),
);

describe("timestampSchema", () => {
  it("accepts a valid Date and returns a copy holding the same instant", () => {
    const at = new Date("2025-07-07T10:00:00.123Z");
    const parsed = timestampSchema.parse(at);
    expect(parsed).toEqual(at);
    expect(parsed).not.toBe(at);
  });

  it.each([
    ["2025-07-07T10:00:00Z", "2025-07-07T10:00:00.000Z"],
    ["2025-07-07T12:00:00+02:00", "2025-07-07T10:00:00.000Z"],
    ["2025-07-07T05:00:00.5-05:00", "2025-07-07T10:00:00.500Z"],
    ["2025-07-07T15:30:00.123456+05:30", "2025-07-07T10:00:00.123Z"],
    ["2025-07-07T10:00:00-00:00", "2025-07-07T10:00:00.000Z"],
    ["2024-02-29T00:00:00+14:00", "2024-02-28T10:00:00.000Z"],
  ])("reads %s as the instant %s", (text, instant) => {
    expect(timestampSchema.parse(text).toISOString()).toBe(instant);
  });

  it("reads any RFC 3339 date-time with an offset as the instant it names", () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse("0000-01-02T00:00:00Z"),
          max: Date.parse("9999-12-30T00:00:00Z"),
        }),
        fc.oneof(fc.constant(0), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
        fc.nat({ max: 999 }),
        fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (time, offset, ms, extra, withFraction, zulu) => {
          const whole = time - (((time % 1000) + 1000) % 1000);
          const fraction = withFraction ? `.${pad(ms, 3)}${extra}` : "";
          const expected = whole + (withFraction ? ms : 0);
          expect(
            timestampSchema.parse(isoWithOffset(expected, offset, fraction, zulu)).getTime(),
          ).toBe(expected);
        },
      ),
    );
  });

  it("refuses null, booleans, numbers, numeric strings, strings without an offset, invalid dates and Date subclasses, naming the field", () => {
    fc.assert(
      fc.property(notTimestamps, (value) => {
        const result = record.safeParse({ startedAt: value });
        expect(result.success).toBe(false);
        expect(result.error?.issues).toEqual([
          expect.objectContaining({
            path: ["startedAt"],
            message: expect.stringMatching(/^startedAt: a timestamp is a Date or an ISO 8601/),
          }),
        ]);
      }),
    );
  });

  it("refuses what JSON.stringify writes for an invalid Date", () => {
    const stored = JSON.parse(JSON.stringify({ startedAt: new Date(Number.NaN) }));
    expect(stored.startedAt).toBeNull();
    expect(record.safeParse(stored).success).toBe(false);
  });

  it("names a nested field by its path and a bare value as value", () => {
    const ledger = z.array(z.strictObject({ at: timestampSchema }));
    expect(ledger.safeParse([{ at: "2025-07-07T10:00:00Z" }, { at: 0 }]).error?.issues[0]).toEqual(
      expect.objectContaining({ path: [1, "at"], message: expect.stringMatching(/^1\.at: /) }),
    );
    expect(timestampSchema.safeParse("2025-07-07").error?.issues[0]?.message).toMatch(/^value: /);
  });

  it("reads a Date through Date.prototype, not through methods set on it", () => {
    const at = Object.assign(new Date("2025-07-07T10:00:00Z"), { getTime: () => 0 });
    expect(timestampSchema.parse(at).toISOString()).toBe("2025-07-07T10:00:00.000Z");
  });
});
