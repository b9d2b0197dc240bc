import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { type AgeContext, ageAt, type CollectDecision, createAgeGate } from "../src";

const rule = {
  minimumAge: 16,
  law: "GDPR Art. 8(1)",
  section: "§10",
  text: "We do not knowingly collect data from anyone under 16.",
};
// Built per call, so that every decision exercises the gate's construction too.
const canCollect = (context: AgeContext) => createAgeGate(examplePolicy, rule).canCollect(context);
const loose = canCollect as (context: unknown) => CollectDecision;
const at = new Date("2025-07-07T12:00:00Z");

/** Asserts the shape every refusal of bad input shares, and returns its message. */
const refusal = (d: CollectDecision): string => {
  expect(d).toMatchObject({ kind: "collect", allowed: false, age: null, obligations: [] });
  expect(d.reasons).toHaveLength(1);
  expect(d.reasons[0]).toMatchObject({ code: "invalid-input", section: "§10", text: rule.text });
  return d.reasons[0]?.message ?? "";
};

describe("§10 createAgeGate, GDPR Art. 8(1)", () => {
  it("permits someone of the minimum age, citing the rule and the policy version", () => {
    const d = canCollect({ age: 16 });
    expect(d).toEqual({
      kind: "collect",
      allowed: true,
      age: 16,
      reasons: [
        {
          code: "permitted",
          message: "aged 16, at least 16 (GDPR Art. 8(1))",
          section: "§10",
          text: rule.text,
        },
      ],
      obligations: [],
      policy: { id: "example-shop-privacy", version: "2024-01-31" },
    });
  });

  it("denies anyone younger than the minimum age as under age", () => {
    const d = canCollect({ age: 15 });
    expect(d.allowed).toBe(false);
    expect(d.age).toBe(15);
    expect(d.reasons).toEqual([
      {
        code: "under-age",
        message: "aged 15, under 16: nothing may be collected (GDPR Art. 8(1))",
        section: "§10",
        text: rule.text,
      },
    ]);
    expect(d.obligations).toEqual([]);
  });

  it("accepts the youngest and oldest plausible stated ages", () => {
    expect(canCollect({ age: 0 })).toMatchObject({ allowed: false, age: 0 });
    expect(canCollect({ age: 150 })).toMatchObject({ allowed: true, age: 150 });
  });

  it("turns a birth date into an age at the moment of collection", () => {
    expect(canCollect({ birthDate: new Date("2009-07-07"), at })).toMatchObject({
      allowed: true,
      age: 16,
    });
    expect(canCollect({ birthDate: new Date("2009-07-08"), at })).toMatchObject({
      allowed: false,
      age: 15,
    });
  });

  it("counts a February 29 birthday on March 1 of a non-leap year", () => {
    const birthDate = new Date("2008-02-29");
    expect(canCollect({ birthDate, at: new Date("2024-02-28T12:00:00Z") }).allowed).toBe(false);
    expect(canCollect({ birthDate, at: new Date("2025-02-28T12:00:00Z") }).age).toBe(16);
  });

  it("uses the current time when no moment is given", () => {
    const birthDate = new Date("1990-01-01");
    const before = ageAt(birthDate, new Date());
    const d = canCollect({ birthDate });
    expect(d.allowed).toBe(true);
    expect([before, ageAt(birthDate, new Date())]).toContain(d.age);
  });

  it("accepts a stated age that agrees with the birth date", () => {
    expect(canCollect({ age: 16, birthDate: new Date("2009-01-01"), at })).toMatchObject({
      allowed: true,
      age: 16,
    });
  });

  it("refuses a stated age that contradicts the birth date, rather than trusting either", () => {
    const message = refusal(canCollect({ age: 18, birthDate: new Date("2009-01-01"), at }));
    expect(message).toBe(
      "age 18 contradicts birthDate, which gives 16 at 2025-07-07T12:00:00.000Z",
    );
  });

  it("denies when neither an age nor a birth date is known, since a child cannot be ruled out", () => {
    expect(refusal(canCollect({}))).toMatch(
      /an age or a birth date is required.*GDPR Art\. 8\(1\)/,
    );
    expect(refusal(canCollect({ age: undefined, birthDate: undefined, at }))).toMatch(/required/);
  });

  it("accepts a birth date exactly 150 years back and refuses an older one", () => {
    expect(canCollect({ birthDate: new Date("1874-07-08"), at }).age).toBe(150);
    expect(refusal(canCollect({ birthDate: new Date("1874-07-07"), at }))).toMatch(
      /^birthDate 1874-07-07T00:00:00\.000Z is not a plausible birth date/,
    );
    expect(refusal(canCollect({ birthDate: new Date("1800-01-01"), at }))).toBe(
      "birthDate 1800-01-01T00:00:00.000Z is not a plausible birth date at 2025-07-07T12:00:00.000Z",
    );
  });

  it("refuses a birth date after the moment of collection", () => {
    expect(refusal(canCollect({ birthDate: new Date("2025-07-08"), at }))).toMatch(
      /is not a plausible birth date/,
    );
  });

  it.each([
    ["a string", "17"],
    ["a fraction", 16.5],
    ["a negative number", -1],
    ["more than 150", 151],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["null", null],
  ])("refuses a stated age given as %s", (_, age) => {
    expect(refusal(loose({ age }))).toMatch(/^age must be a whole number of years from 0 to 150/);
  });

  it.each([
    ["an invalid Date", new Date("nope")],
    ["an ISO string", "2009-01-01"],
    ["a timestamp", 1_230_768_000_000],
    ["null", null],
  ])("refuses a birth date given as %s", (_, birthDate) => {
    expect(refusal(loose({ birthDate, at }))).toMatch(/^birthDate must be a valid Date/);
  });

  it.each([
    ["an invalid Date", new Date("nope")],
    ["an ISO string", "2025-07-07"],
    ["null", null],
  ])("refuses a moment of collection given as %s, even with a valid age", (_, moment) => {
    expect(refusal(loose({ age: 30, at: moment }))).toMatch(/^at must be a valid Date/);
  });

  it.each([
    ["null", null],
    ["a number", 16],
    ["a string", "16"],
    ["undefined", undefined],
    ["an array, even one carrying an age", Object.assign([], { age: 30 })],
  ])("refuses a context that is %s", (_, context) => {
    expect(refusal(loose(context))).toMatch(/^the context must be an object/);
  });

  it("refuses a context whose fields cannot be read, without throwing", () => {
    const throwing = {
      get age(): number {
        throw new Error("getter");
      },
    };
    expect(refusal(loose(throwing))).toBe(
      'context field "age" is given through a getter: give it as an own data property',
    );
    const trap = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(refusal(loose(trap))).toBe("the context could not be read");
  });

  it("refuses an age or birth date inherited from a prototype, naming the field", () => {
    expect(refusal(loose(Object.create({ age: 30 })))).toBe(
      'context field "age" is inherited from a prototype: give it as an own data property',
    );
    const inherited = Object.assign(Object.create({ birthDate: new Date("1990-01-01") }), { at });
    expect(refusal(loose(inherited))).toBe(
      'context field "birthDate" is inherited from a prototype: give it as an own data property',
    );
    expect(canCollect(Object.assign(Object.create({ age: 30 }), { age: 12 }))).toMatchObject({
      allowed: false,
      age: 12,
    });
  });

  it("returns frozen decisions", () => {
    for (const d of [canCollect({ age: 30 }), canCollect({ age: 3 }), loose(null)]) {
      expect(Object.isFrozen(d)).toBe(true);
      expect(Object.isFrozen(d.reasons)).toBe(true);
      expect(Object.isFrozen(d.reasons[0])).toBe(true);
      expect(Object.isFrozen(d.obligations)).toBe(true);
      expect(Object.isFrozen(d.policy)).toBe(true);
    }
  });

  it("applies the minimum age of the rule it is given", () => {
    const { canCollect: canCollect13 } = createAgeGate(examplePolicy, {
      ...rule,
      minimumAge: 13,
      law: "COPPA",
    });
    expect(canCollect13({ age: 13 }).allowed).toBe(true);
    expect(canCollect13({ age: 12 }).reasons[0]?.message).toBe(
      "aged 12, under 13: nothing may be collected (COPPA)",
    );
  });
});
