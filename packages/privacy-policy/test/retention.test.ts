import { describe, expect, it } from "vitest";
import {
  PolicyDefinitionError,
  policy,
  type RetentionSchedule,
  retentionCutoff,
  retentionFor,
  withRetention,
} from "../src";

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("§7 KYC documents are kept as anti-money-laundering rules require", () => {
  // The AML rules bind obliged entities, not a carrier: the documents are kept on legitimate
  // interest (fraud prevention, legal claims), for the AML period by default.
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
      expect(decision.rule?.basis).toBe("legitimate-interest");
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

describe("§7 US account identity is kept with the toll records, 47 CFR 42.6", () => {
  it("keeps the caller's name, address and number at least 18 months after the last call", () => {
    expect(policy.retention.account.us.minimum).toEqual({ months: 18 });
    expect(policy.retention.account.us.law).toMatch(/47 CFR 42\.6/);
    // The last call is no later than the relationship's end, so the floor holds from there too.
    const { retentionFor: atFloor } = withRetention({ account: { us: { months: 18 } } });
    const decision = atFloor("account", {
      collectedAt: utc("2015-01-01"),
      relationshipEndedAt: utc("2024-08-31"),
      jurisdiction: "us",
      now: utc("2026-02-28"),
    });
    expect(decision).toMatchObject({ until: utc("2026-03-01"), expired: false });
  });
});

describe("§7 a prospect's or a rejected applicant's data is kept from their last contact", () => {
  it("starts the clock of someone who never became a customer", () => {
    const rejected = retentionFor("kyc-document", {
      collectedAt: utc("2024-01-10"),
      lastContactAt: utc("2024-02-01"),
      jurisdiction: "eea",
      now: utc("2029-02-02"),
    });
    expect(rejected).toMatchObject({ until: utc("2029-02-02"), expired: true });
    expect(rejected.reasons[0]?.message).toMatch(
      /from the last contact of someone never a customer/,
    );
    const prospect = retentionFor("account", {
      collectedAt: utc("2024-01-10"),
      lastContactAt: utc("2024-02-01"),
      jurisdiction: "us",
      now: utc("2025-01-01"),
    });
    expect(prospect).toMatchObject({ until: utc("2030-02-02"), expired: false });
  });
});

describe("§7 recordings end with the services, GDPR Art. 28(3)(g)", () => {
  it("deletes or returns recordings as soon as the relationship ends", () => {
    for (const jurisdiction of ["us", "eea", "uk"] as const) {
      expect(policy.retention["communication-content"][jurisdiction].maximum).toEqual({});
      const decision = retentionFor("communication-content", {
        collectedAt: utc("2024-01-10"),
        relationshipEndedAt: utc("2025-03-31"),
        jurisdiction,
        now: utc("2025-03-31"),
      });
      expect(decision.expired).toBe(true);
    }
  });
});

describe("§7 EEA and UK call records go once the bill can no longer be challenged, ePrivacy Art. 6(1)-(2)", () => {
  it("caps the per-country setting", () => {
    expect(policy.retention["call-detail-record"].eea.maximum).toEqual({ months: 12 });
    expect(policy.retention["call-detail-record"].uk.maximum).toEqual({ months: 12 });
    expect(() => withRetention({ "call-detail-record": { eea: { months: 12 } } })).not.toThrow();
  });
});

describe("§7 a deletion job asks for the cutoff of each jurisdiction", () => {
  it("gives no cutoff without a jurisdiction, since EEA call records go a year earlier", () => {
    const loose = retentionCutoff as (c: unknown, x: unknown) => ReturnType<typeof retentionCutoff>;
    const none = loose("call-detail-record", { now: utc("2025-07-07") });
    expect(none.cutoff).toBeNull();
    expect(none.reasons[0]).toMatchObject({ code: "invalid-input" });
    expect(none.reasons[0]?.message).toMatch(/^jurisdiction is required/);
    const us = retentionCutoff("call-detail-record", {
      now: utc("2025-07-07"),
      jurisdiction: "us",
    });
    const eea = retentionCutoff("call-detail-record", {
      now: utc("2025-07-07"),
      jurisdiction: "eea",
    });
    expect(us.cutoff).toEqual(utc("2024-01-07"));
    expect(eea.cutoff).toEqual(utc("2025-01-07"));
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
    expect(fromConfig({ account: { us: { days: 540 } } })).toThrow(PolicyDefinitionError);
  });

  it("refuses a period longer than the declared maximum", () => {
    expect(fromConfig({ "payment-card": { us: { days: 1 } } })).toThrow(/longer than the maximum/);
  });

  it("refuses, at runtime too, a schedule above the law's ceiling, naming the law", () => {
    expect(fromConfig({ "kyc-document": { uk: { years: 5, days: 1 } } })).toThrow(
      /longer than the maximum of 5 years .*reg\. 40/,
    );
    expect(fromConfig({ "kyc-document": { eea: { years: 10, days: 1 } } })).toThrow(
      /Art\. 40\(1\)/,
    );
    expect(fromConfig({ "communication-content": { eea: { days: 1 } } })).toThrow(
      /Art\. 28\(3\)\(g\)/,
    );
    expect(fromConfig({ "call-detail-record": { uk: { days: 400 } } })).toThrow(/PECR/);
    expect(fromConfig({ "kyc-document": { eea: { years: 10 } } })).not.toThrow();
  });

  it("lists every problem at once", () => {
    try {
      fromConfig({
        account: { us: { years: 1 } },
        "ip-address": { eea: { years: 2 } },
        cdr: { us: { days: 1 } },
      })();
      expect.unreachable();
    } catch (error) {
      expect((error as PolicyDefinitionError).issues.map((i) => i.path)).toEqual([
        "retention.account.us",
        "retention.ip-address.eea",
        "retention.cdr",
      ]);
    }
  });
});
