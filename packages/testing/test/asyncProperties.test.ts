import { createGuards } from "@trunkiq/policy-core";
import { consentAt } from "@trunkiq/policy-law";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import {
  assertNeverAllowsAsync,
  assertPurgeFollowsPolicy,
  consentLedgerArb,
  createArbitraries,
  DecisionAssertionError,
  isDueForDeletion,
  type RetentionRecord,
  retentionRecordArb,
} from "../src";

const guards = createGuards(examplePolicy);
const { canUse } = guards;
const arbs = createArbitraries(examplePolicy);
const loose = canUse as unknown as (p: string, c: string, ctx: object) => ReturnType<typeof canUse>;
const now = new Date("2026-06-01T00:00:00Z");

describe("assertNeverAllowsAsync", () => {
  it("passes when an async guard denies every input", async () => {
    await expect(
      assertNeverAllowsAsync(
        async (q) => loose(q.purpose, q.category, q.context),
        arbs.forbiddenUseArb,
        { numRuns: 30 },
      ),
    ).resolves.toBeUndefined();
  });

  it("fails with the allowed decision rendered when one input is allowed", async () => {
    const failure = assertNeverAllowsAsync(
      async (q) => loose(q.purpose, q.category, q.context),
      arbs.allowedUseArb,
      { numRuns: 30 },
    );
    await expect(failure).rejects.toThrow(
      /expected every generated request to be denied[\s\S]*ALLOWED/,
    );
    await expect(failure).rejects.toThrow(DecisionAssertionError.name);
  });
});

describe("consentLedgerArb", () => {
  it("draws events of the given subjects and purposes, within the range, with ties", () => {
    const from = new Date("2025-01-01T00:00:00Z");
    const to = new Date("2025-12-31T00:00:00Z");
    const ledgers = fc.sample(
      consentLedgerArb(examplePolicy, { subjects: ["a", "b"], purposes: ["newsletter"], from, to }),
      { numRuns: 200, seed: 7 },
    );
    let ties = 0;
    for (const ledger of ledgers) {
      for (const e of ledger) {
        expect(["a", "b"]).toContain(e.subject);
        expect(e.purpose).toBe("newsletter");
        expect(e.at.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(e.at.getTime()).toBeLessThanOrEqual(to.getTime());
      }
      const times = ledger.map((e) => `${e.subject}${e.at.getTime()}`);
      if (new Set(times).size < times.length) ties++;
    }
    expect(ties).toBeGreaterThan(0);
    // Both answers of the ledger's reader occur.
    const answers = new Set(
      ledgers.map((l) => consentAt(l, { subject: "a", purpose: "newsletter", at: to })),
    );
    expect(answers).toEqual(new Set([true, false]));
  });
});

describe("retentionRecordArb", () => {
  it("draws rows with unique ids, anchors before now, and unknown jurisdictions and holds", () => {
    const samples = fc.sample(retentionRecordArb(examplePolicy, { categories: ["email"], now }), {
      numRuns: 200,
      seed: 11,
    });
    const rows = samples.flat();
    for (const records of samples) {
      expect(records.map((r) => r.id)).toEqual(records.map((_, i) => i + 1));
    }
    for (const r of rows) {
      expect(r.categories).toEqual(["email"]);
      expect(r.collectedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (r.relationshipEndedAt !== null) {
        expect(r.relationshipEndedAt.getTime()).toBeGreaterThanOrEqual(r.collectedAt.getTime());
        expect(r.relationshipEndedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
    expect(new Set(rows.map((r) => r.jurisdiction))).toEqual(
      new Set(["us", "eea", null, "undeclared"]),
    );
    expect(new Set(rows.map((r) => r.legalHold))).toEqual(new Set([true, false, null]));
    expect(rows.some((r) => isDueForDeletion(guards, r, now))).toBe(true);
    expect(rows.some((r) => !isDueForDeletion(guards, r, now))).toBe(true);
  });
});

describe("assertPurgeFollowsPolicy", () => {
  const records = retentionRecordArb(examplePolicy, { categories: ["email", "order"], now });
  const purgeWith =
    (goes: (r: RetentionRecord) => boolean) => async (rows: readonly RetentionRecord[]) =>
      rows.filter((r) => !goes(r)).map((r) => r.id);

  it("passes a purge that deletes exactly the rows due", async () => {
    await expect(
      assertPurgeFollowsPolicy({
        guards,
        now,
        records,
        purge: purgeWith((r) => isDueForDeletion(guards, r, now)),
        params: { numRuns: 50 },
      }),
    ).resolves.toBeUndefined();
  });

  it("fails a purge that ignores legal holds, naming the row", async () => {
    const ignoringHolds = (r: RetentionRecord) =>
      isDueForDeletion(guards, { ...r, legalHold: false }, now);
    await expect(
      assertPurgeFollowsPolicy({
        guards,
        now,
        records,
        purge: purgeWith(ignoringHolds),
        params: { numRuns: 200 },
      }),
    ).rejects.toThrow(/row \d+ is not due but was deleted/);
  });

  it("fails a purge that keeps what is due", async () => {
    await expect(
      assertPurgeFollowsPolicy({
        guards,
        now,
        records,
        purge: purgeWith(() => false),
        params: { numRuns: 200 },
      }),
    ).rejects.toThrow(/row \d+ is due but was kept/);
  });
});
