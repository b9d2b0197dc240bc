import { describe, expect, it } from "vitest";
import {
  PolicyDefinitionError,
  type RetentionSchedule,
  retentionCutoff,
  retentionFor,
  withRetention,
} from "../src";

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("§7 KYC documents are kept as anti-money-laundering rules require", () => {
  it.each(["us", "eea", "uk"] as const)(
    "keeps them 5 years after the relationship ends (%s)",
    (jurisdiction) => {
      const decision = retentionFor("kyc-document", {
        collectedAt: utc("2019-03-01"),
        relationshipEndedAt: utc("2024-06-30"),
        jurisdiction,
        now: utc("2029-06-30"),
      });
      expect(decision.expired).toBe(false);
      expect(decision.until).toEqual(utc("2029-07-01"));
      expect(decision.rule?.basis).toBe("legal-obligation");
      expect(
        retentionFor("kyc-document", {
          collectedAt: utc("2019-03-01"),
          relationshipEndedAt: utc("2024-06-30"),
          jurisdiction,
          now: utc("2029-07-01"),
        }).expired,
      ).toBe(true);
    },
  );

  it("keeps them without a deletion date while the relationship is open", () => {
    const decision = retentionFor("kyc-document", {
      collectedAt: utc("2019-03-01"),
      now: utc("2050-01-01"),
    });
    expect(decision).toMatchObject({ until: null, expired: false });
    expect(decision.reasons[0]?.code).toBe("retention-not-started");
  });
});

describe("§7 call detail records, 47 CFR 42.6", () => {
  it("keeps US CDRs 18 months from the call", () => {
    const call = new Date("2024-01-15T13:45:00Z");
    const decision = retentionFor("call-detail-record", {
      collectedAt: call,
      now: new Date("2025-07-15T23:59:59Z"),
    });
    expect(decision.expired).toBe(false);
    expect(decision.until).toEqual(utc("2025-07-16"));
    expect(decision.rule).toMatchObject({
      basis: "legal-obligation",
      law: expect.stringContaining("47 CFR 42.6"),
    });
    expect(
      retentionFor("call-detail-record", { collectedAt: call, now: utc("2025-07-16") }).expired,
    ).toBe(true);
  });

  it("rests EEA CDRs on the bill-challenge period, not on the US rule", () => {
    const decision = retentionFor("call-detail-record", {
      collectedAt: utc("2024-01-15"),
      jurisdiction: "eea",
      now: utc("2024-03-01"),
    });
    expect(decision.rule?.law).toContain("ePrivacy");
    expect(decision.rule?.basis).not.toBe("legal-obligation");
  });

  it("agrees with the cutoff a deletion query would use, across a clamped month end", () => {
    // Aug 29, 30 and 31 2023 + 18 months all end on Feb 28 2025, so all are due on Mar 1.
    const now = utc("2025-03-01");
    const { cutoff, anchor } = retentionCutoff("call-detail-record", {
      now,
      jurisdiction: "us",
    });
    expect(anchor).toBe("collection");
    expect(cutoff).toEqual(utc("2023-09-01"));
    expect(
      retentionFor("call-detail-record", { collectedAt: new Date("2023-08-31T23:59:59.999Z"), now })
        .expired,
    ).toBe(true);
    expect(
      retentionFor("call-detail-record", { collectedAt: utc("2023-09-01"), now }).expired,
    ).toBe(false);
  });
});

describe("§7 account information outlives the relationship by the documented period", () => {
  it("keeps account data 6 years after the relationship ends", () => {
    const decision = retentionFor("account", {
      collectedAt: utc("2015-01-01"),
      relationshipEndedAt: utc("2020-02-29"),
      now: utc("2026-02-28"),
    });
    expect(decision.until).toEqual(utc("2026-03-01"));
    expect(decision.expired).toBe(false);
  });

  it("sets no deletion date while the relationship is open", () => {
    expect(retentionFor("account", { collectedAt: utc("2015-01-01") })).toMatchObject({
      until: null,
      expired: false,
    });
  });
});

describe("§7 a legal hold suspends every deletion", () => {
  it("never expires a record under hold", () => {
    const decision = retentionFor("payment-card", {
      collectedAt: utc("2001-01-01"),
      legalHold: true,
      now: utc("2030-01-01"),
    });
    expect(decision).toMatchObject({ until: null, expired: false });
    expect(decision.reasons[0]?.code).toBe("legal-hold");
  });
});

describe("§2(a) card numbers found on our servers are due for deletion at once", () => {
  it("expires a card record from the moment it was collected", () => {
    const at = new Date("2025-01-01T10:00:00Z");
    expect(retentionFor("payment-card", { collectedAt: at, now: at }).expired).toBe(true);
  });
});

describe("invalid input never deletes", () => {
  it.each([
    ["an unknown category", "cdr", { collectedAt: utc("2000-01-01") }],
    ["an invalid date", "call-detail-record", { collectedAt: new Date("nope") }],
    ["a date string", "call-detail-record", { collectedAt: "2000-01-01" }],
    [
      "an unknown jurisdiction",
      "call-detail-record",
      { collectedAt: utc("2000-01-01"), jurisdiction: "mars" },
    ],
    ["a missing context", "call-detail-record", undefined],
  ])("answers %s with expired: false and invalid-input", (_, category, context) => {
    const decision = retentionFor(category as never, context as never);
    expect(decision).toMatchObject({ expired: false, until: null });
    expect(decision.reasons[0]?.code).toBe("invalid-input");
    expect(
      retentionCutoff(
        category as never,
        { now: utc("2030-01-01"), jurisdiction: "us", ...(context as object) } as never,
      ).cutoff === null,
    ).toBe(
      category === "cdr" ||
        (context as { jurisdiction?: string } | undefined)?.jurisdiction === "mars",
    );
  });
});

describe("withRetention: a deployment's schedule within the law", () => {
  it("applies a longer CDR period", () => {
    const { retentionFor: keep24 } = withRetention({
      "call-detail-record": { us: { months: 24 } },
    });
    expect(keep24("call-detail-record", { collectedAt: utc("2024-01-15") }).until).toEqual(
      utc("2026-01-16"),
    );
    expect(keep24("call-detail-record", { collectedAt: utc("2024-01-15") }).rule?.period).toEqual({
      months: 24,
    });
  });

  // Schedules typed as configuration, which only the runtime check stands guard over.
  const fromConfig = (schedule: RetentionSchedule) => () => withRetention(schedule);

  it("refuses a period shorter than the legal minimum, naming the law", () => {
    expect(fromConfig({ "call-detail-record": { us: { months: 12 } } })).toThrow(/47 CFR 42\.6/);
    expect(fromConfig({ "kyc-document": { eea: { years: 4, months: 11 } } })).toThrow(
      PolicyDefinitionError,
    );
  });

  it("refuses a period longer than the declared maximum", () => {
    expect(fromConfig({ "payment-card": { us: { days: 1 } } })).toThrow(/longer than the maximum/);
  });

  it("lists every problem at once", () => {
    try {
      fromConfig({
        "kyc-document": { us: { years: 1 } },
        "ip-address": { eea: { years: 2 } },
        cdr: { us: { days: 1 } },
      })();
      expect.unreachable();
    } catch (error) {
      expect((error as PolicyDefinitionError).issues.map((i) => i.path)).toEqual([
        "retention.kyc-document.us",
        "retention.ip-address.eea",
        "retention.cdr",
      ]);
    }
  });
});
