import type { Duration } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGuards, definePolicy } from "../../src";
import { periodArb } from "../support/arbitraries";

const cite = { section: "§7", text: "as long as necessary" };
const policy = definePolicy({
  id: "retention-only",
  version: "2025-07-07",
  title: "Retention only",
  jurisdictions: ["here"],
  scopes: { use: cite, share: cite, retention: cite },
  bases: { law: cite },
  categories: { record: cite },
  contextFields: {},
  conditions: {},
  obligations: {},
  purposes: {},
  recipients: {},
  prohibitions: {},
  retention: {
    record: {
      here: { anchor: "collection", period: { years: 1 }, basis: "law", law: "a law", ...cite },
    },
  },
  rights: {},
});
const guardsFor = (period: Duration) =>
  createGuards(policy, { retention: { record: { here: period } } });

const DAY = 86_400_000;
const MIN = Date.UTC(1970, 0, 1);
const MAX = Date.UTC(2100, 11, 31, 23, 59, 59, 999);

/** The anchor plus a period, by hand: whole months first (clamped to the month's end), then days. */
function plusPeriod(anchor: Date, period: Duration): Date {
  const months = anchor.getUTCMonth() + (period.years ?? 0) * 12 + (period.months ?? 0);
  const year = anchor.getUTCFullYear() + Math.floor(months / 12);
  const month = months % 12;
  const monthLength = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day =
    Math.min(anchor.getUTCDate(), monthLength) + 7 * (period.weeks ?? 0) + (period.days ?? 0);
  return new Date(
    Date.UTC(year, month, day) +
      (anchor.getTime() -
        Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate())),
  );
}
const isZero = (p: Duration) => !p.years && !p.months && !p.weeks && !p.days;
const startOfDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

// Anchors anywhere in 1970–2100, often on the last days of a month and on leap days.
const anchorArb = fc.oneof(
  fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms)),
  fc
    .record({
      year: fc.integer({ min: 1970, max: 2100 }),
      month: fc.integer({ min: 0, max: 11 }),
      day: fc.integer({ min: 28, max: 31 }),
      time: fc.integer({ min: 0, max: DAY - 1 }),
    })
    .map(({ year, month, day, time }) => {
      const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      return new Date(Date.UTC(year, month, Math.min(day, last)) + time);
    }),
  fc
    .constantFrom(1972, 2000, 2024, 2096)
    .chain((year) =>
      fc.integer({ min: 0, max: DAY - 1 }).map((t) => new Date(Date.UTC(year, 1, 29) + t)),
    ),
);
const nowArb = fc.integer({ min: MIN, max: Date.UTC(2200, 0, 1) }).map((ms) => new Date(ms));

describe("retention of random periods", () => {
  it("keeps a record to the end of the UTC day on which anchor + period falls", () => {
    fc.assert(
      fc.property(anchorArb, periodArb, (anchor, period) => {
        const { until } = guardsFor(period).retentionFor("record", { collectedAt: anchor });
        const end = plusPeriod(anchor, period);
        const expected = isZero(period) ? anchor.getTime() : startOfDay(end) + DAY;
        expect(until?.getTime()).toBe(expected);
        expect(until?.getTime()).toBeGreaterThanOrEqual(end.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it("expires exactly the records anchored before the cutoff", () => {
    fc.assert(
      fc.property(anchorArb, periodArb, nowArb, (anchor, period, now) => {
        const guards = guardsFor(period);
        const { cutoff } = guards.retentionCutoff("record", { now, jurisdiction: "here" });
        const { expired } = guards.retentionFor("record", { collectedAt: anchor, now });
        expect(cutoff).not.toBeNull();
        expect(expired).toBe(cutoff !== null && anchor.getTime() < cutoff.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it("puts the cutoff where expiry flips from one millisecond to the next", () => {
    fc.assert(
      fc.property(periodArb, nowArb, (period, now) => {
        const guards = guardsFor(period);
        const cutoff =
          guards.retentionCutoff("record", { now, jurisdiction: "here" }).cutoff?.getTime() ??
          Number.NaN;
        const at = (ms: number) =>
          guards.retentionFor("record", { collectedAt: new Date(ms), now }).expired;
        expect(at(cutoff - 1)).toBe(true);
        expect(at(cutoff)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("never gives a later anchor an earlier deadline", () => {
    fc.assert(
      fc.property(anchorArb, anchorArb, periodArb, (a, b, period) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        const { retentionFor } = guardsFor(period);
        const untilEarly = retentionFor("record", { collectedAt: early }).until?.getTime();
        const untilLate = retentionFor("record", { collectedAt: late }).until?.getTime();
        expect(untilEarly).toBeLessThanOrEqual(untilLate ?? Number.NaN);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps an expired record expired as time goes on", () => {
    fc.assert(
      fc.property(anchorArb, periodArb, nowArb, nowArb, (anchor, period, a, b) => {
        const [earlier, later] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        const { retentionFor } = guardsFor(period);
        const before = retentionFor("record", { collectedAt: anchor, now: earlier }).expired;
        const after = retentionFor("record", { collectedAt: anchor, now: later }).expired;
        if (before) expect(after).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("never expires a record under a legal hold", () => {
    fc.assert(
      fc.property(anchorArb, periodArb, nowArb, (anchor, period, now) => {
        const decision = guardsFor(period).retentionFor("record", {
          collectedAt: anchor,
          now,
          legalHold: true,
        });
        expect(decision.expired).toBe(false);
        expect(decision.until).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it("never throws and never expires on hostile input", () => {
    const { retentionFor, retentionCutoff } = guardsFor({ years: 1 }) as unknown as Record<
      "retentionFor" | "retentionCutoff",
      (category: unknown, context: unknown) => { expired?: boolean; cutoff?: Date | null }
    >;
    fc.assert(
      fc.property(
        fc.oneof(fc.constant("record"), fc.anything(), fc.string()),
        fc.oneof(
          fc.anything({ withDate: true, withNullPrototype: true, withBoxedValues: true }),
          fc.record(
            {
              collectedAt: fc.oneof(fc.date(), fc.anything()),
              jurisdiction: fc.oneof(fc.constant("here"), fc.string()),
              legalHold: fc.anything(),
              now: fc.oneof(fc.date(), fc.anything()),
            },
            { requiredKeys: [] },
          ),
        ),
        (category, context) => {
          const decision = retentionFor(category, context);
          const valid =
            category === "record" &&
            typeof context === "object" &&
            context !== null &&
            !Array.isArray(context);
          if (!valid) expect(decision.expired).toBe(false);
          expect(() => retentionCutoff(category, context)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });
});
