import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canCollect, planChildDataDiscovery, policy } from "../src";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

describe("§10 children, GDPR Art. 8(1)", () => {
  it("collects nothing from anyone under 16, citing §10 and Art. 8(1)", () => {
    const d = canCollect({ age: 15 });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]).toMatchObject({ code: "under-age", section: "§10" });
    expect(d.reasons[0]?.message).toMatch(/Art\. 8\(1\)/);
    expect(canCollect({ age: 16 }).allowed).toBe(true);
  });

  it("takes the minimum age and its law from the declaration's §10 commitment", () => {
    const { years, law } = policy.commitments.minimumAge;
    expect(canCollect({ age: years - 1 }).reasons[0]?.message).toBe(
      `aged ${years - 1}, under ${years}: nothing may be collected (${law})`,
    );
    expect(canCollect({ age: years }).allowed).toBe(true);
    const plan = planChildDataDiscovery({
      jurisdiction: "eea",
      categories: ["account"],
      discoveredAt: new Date("2025-07-07T00:00:00Z"),
    });
    expect(plan.valid && plan.actions[0]?.reasons[0]?.message).toBe(
      `"account" belongs to a child under ${years}: delete it (${law}, Art. 17(1)(f))`,
    );
  });

  it("turns 16 exactly on the sixteenth birthday (UTC calendar day)", () => {
    const birthDate = utc(2009, 7, 7);
    expect(canCollect({ birthDate, at: new Date("2025-07-06T23:59:59.999Z") }).allowed).toBe(false);
    expect(canCollect({ birthDate, at: new Date("2025-07-07T00:00:00Z") }).allowed).toBe(true);
  });

  it("lets someone born on February 29 turn older on March 1 in non-leap years", () => {
    const birthDate = utc(2008, 2, 29);
    expect(canCollect({ birthDate, at: utc(2024, 2, 28) }).age).toBe(15);
    expect(canCollect({ birthDate, at: utc(2024, 2, 29) }).age).toBe(16);
    expect(canCollect({ birthDate, at: utc(2025, 2, 28) }).age).toBe(16);
    expect(canCollect({ birthDate: utc(2009, 2, 28), at: utc(2025, 2, 28) }).age).toBe(16);
    expect(canCollect({ birthDate, at: utc(2027, 2, 28) }).age).toBe(18);
    expect(canCollect({ birthDate, at: utc(2027, 3, 1) }).age).toBe(19);
  });

  it("raises the age by exactly one on each birthday and never between birthdays", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 1, max: 120 }),
        (year, dayOfYear, years) => {
          const birthDate = new Date(Date.UTC(year, 0, 1 + dayOfYear));
          const by = birthDate.getUTCFullYear();
          const bm = birthDate.getUTCMonth();
          const bd = birthDate.getUTCDate();
          const y = by + years;
          // The birthday in year y: Feb 29 falls on Mar 1 when y is not a leap year.
          const birthday =
            bm === 1 && bd === 29 && !isLeap(y) ? utc(y, 3, 1) : new Date(Date.UTC(y, bm, bd));
          const dayBefore = new Date(birthday.getTime() - 1);
          const ageOn = canCollect({ birthDate, at: birthday }).age;
          const ageBefore = canCollect({ birthDate, at: dayBefore }).age;
          expect(ageOn).toBe(years);
          expect(ageBefore).toBe(years - 1);
        },
      ),
      fcOptions,
    );
  });

  it("denies with invalid-input when neither an age nor a birth date is known", () => {
    const cases: unknown[] = [
      {},
      { at: new Date() },
      null,
      { age: -1 },
      { age: 15.5 },
      { age: "16" },
      { birthDate: "2000-01-01" },
      { birthDate: new Date("nope") },
      { birthDate: utc(2030, 1, 1), at: utc(2025, 1, 1) },
      { age: 30, birthDate: utc(2000, 1, 1), at: utc(2025, 6, 1) },
    ];
    for (const context of cases) {
      // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
      const d = (canCollect as any)(context);
      expect(d.allowed).toBe(false);
      expect(d.reasons[0]?.code).toBe("invalid-input");
    }
  });
});

