import { describe, expect, it } from "vitest";
import { type ConsentEvent, consentAt } from "../src";
import { consentLedgerSchemas } from "../src/schemas";

type Purpose = "newsletter" | "profiling";
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const granted = (day: string, subject = "acct-1", purpose: Purpose = "newsletter") =>
  ({ subject, purpose, type: "granted", at: at(day) }) as const;
const withdrawn = (day: string, subject = "acct-1", purpose: Purpose = "newsletter") =>
  ({ subject, purpose, type: "withdrawn", at: at(day) }) as const;
const ask = (day: string, subject = "acct-1", purpose: Purpose = "newsletter") => ({
  subject,
  purpose,
  at: at(day),
});
const looseConsentAt = consentAt as (events: unknown, query: unknown) => boolean;

describe("§3 consentAt, GDPR Art. 7", () => {
  it("denies consent nobody gave", () => {
    expect(consentAt<Purpose>([], ask("2025-01-01"))).toBe(false);
  });

  it("holds consent from the moment it is granted, the moment itself included", () => {
    const ledger = [granted("2025-01-01")];
    expect(consentAt(ledger, ask("2025-01-01"))).toBe(true);
    expect(consentAt(ledger, ask("2025-06-01"))).toBe(true);
  });

  it("does not reach back: a use before the grant was not consented to", () => {
    const ledger = [granted("2025-01-01")];
    expect(
      consentAt(ledger, { ...ask("2025-01-01"), at: new Date("2024-12-31T23:59:59.999Z") }),
    ).toBe(false);
  });

  it("ends consent from the moment of withdrawal, never before", () => {
    const ledger = [granted("2025-01-01"), withdrawn("2025-03-01")];
    expect(
      consentAt(ledger, { ...ask("2025-03-01"), at: new Date("2025-02-28T23:59:59.999Z") }),
    ).toBe(true);
    expect(consentAt(ledger, ask("2025-03-01"))).toBe(false);
    expect(consentAt(ledger, ask("2025-04-01"))).toBe(false);
  });

  it("lets the latest event win whatever the order of the ledger", () => {
    const regranted = [granted("2025-05-01"), withdrawn("2025-03-01"), granted("2025-01-01")];
    expect(consentAt(regranted, ask("2025-04-01"))).toBe(false);
    expect(consentAt(regranted, ask("2025-06-01"))).toBe(true);
    const grantedLast = [granted("2025-03-01"), withdrawn("2025-01-01")];
    expect(consentAt(grantedLast, ask("2025-04-01"))).toBe(true);
  });

  it("lets a withdrawal beat a grant at the same moment, in either order", () => {
    expect(consentAt([granted("2025-01-01"), withdrawn("2025-01-01")], ask("2025-02-01"))).toBe(
      false,
    );
    expect(consentAt([withdrawn("2025-01-01"), granted("2025-01-01")], ask("2025-02-01"))).toBe(
      false,
    );
  });

  it("keeps consent when the same grant is recorded twice", () => {
    expect(consentAt([granted("2025-01-01"), granted("2025-01-01")], ask("2025-02-01"))).toBe(true);
  });

  it("counts only the events of the subject and purpose asked about", () => {
    const ledger = [granted("2025-01-01", "acct-2"), granted("2025-01-01", "acct-1", "profiling")];
    expect(consentAt(ledger, ask("2025-02-01"))).toBe(false);
    expect(consentAt(ledger, ask("2025-02-01", "acct-2"))).toBe(true);
    expect(consentAt(ledger, ask("2025-02-01", "acct-1", "profiling"))).toBe(true);
  });

  it("ignores malformed dates and types of other subjects' events", () => {
    const ledger = [
      granted("2025-01-01"),
      { subject: "acct-2", purpose: "newsletter", type: "granted", at: new Date("nope") },
      { subject: "acct-1", purpose: "profiling", type: "maybe", at: at("2025-01-01") },
    ];
    expect(looseConsentAt(ledger, ask("2025-02-01"))).toBe(true);
  });

  it.each([
    ["an invalid date", { ...granted("2024-01-01"), at: new Date("nope") }],
    ["a date given as a string", { ...granted("2024-01-01"), at: "2024-01-01" }],
    ["an unknown type", { ...granted("2024-01-01"), type: "revoked" }],
    ["no type", { subject: "acct-1", purpose: "newsletter", at: at("2024-01-01") }],
  ])(
    "denies when an event of the subject and purpose has %s: it might be a withdrawal",
    (_, bad) => {
      // The unreadable event comes first, before a valid grant and at the same moment as one.
      expect(looseConsentAt([bad, granted("2025-01-01")], ask("2025-02-01"))).toBe(false);
      expect(looseConsentAt([granted("2024-01-01"), bad], ask("2025-02-01"))).toBe(false);
    },
  );

  it.each([
    ["null", null],
    ["a number", 7],
    ["a string", "granted"],
    ["an event without a string subject", { ...granted("2025-01-01"), subject: 1 }],
    ["an event without a string purpose", { ...granted("2025-01-01"), purpose: ["newsletter"] }],
    [
      "a function dressed as a grant",
      Object.assign(() => true, {
        subject: "acct-1",
        purpose: "newsletter",
        type: "granted",
        at: at("2025-01-01"),
      }),
    ],
    [
      "an event whose getter throws",
      {
        get subject(): string {
          throw new Error("getter");
        },
      },
    ],
  ])("denies a ledger holding %s, whoever it concerns", (_, bad) => {
    expect(looseConsentAt([granted("2024-01-01"), bad], ask("2025-02-01"))).toBe(false);
  });

  it.each([
    ["null", null],
    ["an object", { 0: granted("2025-01-01"), length: 1 }],
    ["a Set of grants", new Set([granted("2025-01-01")])],
    ["a string", "granted"],
  ])("denies when the ledger is %s instead of an array", (_, ledger) => {
    expect(looseConsentAt(ledger, ask("2025-02-01"))).toBe(false);
  });

  it.each([
    ["null", null],
    ["a string", "acct-1"],
    ["an invalid moment", { ...ask("2025-02-01"), at: new Date("nope") }],
    ["a moment given as a string", { ...ask("2025-02-01"), at: "2025-02-01" }],
    ["no moment", { subject: "acct-1", purpose: "newsletter" }],
    [
      "a function dressed as a query",
      Object.assign(() => true, { subject: "acct-1", purpose: "newsletter", at: at("2025-02-01") }),
    ],
    ["a subject given as a String object", { ...ask("2025-02-01"), subject: new String("acct-1") }],
    [
      "a query whose getter throws",
      {
        get subject(): string {
          throw new Error("getter");
        },
      },
    ],
  ])("denies a query that is %s", (_, query) => {
    expect(looseConsentAt([granted("2025-01-01")], query)).toBe(false);
  });
});

