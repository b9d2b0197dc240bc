import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConsentEvent, canUse, consentAt } from "../src";
import { consentLedgerSchema } from "../src/schemas";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };
const t = (iso: string) => new Date(iso);
const ledger: ConsentEvent[] = [
  { subject: "acct-1", purpose: "marketing", type: "granted", at: t("2025-01-01T00:00:00Z") },
  { subject: "acct-1", purpose: "marketing", type: "withdrawn", at: t("2025-03-01T00:00:00Z") },
  { subject: "acct-2", purpose: "marketing", type: "granted", at: t("2025-02-01T00:00:00Z") },
];
const q = (subject: string, at: string) => ({ subject, purpose: "marketing" as const, at: t(at) });

describe("§3 consent ledger, GDPR Art. 7(3)", () => {
  it("holds between grant and withdrawal and not after", () => {
    expect(consentAt(ledger, q("acct-1", "2024-12-31T23:59:59Z"))).toBe(false);
    expect(consentAt(ledger, q("acct-1", "2025-01-01T00:00:00Z"))).toBe(true);
    expect(consentAt(ledger, q("acct-1", "2025-02-28T23:59:59Z"))).toBe(true);
    expect(consentAt(ledger, q("acct-1", "2025-03-01T00:00:00Z"))).toBe(false);
  });

  it("never lets a withdrawal reach back before its timestamp", () => {
    expect(consentAt(ledger, q("acct-1", "2025-02-15T00:00:00Z"))).toBe(true);
  });

  it("does not make an earlier use lawful by a later consent", () => {
    expect(consentAt(ledger, q("acct-2", "2025-01-15T00:00:00Z"))).toBe(false);
  });

  it("lets a withdrawal win a tie at the same timestamp (fail closed)", () => {
    const at = t("2025-05-01T00:00:00Z");
    const tie: ConsentEvent[] = [
      { subject: "s", purpose: "marketing", type: "granted", at },
      { subject: "s", purpose: "marketing", type: "withdrawn", at },
    ];
    expect(consentAt(tie, { subject: "s", purpose: "marketing", at })).toBe(false);
    expect(consentAt([...tie].reverse(), { subject: "s", purpose: "marketing", at })).toBe(false);
  });

  it("answers the same whatever the order of the events", () => {
    const event = fc.record({
      subject: fc.constantFrom("a", "b"),
      purpose: fc.constantFrom("marketing" as const, "product-development" as const),
      type: fc.constantFrom("granted" as const, "withdrawn" as const),
      at: fc.integer({ min: 0, max: 20 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d))),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 12 }),
        fc.integer({ min: 0, max: 22 }),
        fc.constantFrom("a", "b"),
        (events, day, subject) => {
          const at = new Date(Date.UTC(2025, 0, 1 + day));
          const query = { subject, purpose: "marketing" as const, at };
          const shuffled = [...events].reverse();
          // Reference model: the last relevant event in time order, withdrawals sorted last within a tie.
          const relevant = events
            .filter((e) => e.subject === subject && e.purpose === "marketing" && e.at <= at)
            .sort((x, y) => x.at.getTime() - y.at.getTime() || (x.type === "withdrawn" ? 1 : -1));
          const expected = relevant.at(-1)?.type === "granted";
          expect(consentAt(events, query)).toBe(expected);
          expect(consentAt(shuffled, query)).toBe(expected);
        },
      ),
      fcOptions,
    );
  });

  it("answers false for malformed ledgers and queries instead of throwing", () => {
    // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
    const loose = consentAt as (...args: any[]) => boolean;
    expect(loose(null, q("acct-1", "2025-02-01T00:00:00Z"))).toBe(false);
    expect(loose(ledger, { subject: "acct-1", purpose: "marketing", at: "2025-02-01" })).toBe(
      false,
    );
    expect(
      loose(
        [
          ...ledger,
          { subject: "acct-1", purpose: "marketing", type: "maybe", at: t("2025-01-02") },
        ],
        q("acct-1", "2025-02-01T00:00:00Z"),
      ),
    ).toBe(false);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (e, query) => typeof loose(e, query) === "boolean"),
      fcOptions,
    );
  });

  it("reloads a stored ledger from JSON with dates restored", () => {
    const reloaded = consentLedgerSchema.parse(JSON.parse(JSON.stringify(ledger)));
    expect(reloaded).toEqual(ledger);
    expect(consentAt(reloaded, q("acct-1", "2025-02-01T00:00:00Z"))).toBe(true);
    expect(consentLedgerSchema.safeParse([{ ...ledger[0], purpose: "selling" }]).success).toBe(
      false,
    );
    expect(consentLedgerSchema.safeParse([{ ...ledger[0], at: "not a date" }]).success).toBe(false);
  });

  it("feeds canUse: marketing uses account data only while the ledger holds consent", () => {
    const at = (iso: string) => ({ subject: "acct-1", purpose: "marketing" as const, at: t(iso) });
    expect(
      canUse("marketing", "account", { consent: consentAt(ledger, at("2025-02-01T00:00:00Z")) })
        .allowed,
    ).toBe(true);
    expect(
      canUse("marketing", "account", { consent: consentAt(ledger, at("2025-04-01T00:00:00Z")) })
        .allowed,
    ).toBe(false);
  });
});