describe("§10 child data discovered, GDPR Art. 17(1)(f)", () => {
  const discoveredAt = new Date("2025-07-07T10:00:00Z");

  /**
   * The categories a legal duty keeps in a jurisdiction, by the declaration: a legal-obligation
   * rule, or a legal minimum on a rule of another basis.
   */
  const dutyBound = (jurisdiction: string) =>
    Object.entries(policy.retention)
      .filter(([, rules]) => {
        const rule = (rules as Record<string, { basis: string; minimum?: object }>)[jurisdiction];
        return rule?.basis === "legal-obligation" || rule?.minimum !== undefined;
      })
      .map(([category]) => category);

  it("deletes every category held, by default all declared ones, but what a legal duty keeps", () => {
    const plan = planChildDataDiscovery({ jurisdiction: "eea", discoveredAt });
    if (!plan.valid) throw new Error("expected a plan");
    expect(plan.actions.map((a) => a.category)).toEqual(Object.keys(policy.categories));
    expect(plan.actions.map((a) => [a.category, a.action])).toEqual(
      Object.keys(policy.categories).map((c) => [
        c,
        dutyBound("eea").includes(c) ? "restrict" : "delete",
      ]),
    );
    expect(plan.deadline.toISOString()).toBe("2025-08-07T10:00:00.000Z");
  });

  it("restricts what a legal retention duty still covers until the duty ends, Art. 17(3)(b) over 17(1)(f)", () => {
    const plan = planChildDataDiscovery({
      jurisdiction: "us",
      discoveredAt,
      categories: ["account", "call-detail-record", "payment-transaction"],
    });
    if (!plan.valid) throw new Error("expected a plan");
    // The service stops at discovery, so no call record is newer: 47 CFR 42.6 ends 18 months on,
    // for the call records and for the caller's name, address and number in the account (kept 6
    // years on legitimate interest, which yields to the child's erasure after the 18 months);
    // US tax law (26 U.S.C. 6001) keeps payment records 7 years.
    expect(plan.actions.map((a) => [a.category, a.action, a.until?.toISOString()])).toEqual([
      ["account", "restrict", "2027-01-08T00:00:00.000Z"],
      ["call-detail-record", "restrict", "2027-01-08T00:00:00.000Z"],
      ["payment-transaction", "restrict", "2032-07-08T00:00:00.000Z"],
    ]);
    expect(plan.actions[1]?.reasons[0]).toMatchObject({
      code: "retention-running",
      section: "§10",
    });
    expect(plan.actions[1]?.reasons[0]?.message).toMatch(/until 2027-01-08.*47 CFR 42\.6/);
    expect(plan.actions[0]?.reasons[0]?.message).toMatch(/until 2027-01-08.*47 CFR 42\.6/);
    // A 45-day US deadline (Cal. Civ. Code 1798.130(a)(2)(A)).
    expect(plan.deadline.toISOString()).toBe("2025-08-21T10:00:00.000Z");
    const eea = planChildDataDiscovery({
      jurisdiction: "eea",
      discoveredAt,
      relationshipEndedAt: new Date("2025-06-30T00:00:00Z"),
      categories: ["call-detail-record", "kyc-document"],
    });
    // No EEA law obliges a carrier to keep these: KYC documents rest on legitimate interest.
    expect(eea.actions.map((a) => [a.category, a.action, a.until?.toISOString()])).toEqual([
      ["call-detail-record", "delete", undefined],
      ["kyc-document", "delete", undefined],
    ]);
    expect(plan.actions[2]?.reasons[0]?.message).toMatch(/26 U\.S\.C\. 6001/);
  });

  it("deletes once the legal duty has run out", () => {
    const plan = planChildDataDiscovery({
      jurisdiction: "us",
      discoveredAt,
      relationshipEndedAt: new Date("2019-01-01T00:00:00Z"),
      categories: ["call-detail-record"],
    });
    expect(plan.actions.map((a) => a.action)).toEqual(["delete"]);
  });

  it("restricts instead of deleting what a legal hold covers", () => {
    const plan = planChildDataDiscovery({
      jurisdiction: "eea",
      discoveredAt,
      categories: ["account", "call-detail-record"],
      legalHold: ["call-detail-record"],
    });
    expect(plan.actions.map((a) => [a.category, a.action])).toEqual([
      ["account", "delete"],
      ["call-detail-record", "restrict"],
    ]);
  });

  it("plans nothing for malformed input", () => {
    // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
    const loose = planChildDataDiscovery as (x: any) => ReturnType<typeof planChildDataDiscovery>;
    for (const bad of [
      null,
      {},
      { discoveredAt, categories: ["dna"] },
      { discoveredAt, legalHold: ["dna"] },
    ]) {
      const plan = loose(bad);
      expect(plan.valid).toBe(false);
      expect(plan.actions).toEqual([]);
    }
  });

  it("restricts every category under a blanket legal hold and deletes what no duty keeps without one", () => {
    const categories = ["account", "kyc-document"] as const;
    const held = planChildDataDiscovery({
      jurisdiction: "eea",
      discoveredAt,
      categories,
      legalHold: true,
    });
    const free = planChildDataDiscovery({
      jurisdiction: "eea",
      discoveredAt,
      categories,
      legalHold: false,
    });
    expect(held.actions.map((a) => a.action)).toEqual(["restrict", "restrict"]);
    // Without a hold no EEA legal duty keeps either: both are deleted.
    expect(free.actions.map((a) => a.action)).toEqual(["delete", "delete"]);
  });

  it("gives each step its reason, citing §10 and the GDPR article", () => {
    const plan = planChildDataDiscovery({
      jurisdiction: "eea",
      discoveredAt,
      categories: ["account", "call-detail-record"],
      legalHold: ["call-detail-record"],
    });
    const [deleted, restricted] = plan.actions;
    expect(deleted?.reasons).toEqual([
      {
        code: "under-age",
        message: expect.stringMatching(
          /^"account" belongs to a child under 16: .*Art\. 17\(1\)\(f\)/,
        ),
        section: "§10",
        text: policy.commitments.minimumAge.text,
      },
    ]);
    expect(restricted?.reasons).toEqual([
      {
        code: "legal-hold",
        message: expect.stringMatching(
          /^a legal hold covers "call-detail-record": .*17\(3\)\(e\), 18/,
        ),
        section: "§10",
        text: policy.commitments.minimumAge.text,
      },
    ]);
    // The age itself is not part of a clause's citation.
    expect(deleted?.reasons[0]).not.toHaveProperty("years");
  });

  it("dates the plan from the discovery and freezes it throughout", () => {
    const plan = planChildDataDiscovery({
      jurisdiction: "eea",
      discoveredAt,
      categories: ["account"],
    });
    if (!plan.valid) throw new Error("expected a plan");
    expect(plan.discoveredAt).toEqual(discoveredAt);
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.actions)).toBe(true);
    for (const action of plan.actions) {
      expect(Object.isFrozen(action)).toBe(true);
      expect(Object.isFrozen(action.reasons)).toBe(true);
    }
  });

  it("says what was wrong with malformed input, citing §10, in a frozen empty plan", () => {
    // biome-ignore lint/suspicious/noExplicitAny: untrusted input reaches the loose implementation
    const loose = planChildDataDiscovery as (x: any) => ReturnType<typeof planChildDataDiscovery>;
    const messageFor = (input: unknown) => {
      const plan = loose(input);
      if (plan.valid) throw new Error("expected no plan");
      expect(plan).toMatchObject({ discoveredAt: null, deadline: null, actions: [] });
      expect(Object.isFrozen(plan)).toBe(true);
      expect(Object.isFrozen(plan.actions)).toBe(true);
      expect(Object.isFrozen(plan.reasons)).toBe(true);
      expect(plan.reasons).toHaveLength(1);
      expect(plan.reasons[0]).toMatchObject({
        code: "invalid-input",
        section: "§10",
        text: policy.commitments.minimumAge.text,
      });
      return plan.reasons[0]?.message;
    };
    for (const notAnObject of [null, undefined, "2025-07-07", 42, true]) {
      expect(messageFor(notAnObject)).toMatch(/^the discovery must be an object/);
    }
    for (const legalHold of [
      "yes",
      1,
      null,
      ["dna"],
      ["account", "dna"],
      [["account"]],
      { account: true },
    ]) {
      expect(messageFor({ discoveredAt, legalHold })).toMatch(/^legalHold must be/);
    }
    for (const discoveredAt of [new Date("nope"), "2025-07-07", undefined]) {
      expect(messageFor({ discoveredAt })).toBe("discoveredAt must be a valid Date");
    }
    expect(
      messageFor({ discoveredAt, jurisdiction: "eea", categories: ["account", "dna"] }),
    ).toMatch(/"dna"/);
    expect(messageFor({ discoveredAt, categories: ["account"] })).toMatch(
      /^jurisdiction is required/,
    );
    const hostile = Object.defineProperty({}, "discoveredAt", {
      get() {
        throw new Error("boom");
      },
    });
    expect(messageFor(hostile)).toBe(
      'discovery field "discoveredAt" is given through a getter: give it as an own data property',
    );
    const trap = new Proxy(
      { discoveredAt },
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(messageFor(trap)).toBe("the discovery could not be read");
  });

  it("reads discoveredAt by its true time, whatever the object claims about it", () => {
    class Lying extends Date {
      override getTime() {
        return Number.NaN;
      }
      override toISOString() {
        return "1970-01-01T00:00:00.000Z";
      }
    }
    const at = Date.UTC(2025, 6, 7, 9);
    const plan = planChildDataDiscovery({
      jurisdiction: "eea",
      discoveredAt: new Lying(at),
      categories: ["account"],
    });
    expect(plan).toEqual(
      planChildDataDiscovery({
        jurisdiction: "eea",
        discoveredAt: new Date(at),
        categories: ["account"],
      }),
    );
    expect(plan.discoveredAt).not.toBeInstanceOf(Lying);
    for (const fake of [
      new Proxy(new Date(at), {}),
      Object.create(Date.prototype),
      new Date(8.64e15),
    ]) {
      const refused = planChildDataDiscovery({
        jurisdiction: "eea",
        discoveredAt: fake,
        categories: ["account"],
      });
      expect(refused).toMatchObject({ valid: false, actions: [] });
      expect(refused.valid || refused.reasons[0]?.message).toBe(
        "discoveredAt must be a valid Date",
      );
    }
  });

  it("never lets a lying birth date through the age gate", () => {
    class Ageless extends Date {
      override getTime() {
        return Number.NaN;
      }
      override getUTCFullYear() {
        return 1900;
      }
    }
    const d = canCollect({ birthDate: new Ageless(Date.UTC(2015, 0, 1)), at: utc(2025, 7, 7) });
    expect(d).toMatchObject({ allowed: false, age: 10 });
    expect(d.reasons[0]?.code).toBe("under-age");
  });
});
