import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../../test-support/fixtures/examplePolicy";
import { rightsPolicy } from "../../../../test-support/fixtures/rightsPolicy";
import {
  agrees,
  type Decided,
  honest,
  hostileDateArb,
  refusesField,
} from "../../../../test-support/hostileDates";
import {
  ageAt,
  type ConsentEvent,
  consentAt,
  createAgeGate,
  createRightsGuards,
  responseDeadline,
} from "../../src";

// Every guard that reads a caller's Date reads the time in its internal slot, whatever the
// object claims: a lying value decides exactly as the honest Date of that time, and a value
// that holds no time is invalid input naming its field, never an allow, a deletion or a throw.

const loose = <F>(f: F) => f as unknown as (...args: unknown[]) => never;
const canCollect = loose(
  createAgeGate(examplePolicy, {
    minimumAge: 16,
    law: "GDPR Art. 8(1)",
    section: "§10",
    text: "not for anyone under 16",
  }).canCollect,
);
const rights = createRightsGuards(rightsPolicy, { responseLaws: { us: "ccpa", eea: "gdpr" } });
const canExercise = loose(rights.canExercise);
const planRequest = loose(rights.planRequest);
const now = new Date("2030-06-15T12:00:00Z");

describe("hostile dates", () => {
  it("canCollect reads a birth date and `at` by their true time", () => {
    fc.assert(
      fc.property(hostileDateArb, hostileDateArb, (birth, at) => {
        agrees(birth, "birthDate", (birthDate) => canCollect({ birthDate, at: now }));
        agrees(at, "at", (a) => canCollect({ age: 30, at: a }));
        const both = canCollect({ birthDate: birth.value, at: at.value }) as Decided;
        if (birth.time === undefined || at.time === undefined) expect(both.allowed).toBe(false);
        else expect(both).toEqual(canCollect({ birthDate: honest(birth), at: honest(at) }));
      }),
    );
  });

  it("never allows a birth date whose getTime answers NaN", () => {
    class Ageless extends Date {
      override getTime() {
        return Number.NaN;
      }
    }
    const d = canCollect({ birthDate: new Ageless(Date.UTC(2015, 0, 1)), at: now }) as Decided;
    expect(d).toMatchObject({ allowed: false, age: 15 });
  });

  it("ageAt and responseDeadline read their dates by their true time", () => {
    fc.assert(
      fc.property(hostileDateArb, (d) => {
        const age = ageAt(d.value as Date, now);
        if (d.time === undefined) expect(age).toBeNull();
        else expect(age).toBe(ageAt(honest(d) as Date, now));
        const deadlines = responseDeadline(d.value as Date, "gdpr");
        if (d.time === undefined) expect(deadlines).toBeNull();
        else expect(deadlines).toEqual(responseDeadline(honest(d) as Date, "gdpr"));
      }),
    );
  });

  it("consentAt reads the query and every event by their true time", () => {
    const event = (at: unknown): ConsentEvent => ({
      subject: "s",
      purpose: "marketing",
      type: "granted",
      at: at as Date,
    });
    fc.assert(
      fc.property(hostileDateArb, (d) => {
        const query = (at: unknown) => ({ subject: "s", purpose: "marketing", at: at as Date });
        const ledger = [event(new Date(-8.64e15))];
        expect(consentAt(ledger, query(d.value))).toBe(
          d.time === undefined ? false : consentAt(ledger, query(honest(d))),
        );
        expect(consentAt([event(d.value)], query(new Date(8.64e15)))).toBe(d.time !== undefined);
      }),
    );
  });

  it("canExercise and planRequest read their dates by their true time", () => {
    fc.assert(
      fc.property(hostileDateArb, (d) => {
        agrees(d, "relationshipEndedAt", (relationshipEndedAt) =>
          canExercise("erasure", "invoice", { relationshipEndedAt, now }),
        );
        agrees(d, "now", (n) =>
          canExercise("erasure", "invoice", {
            relationshipEndedAt: new Date("2020-01-01"),
            now: n,
          }),
        );
        agrees(d, "receivedAt", (receivedAt) => {
          const plan = planRequest({ jurisdiction: "us", right: "erasure", receivedAt, now });
          return plan as Decided;
        });
      }),
    );
  });
});

describe("date arithmetic at the ends of the Date range", () => {
  it("refuses a request received too late for its deadline, naming receivedAt", () => {
    const plan = planRequest({
      jurisdiction: "us",
      right: "access",
      receivedAt: new Date(8.64e15),
    }) as Decided;
    refusesField(plan, "receivedAt");
  });

  it("refuses a relationship end whose keeping ends past the last date, naming it", () => {
    const relationshipEndedAt = new Date(8.64e15 - 1000);
    refusesField(canExercise("erasure", "invoice", { relationshipEndedAt }), "relationshipEndedAt");
    const plan = planRequest({
      jurisdiction: "us",
      right: "erasure",
      receivedAt: now,
      relationshipEndedAt,
    });
    refusesField(plan, "relationshipEndedAt");
  });

  it("refuses a birth date too long ago to be a person's, naming it", () => {
    refusesField(canCollect({ birthDate: new Date(-8.64e15), at: now }), "birthDate");
  });
});
