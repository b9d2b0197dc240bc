import fc from "fast-check";
import { describe, it } from "vitest";
import { examplePolicy } from "../../../../test-support/fixtures/examplePolicy";
import {
  agrees,
  type Decided,
  hostileDateArb,
  refusesField,
} from "../../../../test-support/hostileDates";
import { createGuards } from "../../src";

// The retention guards read the time in a Date's internal slot, whatever the object claims: a
// lying value decides exactly as the honest Date of that time, and a value that holds no time is
// invalid input naming its field, never an expiry, a cutoff or a throw.

const loose = <F>(f: F) => f as unknown as (...args: unknown[]) => never;
const guards = createGuards(examplePolicy);
const retentionFor = loose(guards.retentionFor);
const retentionCutoff = loose(guards.retentionCutoff);
const now = new Date("2030-06-15T12:00:00Z");

describe("hostile dates", () => {
  it("retentionFor never expires a record on a date that holds no time", () => {
    fc.assert(
      fc.property(hostileDateArb, fc.constantFrom("us", "eea"), (d, jurisdiction) => {
        agrees(d, "collectedAt", (collectedAt) =>
          retentionFor("order", { collectedAt, now, jurisdiction }),
        );
        agrees(d, "now", (n) =>
          retentionFor("order", { collectedAt: new Date("2020-01-01"), now: n, jurisdiction }),
        );
        agrees(d, "relationshipEndedAt", (relationshipEndedAt) =>
          retentionFor("email", {
            collectedAt: new Date("2020-01-01"),
            relationshipEndedAt,
            now,
            jurisdiction,
          }),
        );
      }),
    );
  });

  it("retentionCutoff gives no cutoff for a `now` that holds no time", () => {
    fc.assert(
      fc.property(hostileDateArb, (d) => {
        agrees(d, "now", (n) => retentionCutoff("order", { now: n, jurisdiction: "us" }));
      }),
    );
  });
});

describe("date arithmetic at the ends of the Date range", () => {
  it("refuses a collection date whose deadline is past the last date, naming it", () => {
    const d = retentionFor("order", { collectedAt: new Date(8.64e15), now }) as Decided;
    refusesField(d, "collectedAt");
  });

  it("refuses a `now` too early for any cutoff, naming it", () => {
    const d = retentionCutoff("order", { now: new Date(-8.64e15), jurisdiction: "us" }) as Decided;
    refusesField(d, "now");
  });
});
