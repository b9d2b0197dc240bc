import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Category, canExercise, canUse, type Jurisdiction, planRequest, policy } from "../src";
import { rightsOptions } from "../src/rights";

const processed: readonly string[] = rightsOptions.processorFor;
/** The categories TrunkIQ holds as controller; content it processes for the customer (§5). */
const categories = (Object.keys(policy.categories) as Category[]).filter(
  (c) => !processed.includes(c),
);
/** The recipients the share rules let receive a category, read from the declaration. */
const recipientsOf = (category: string) =>
  Object.entries(policy.recipients)
    .filter(([, r]) => Object.hasOwn(r.receives, category))
    .map(([id]) => id);
const fcOptions = { numRuns: 100, ...(process.env.CI ? { seed: 20250707 } : {}) };
const now = new Date("2026-01-15T12:00:00Z");

/** The reference reading of Art. 20(1)(a): some consent- or contract-based purpose uses the category. */
const portableByDeclaration = (category: string) =>
  Object.values(policy.purposes).some(
    (p) => (p.basis === "consent" || p.basis === "contract") && Object.hasOwn(p.uses, category),
  );

describe("§9 access and rectification, GDPR Arts. 15–16", () => {
  it("allows access and rectification for every declared category, citing §9", () => {
    for (const category of categories) {
      for (const right of ["access", "rectification"] as const) {
        const d = canExercise(right, category);
        expect(d.allowed).toBe(true);
        expect(d.reasons[0]?.section).toBe("§9");
        expect(d.reasons[0]?.message).toMatch(right === "access" ? /Art\. 15/ : /Art\. 16/);
      }
    }
  });

  it("asks for re-verification beside the original when a KYC document is rectified", () => {
    const d = canExercise("rectification", "kyc-document");
    expect(d.obligations.map((o) => o.id)).toEqual(["notify-recipients", "reverify-kyc-document"]);
    expect(d.obligations[1]).toEqual({
      id: "reverify-kyc-document",
      message: expect.stringMatching(/^rectify by verifying a corrected document .*§7 keeps/),
      section: "§9",
    });
    expect(canExercise("rectification", "account").obligations.map((o) => o.id)).toEqual([
      "notify-recipients",
    ]);
  });
});

describe("§7 US account data, 47 CFR 42.6", () => {
  it("yields erasure of US account data until 18 months after the relationship's end, then allows it", () => {
    const relationshipEndedAt = new Date("2026-01-31T15:00:00Z");
    const during = canExercise("erasure", "account", {
      jurisdiction: "us",
      relationshipEndedAt,
      now: new Date("2026-06-01T00:00:00Z"),
    });
    expect(during.allowed).toBe(false);
    expect(during.until?.toISOString()).toBe("2027-08-01T00:00:00.000Z");
    expect(during.reasons[0]?.message).toMatch(/47 CFR 42\.6/);
    const after = canExercise("erasure", "account", {
      jurisdiction: "us",
      relationshipEndedAt,
      now: new Date("2027-08-01T00:00:00Z"),
    });
    expect(after.allowed).toBe(true);
    // Elsewhere no law sets a minimum for account data: erasure is not held back by one.
    const eea = canExercise("erasure", "account", {
      jurisdiction: "eea",
      relationshipEndedAt,
      now: new Date("2026-06-01T00:00:00Z"),
    });
    expect(eea.reasons[0]?.message ?? "").not.toMatch(/42\.6/);
  });

  it("plans the restriction of US account data with the date the 18 months end", () => {
    const plan = planRequest({
      right: "erasure",
      jurisdiction: "us",
      receivedAt: new Date("2026-06-01T00:00:00Z"),
      relationshipEndedAt: new Date("2026-01-31T15:00:00Z"),
      categories: ["account"],
    });
    if (!plan.valid) throw new Error("expected a plan");
    expect(plan.actions.map((a) => [a.action, a.until?.toISOString()])).toEqual([
      ["restrict", "2027-08-01T00:00:00.000Z"],
    ]);
  });
});

