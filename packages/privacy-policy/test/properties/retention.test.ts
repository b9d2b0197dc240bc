import { createArbitraries } from "@trunkiq/policy-testing";
import type { Duration } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as trunkiq from "../../src";
import { policy } from "../support/points";

const arbs = createArbitraries(policy);
const { retentionFor, retentionCutoff, withRetention } = trunkiq;

type Category = trunkiq.Category;
type Jurisdiction = trunkiq.Jurisdiction;
type Declared = { readonly minimum?: Duration; readonly anchor: string };

const rules = Object.entries(policy.retention).flatMap(([category, byJurisdiction]) =>
  Object.entries(byJurisdiction as Readonly<Record<string, Declared>>).map(
    ([jurisdiction, rule]) => ({
      category: category as Category,
      jurisdiction: jurisdiction as Jurisdiction,
      rule,
    }),
  ),
);
const ruleArb = fc.constantFrom(...rules);
const withMinimum = rules
  .filter((r) => r.rule.minimum !== undefined)
  .map((r) => ({
    ...r,
    // A deployment configured at exactly the minimum must still keep the data that long.
    configured: withRetention({ [r.category]: { [r.jurisdiction]: r.rule.minimum as Duration } }),
  }));

/** UTC calendar addition written from the definition, independent of the engine (month ends clamp). */
function addUtc(date: Date, d: Duration): Date {
  const months = date.getUTCMonth() + (d.months ?? 0) + 12 * (d.years ?? 0);
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  const timeOfDay =
    date.getTime() - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const days = (d.weeks ?? 0) * 7 + (d.days ?? 0);
  const ms = (((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60 + (d.seconds ?? 0)) * 1000;
  return new Date(Date.UTC(year, month, day) + timeOfDay + days * 86_400_000 + ms);
}

// One date serves as both anchors, so the rule's own anchor is the one that applies.
const anchoredAt = (anchor: Date, jurisdiction: Jurisdiction, now = anchor) => ({
  collectedAt: anchor,
  relationshipEndedAt: anchor,
  jurisdiction,
  now,
});

describe("retention (§7)", () => {
  it("§7: declares legal minimums, so the minimum check below is not vacuous", () => {
    expect(withMinimum.length).toBeGreaterThan(0);
  });

  it("§7: never sets a deletion date earlier than the legal minimum after the anchor", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withMinimum),
        arbs.dateArb,
        ({ category, jurisdiction, rule, configured: guards }, anchor) => {
          const minimum = rule.minimum as Duration;
          const earliest = addUtc(anchor, minimum).getTime();
          const declared = retentionFor(category, anchoredAt(anchor, jurisdiction));
          const configured = guards.retentionFor(category, anchoredAt(anchor, jurisdiction));
          expect(declared.until?.getTime()).toBeGreaterThanOrEqual(earliest);
          expect(configured.until?.getTime()).toBeGreaterThanOrEqual(earliest);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("§7: never sets a deletion date before the anchor event", () => {
    fc.assert(
      fc.property(ruleArb, arbs.dateArb, ({ category, jurisdiction }, anchor) => {
        const d = retentionFor(category, anchoredAt(anchor, jurisdiction));
        expect(d.until?.getTime()).toBeGreaterThanOrEqual(anchor.getTime());
      }),
    );
  });

  it("§7: a later anchor never gives an earlier deletion date", () => {
    fc.assert(
      fc.property(ruleArb, arbs.dateArb, arbs.dateArb, ({ category, jurisdiction }, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = retentionFor(category, anchoredAt(early, jurisdiction)).until as Date;
        const second = retentionFor(category, anchoredAt(late, jurisdiction)).until as Date;
        expect(second.getTime()).toBeGreaterThanOrEqual(first.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("§7: expires nothing under a legal hold, whatever the dates", () => {
    fc.assert(
      fc.property(arbs.retentionQuestionArb, ({ category, context }) => {
        const d = retentionFor(category, { ...context, legalHold: true });
        expect(d.expired).toBe(false);
        expect(d.until).toBeNull();
        expect(d.reasons.map((r) => r.code)).toEqual(["legal-hold"]);
      }),
    );
  });

  it("§7: once a record is expired it stays expired as time moves on", () => {
    fc.assert(
      fc.property(
        arbs.retentionQuestionArb,
        arbs.dateArb,
        arbs.dateArb,
        ({ category, context }, a, b) => {
          const [before, after] = a <= b ? [a, b] : [b, a];
          if (retentionFor(category, { ...context, now: before }).expired) {
            expect(retentionFor(category, { ...context, now: after }).expired).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("§7: a record is expired exactly when its anchor is before the cutoff, month ends and leap days included", () => {
    fc.assert(
      fc.property(
        ruleArb,
        arbs.dateArb,
        arbs.dateArb,
        ({ category, jurisdiction }, anchor, now) => {
          const { cutoff } = retentionCutoff(category, { now, jurisdiction });
          expect(cutoff).not.toBeNull();
          const at = (a: Date) => retentionFor(category, anchoredAt(a, jurisdiction, now)).expired;
          const c = cutoff as Date;
          expect(at(anchor)).toBe(anchor.getTime() < c.getTime());
          // The cutoff is the exact boundary: a millisecond earlier is expired, the cutoff itself is not.
          expect(at(new Date(c.getTime() - 1))).toBe(true);
          expect(at(c)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
