import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPeriod } from "../src/internal/readPeriod";
import { durationSchema } from "../src/policyDeclarationSchema";

const unit = fc.constantFrom("years", "months", "weeks", "days", "hours", "constructor");
const amount = fc.oneof(
  fc.integer({ min: -3, max: 50 }),
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, undefined, null, "5"),
);
const periodLike = fc.oneof(
  fc.dictionary(unit, amount, { maxKeys: 4 }),
  fc.anything({ maxDepth: 1 }),
);

describe("§7 retention periods read without the schema", () => {
  it("accepts exactly the plain values the declaration schema accepts, with the same data", () => {
    fc.assert(
      fc.property(periodLike, (value) => {
        const parsed = durationSchema.safeParse(value);
        const read = readPeriod(value);
        expect("period" in read).toBe(parsed.success);
        if ("period" in read && parsed.success) expect(read.period).toEqual(parsed.data);
      }),
    );
  });

  it("names the unit of each problem, and the value when it is not an object", () => {
    expect(readPeriod({ hours: 5, years: -1 })).toEqual({
      problems: [
        "hours is not a unit: a period counts whole UTC days in years, months, weeks or days",
        "years expected a non-negative whole number, got -1",
      ],
    });
    expect(readPeriod("6 months")).toEqual({
      problems: ['value expected an object { years?, months?, weeks?, days? }, got "6 months"'],
    });
  });

  it("refuses a unit given through a getter instead of running it", () => {
    const period = Object.defineProperty({}, "years", { enumerable: true, get: () => 1 });
    expect(readPeriod(period)).toEqual({
      problems: [expect.stringMatching(/^years .*getter/)],
    });
  });
});