describe("§7 people who never became customers: the keeping runs from their last contact", () => {
  const lastContactAt = new Date("2025-03-10T09:00:00Z");

  it("keeps a rejected applicant's KYC documents for legal claims until five years after the last contact", () => {
    const d = canExercise("erasure", "kyc-document", {
      jurisdiction: "eea",
      lastContactAt,
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(d.allowed).toBe(false);
    expect(d.until?.toISOString()).toBe("2030-03-11T00:00:00.000Z");
    const later = canExercise("erasure", "kyc-document", {
      jurisdiction: "eea",
      lastContactAt,
      now: new Date("2030-03-11T00:00:00Z"),
    });
    expect(later.allowed).toBe(true);
    // Without a last contact or an end, the period has not started.
    const open = canExercise("erasure", "kyc-document", {
      jurisdiction: "eea",
      now: later.until ?? now,
    });
    expect(open.reasons[0]?.code).toBe("retention-not-started");
  });

  it("gives a request plan the same date as the retention schedule", () => {
    const plan = planRequest({
      right: "erasure",
      jurisdiction: "us",
      receivedAt: new Date("2025-06-01T00:00:00Z"),
      lastContactAt,
      categories: ["account"],
    });
    if (!plan.valid) throw new Error("expected a plan");
    expect(plan.actions[0]?.until?.toISOString()).toBe("2026-09-11T00:00:00.000Z");
  });

  it("refuses a last contact given with a relationship's end, or one that is not a date", () => {
    const both = canExercise("erasure", "account", {
      jurisdiction: "us",
      lastContactAt,
      relationshipEndedAt: lastContactAt,
    });
    expect(both.reasons[0]?.code).toBe("invalid-input");
    expect(both.reasons[0]?.message).toMatch(/lastContactAt .*relationshipEndedAt, not both/);
    const bad = canExercise("erasure", "account", {
      jurisdiction: "us",
      lastContactAt: new Date(Number.NaN),
    });
    expect(bad.allowed).toBe(false);
    expect(bad.reasons[0]?.message).toMatch(/^lastContactAt must be a valid Date/);
  });
});

describe("§9 erasure, GDPR Art. 17(3)(b)", () => {
  it("cites no legal obligation for KYC documents: AML rules bind obliged entities, not a carrier", () => {
    for (const jurisdiction of ["us", "eea", "uk"] as const) {
      const d = canExercise("erasure", "kyc-document", { jurisdiction, now });
      expect(d.reasons[0]?.message).not.toMatch(/17\(3\)\(b\)/);
    }
  });

  it("says until when: the end of the day the legal period runs out", () => {
    const d = canExercise("erasure", "call-detail-record", {
      jurisdiction: "us",
      relationshipEndedAt: new Date("2025-03-31T15:00:00Z"),
      now,
    });
    expect(d.allowed).toBe(false);
    expect(d.until?.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(d.reasons[0]?.code).toBe("retention-running");
  });

  it("allows erasure once the legal period has run out", () => {
    const d = canExercise("erasure", "kyc-document", {
      jurisdiction: "eea",
      relationshipEndedAt: new Date("2019-01-01T00:00:00Z"),
      now,
    });
    expect(d.allowed).toBe(true);
    expect(d.until).toBeNull();
    expect(d.reasons[0]?.message).toMatch(/Art\. 17\(1\)/);
  });

  it("treats a US tax duty as a legal obligation for US data only (Art. 6(3))", () => {
    const ended = new Date("2025-06-30T00:00:00Z");
    const us = canExercise("erasure", "payment-transaction", {
      jurisdiction: "us",
      relationshipEndedAt: ended,
      now,
    });
    expect(us.allowed).toBe(false);
    expect(us.until?.toISOString()).toBe("2032-07-01T00:00:00.000Z");
    const eea = canExercise("erasure", "payment-transaction", {
      jurisdiction: "eea",
      relationshipEndedAt: ended,
      now,
    });
    expect(eea.allowed).toBe(true);
  });

  it("uses the policy's first jurisdiction when none is named", () => {
    const d = canExercise("erasure", "call-detail-record", { now });
    expect(d.jurisdiction).toBe(policy.jurisdictions[0]);
    expect(d.allowed).toBe(policy.retention["call-detail-record"].us.basis !== "legal-obligation");
  });

  it("erases categories no legal obligation or legal minimum keeps", () => {
    for (const category of categories) {
      for (const jurisdiction of policy.jurisdictions) {
        const rule = (
          policy.retention as Record<
            string,
            Record<string, { basis: string; minimum?: object; keptForLegalClaims?: boolean }>
          >
        )[category]?.[jurisdiction];
        const d = canExercise("erasure", category, { jurisdiction, now });
        // The relationship is open: a period kept for legal claims has not started either.
        expect(d.allowed, `${category} in ${jurisdiction}`).toBe(
          rule?.basis !== "legal-obligation" &&
            rule?.minimum === undefined &&
            rule?.keptForLegalClaims !== true,
        );
      }
    }
  });
});

describe("§9 erasure, GDPR Art. 17(3)(e)", () => {
  it("yields to a legal hold for every category, with no end date until it is lifted", () => {
    for (const category of categories) {
      const d = canExercise("erasure", category, { legalHold: true, now });
      expect(d.allowed).toBe(false);
      expect(d.until).toBeNull();
      expect(d.reasons[0]).toMatchObject({ code: "legal-hold", section: "§9" });
      expect(d.reasons[0]?.message).toMatch(/17\(3\)\(e\)/);
    }
  });
});

describe("§9 restriction, GDPR Art. 18", () => {
  it("allows restriction with the duty to record its ground and to warn before lifting it", () => {
    const d = canExercise("restriction", "ip-address");
    expect(d.allowed).toBe(true);
    expect(d.obligations.map((o) => o.id)).toEqual([
      "establish-restriction-ground",
      "notify-before-lifting",
      "notify-recipients",
    ]);
  });
});

describe("§9 portability, GDPR Art. 20(1)", () => {
  it("agrees with the declarations: portable exactly when a consent or contract purpose uses it", () => {
    for (const category of categories) {
      const d = canExercise("portability", category);
      expect(d.allowed).toBe(portableByDeclaration(category));
      if (d.allowed) expect(d.purposes.length).toBeGreaterThan(0);
      else expect(d.reasons[0]?.code).toBe("right-not-applicable");
    }
  });

  it("makes account data portable because account management rests on the contract", () => {
    const d = canExercise("portability", "account");
    expect(d.allowed).toBe(true);
    expect(d.purposes).toContain("account-management");
  });
});

describe("§9 objection, GDPR Art. 21", () => {
  it("always stops direct marketing (Art. 21(3)) and weighs legitimate interests (Art. 21(1))", () => {
    const d = canExercise("objection", "account");
    expect(d.allowed).toBe(true);
    expect(d.obligations.map((o) => o.id)).toEqual([
      "stop-direct-marketing",
      "assess-compelling-grounds",
    ]);
    expect(d.purposes).toContain("marketing");
  });

  it("allows objection to legitimate-interest processing only with an assessment of compelling grounds", () => {
    const d = canExercise("objection", "ip-address");
    expect(d.allowed).toBe(true);
    expect(d.obligations.map((o) => o.id)).toEqual(["assess-compelling-grounds"]);
    expect(d.reasons[0]?.message).toMatch(/Art\. 21\(1\)/);
  });

  it("denies objection where only contract or legal-obligation purposes use the data", () => {
    for (const category of categories) {
      const reachable = Object.entries(policy.purposes).some(
        ([id, p]) =>
          Object.hasOwn(p.uses, category) &&
          (p.basis === "legitimate-interest" || id === "marketing"),
      );
      expect(canExercise("objection", category).allowed).toBe(reachable);
    }
  });
});

describe("§9 fail closed on bad input", () => {
  it("denies unknown rights, categories and malformed contexts with invalid-input", () => {
    const cases: [unknown, unknown, unknown][] = [
      ["forget-me", "account", undefined],
      ["erasure", "dna", undefined],
      [42, "account", undefined],
      ["erasure", "account", null],
      ["erasure", "account", "eea"],
      ["erasure", "account", { jurisdiction: "fr" }],
      ["erasure", "account", { legalHold: "yes" }],
      ["erasure", "account", { now: new Date("nope") }],
      ["erasure", "account", { relationshipEndedAt: "2025-01-01" }],
      [
        "erasure",
        "account",
        // Only own fields are read, so the Proxy must throw when asked for one.
        new Proxy(
          {},
          {
            get() {
              throw new Error("hostile");
            },
            getOwnPropertyDescriptor() {
              throw new Error("hostile");
            },
          },
        ),
      ],
    ];
    for (const [right, category, context] of cases) {
      // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
      const d = (canExercise as any)(right, category, context);
      expect(d.allowed).toBe(false);
      expect(d.reasons[0]?.code).toBe("invalid-input");
    }
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (r, c, ctx) => {
        // biome-ignore lint/suspicious/noExplicitAny: soundness over arbitrary input
        const d = (canExercise as any)(r, c, ctx);
        return typeof d.allowed === "boolean";
      }),
      fcOptions,
    );
  });

  it("keeps canUse unchanged: rights do not grant uses", () => {
    expect(canUse("marketing", "account").allowed).toBe(false);
  });
});

describe("§9 recipients told of erasure, rectification and restriction, GDPR Art. 19", () => {
  it("names every recipient the share rules let receive the category", () => {
    for (const category of categories) {
      const recipients = recipientsOf(category);
      for (const right of ["erasure", "rectification", "restriction"] as const) {
        const duty = canExercise(right, category, { jurisdiction: "eea", now }).obligations.find(
          (o) => o.id === "notify-recipients",
        );
        if (recipients.length === 0) expect(duty).toBeUndefined();
        else {
          expect(duty?.message).toContain(`of ${recipients.join(", ")})`);
          expect(duty?.message).toMatch(/GDPR Art\. 19\)$/);
        }
      }
    }
    expect(recipientsOf("payment-card")).toEqual(["payment-processor"]);
  });

  it("tells recipients also when erasure yields and the data is restricted instead", () => {
    // 47 CFR 42.6 keeps US call records 18 months after the last call.
    const d = canExercise("erasure", "call-detail-record", {
      jurisdiction: "us",
      relationshipEndedAt: new Date("2025-03-31T15:00:00Z"),
      now,
    });
    expect(d.allowed).toBe(false);
    expect(d.obligations.map((o) => o.id)).toEqual(["restrict-processing", "notify-recipients"]);
  });

  it("puts the duty in every erasure, rectification and restriction plan", () => {
    for (const right of ["erasure", "rectification", "restriction"] as const) {
      const plan = planRequest({
        right,
        receivedAt: now,
        jurisdiction: "eea",
        categories: ["account"],
      });
      expect(plan.actions[0]?.obligations.map((o) => o.id)).toContain("notify-recipients");
    }
  });
});