describe("§3 consentLedgerSchemas", () => {
  const { consentEventSchema, consentLedgerSchema } = consentLedgerSchemas([
    "newsletter",
    "profiling",
  ]);

  it("reloads a ledger stored as JSON into Dates that consentAt reads", () => {
    const stored = JSON.stringify([granted("2025-01-01"), withdrawn("2025-03-01")]);
    const ledger: readonly ConsentEvent<Purpose>[] = consentLedgerSchema.parse(JSON.parse(stored));
    expect(ledger).toEqual([granted("2025-01-01"), withdrawn("2025-03-01")]);
    expect(ledger[0]?.at).toBeInstanceOf(Date);
    expect(consentAt(ledger, ask("2025-02-01"))).toBe(true);
  });

  it("accepts both event types", () => {
    expect(consentEventSchema.safeParse(granted("2025-01-01")).success).toBe(true);
    expect(consentEventSchema.safeParse(withdrawn("2025-01-01")).success).toBe(true);
  });

  it.each([
    ["an unknown purpose", { ...granted("2025-01-01"), purpose: "marketing" }],
    ["an empty subject", { ...granted("2025-01-01"), subject: "" }],
    ["a subject that is not a string", { ...granted("2025-01-01"), subject: 1 }],
    ["an unknown type", { ...granted("2025-01-01"), type: "revoked" }],
    ["an invalid date", { ...granted("2025-01-01"), at: "not a date" }],
    ["a missing date", { subject: "acct-1", purpose: "newsletter", type: "granted" }],
    ["an unknown field", { ...granted("2025-01-01"), note: "opted in by phone" }],
  ])("refuses an event with %s", (_, event) => {
    expect(consentEventSchema.safeParse(event).success).toBe(false);
    expect(consentLedgerSchema.safeParse([event]).success).toBe(false);
  });

  it("refuses a withdrawal stored as null rather than moving it to 1970 and keeping consent on", () => {
    const stored = JSON.stringify([
      granted("2025-01-01"),
      { ...withdrawn("2025-03-01"), at: new Date(Number.NaN) },
    ]);
    const result = consentLedgerSchema.safeParse(JSON.parse(stored));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [1, "at"], message: expect.stringMatching(/^1\.at: /) }),
    ]);
  });

  it.each([
    ["a number", 1735689600000],
    ["Unix seconds", 1735689600],
    ["true", true],
    ["a string without an offset", "2025-03-01T00:00:00"],
    ["a date-only string", "2025-03-01"],
  ])("refuses a moment given as %s", (_, at) => {
    const result = consentEventSchema.safeParse({ ...withdrawn("2025-03-01"), at });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["at"]]);
  });

  it("refuses a ledger that is not an array", () => {
    expect(consentLedgerSchema.safeParse(granted("2025-01-01")).success).toBe(false);
  });
});