describe("§9 access to call detail records, 47 CFR 64.2010 and GDPR Art. 15(4)", () => {
  it("authenticates the customer first and leaves out third parties' data", () => {
    for (const right of ["access", "portability"] as const) {
      expect(canExercise(right, "call-detail-record").obligations.map((o) => o.id)).toEqual([
        "authenticate-customer",
        "exclude-third-party-data",
      ]);
    }
    const [authenticate, others] = canExercise("access", "call-detail-record").obligations;
    expect(authenticate?.message).toMatch(/47 CFR 64\.2010/);
    expect(others?.message).toMatch(/Art\. 15\(4\)/);
    expect(canExercise("access", "account").obligations).toEqual([]);
  });
});

describe("§9 erasure yields to legal claims, GDPR Art. 17(3)(e)", () => {
  it("keeps account data the declaration keeps for legal claims until that period ends", () => {
    const relationshipEndedAt = new Date("2025-03-31T15:00:00Z");
    for (const jurisdiction of ["eea", "uk"] as const) {
      const d = canExercise("erasure", "account", { jurisdiction, relationshipEndedAt, now });
      expect(d.allowed).toBe(false);
      expect(d.until?.toISOString()).toBe("2031-04-01T00:00:00.000Z");
      expect(d.reasons[0]).toMatchObject({ code: "retention-running", section: "§9" });
      expect(d.reasons[0]?.message).toMatch(/kept for legal claims .*Art\. 17\(3\)\(e\)/);
    }
    const late = canExercise("erasure", "account", {
      jurisdiction: "eea",
      relationshipEndedAt,
      now: new Date("2031-04-01T00:00:00Z"),
    });
    expect(late.allowed).toBe(true);
  });

  it("keeps for legal claims exactly the rules the declaration marks, each citing Art. 17(3)(e)", () => {
    const marked: string[] = [];
    for (const [category, byJurisdiction] of Object.entries(policy.retention)) {
      for (const [jurisdiction, rule] of Object.entries(byJurisdiction)) {
        if (!("keptForLegalClaims" in rule) || rule.keptForLegalClaims !== true) continue;
        marked.push(`${category}/${jurisdiction}`);
        expect(rule.law, `${category} in ${jurisdiction}`).toContain("Art. 17(3)(e)");
        const d = canExercise("erasure", category as Category, {
          jurisdiction: jurisdiction as Jurisdiction,
          relationshipEndedAt: new Date("2025-01-01T00:00:00Z"),
          now: new Date("2025-07-07T00:00:00Z"),
        });
        expect(d.allowed).toBe(false);
        expect(d.reasons[0]?.message).toContain("kept for legal claims");
      }
    }
    expect(marked.sort()).toEqual([
      "account/eea",
      "account/uk",
      "kyc-document/eea",
      "kyc-document/uk",
    ]);
  });
});

describe("§5 communication content: requests go to the customer, GDPR Arts. 28(3)(e), 29", () => {
  it("refers every right over content to the customer as controller, executing none", () => {
    for (const right of [
      "access",
      "rectification",
      "erasure",
      "restriction",
      "objection",
      "portability",
    ] as const) {
      const d = canExercise(right, "communication-content", { jurisdiction: "eea", now });
      expect(d.allowed).toBe(false);
      expect(d.reasons[0]).toMatchObject({ code: "right-not-applicable", section: "§9" });
      expect(d.reasons[0]?.message).toMatch(/controller.*Arts\. 28\(3\)\(e\), 29/);
      expect(d.obligations.map((o) => o.id)).toEqual(["refer-to-controller"]);
      const plan = planRequest({
        right,
        receivedAt: now,
        jurisdiction: "eea",
        categories: ["communication-content"],
      });
      expect(plan.actions.map((a) => a.action)).toEqual(["refer"]);
    }
  });
});
