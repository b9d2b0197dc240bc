import { describe, expect, it } from "vitest";
import { type Category, canShare, canUse, policy } from "../src";
import { shareContextSchema } from "../src/schemas";

const categories = Object.keys(policy.categories) as Category[];
type Process =
  | "none"
  | "subpoena"
  | "court-order"
  | "warrant"
  | "interception-order"
  | "emergency"
  | "foreign-order";
const disclosed = (legalProcess: Process | boolean, storage: "stored" | "transient" = "stored") =>
  categories.filter(
    (c) => canShare(c, "authority", { legalProcess, storage, jurisdiction: "us" }).allowed,
  );
const answered = (legalProcess: Process | boolean, storage: "stored" | "transient" = "stored") =>
  categories.filter(
    (c) => canUse("lawful-request", c, { legalProcess, storage, jurisdiction: "us" }).allowed,
  );

// 18 U.S.C. 2703(c)(2): name, address, connection records, session times, network address, payment.
const SUBSCRIBER = ["account", "payment-transaction", "call-detail-record", "ip-address"];
const RECORDS = [
  ...SUBSCRIBER,
  "kyc-document",
  "support-communication",
  "service-configuration",
  "website-usage",
];

describe("§3, §4 legal process by kind (18 U.S.C. 2702, 2703, 2518; 47 U.S.C. 1002; GDPR Art. 48)", () => {
  it("discloses and answers nothing without legal process", () => {
    expect(disclosed("none")).toEqual([]);
    expect(answered("none")).toEqual([]);
  });

  it("gives a subpoena basic subscriber information only (2703(c)(2))", () => {
    expect(disclosed("subpoena").sort()).toEqual([...SUBSCRIBER].sort());
    expect(answered("subpoena").sort()).toEqual([...SUBSCRIBER].sort());
  });

  it("gives a court order the records, never content (2703(d))", () => {
    expect(disclosed("court-order").sort()).toEqual([...RECORDS].sort());
    expect(answered("court-order").sort()).toEqual([...RECORDS].sort());
  });

  it("gives a search warrant the records and stored content, and lets lawful-request retrieve a recording (2703(a)–(b))", () => {
    const withContent = [...RECORDS, "communication-content"].sort();
    expect(disclosed("warrant").sort()).toEqual(withContent);
    expect(answered("warrant").sort()).toEqual(withContent);
  });

  it("refuses a search warrant content in transit, citing the prohibition (2518)", () => {
    const decision = canShare("communication-content", "authority", {
      jurisdiction: "us",
      legalProcess: "warrant",
      storage: "transient",
    });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]?.message).toContain("interception-needs-order");
    expect(
      canUse("lawful-request", "communication-content", {
        jurisdiction: "us",
        legalProcess: "warrant",
        storage: "transient",
      }).allowed,
    ).toBe(false);
  });

  it("gives an interception order content in transit only, also content that is only transient (2518; CALEA 1002(a)(1))", () => {
    expect(disclosed("interception-order", "transient")).toEqual(["communication-content"]);
    const stored = canShare("communication-content", "authority", {
      jurisdiction: "us",
      legalProcess: "interception-order",
    });
    expect(stored.allowed).toBe(false);
    expect(stored.reasons[0]?.message).toContain("stored-needs-warrant");
    expect(answered("interception-order")).toEqual([]);
  });

  it("answers an emergency request with what identifies and locates the caller (2702(c)(4))", () => {
    expect(disclosed("emergency").sort()).toEqual([...SUBSCRIBER].sort());
    expect(disclosed("emergency")).not.toContain("communication-content");
  });

  it("refuses a foreign order alone for every category, citing the prohibition (GDPR Art. 48)", () => {
    for (const category of categories) {
      for (const decision of [
        canShare(category, "authority", { legalProcess: "foreign-order", jurisdiction: "eea" }),
        canUse("lawful-request", category, { legalProcess: "foreign-order", jurisdiction: "eea" }),
      ]) {
        expect(decision.allowed).toBe(false);
        expect(decision.reasons[0]).toMatchObject({ code: "prohibited", section: "§4" });
      }
    }
  });

  it("keeps the notification to the customer under every kind, unless the law forbids it", () => {
    const kinds = ["subpoena", "court-order", "warrant", "emergency"] as const;
    for (const legalProcess of kinds) {
      expect(
        canShare("account", "authority", { legalProcess, jurisdiction: "us" }).obligations.map(
          (o) => o.id,
        ),
      ).toEqual(["notify-customer"]);
      expect(
        canShare("account", "authority", {
          legalProcess,
          disclosureProhibited: true,
          jurisdiction: "us",
        }).obligations,
      ).toEqual([]);
    }
  });

  it("still takes the former flag: true means a subpoena, false none", () => {
    expect(disclosed(true)).toEqual(disclosed("subpoena"));
    expect(disclosed(false)).toEqual([]);
    expect(answered(true)).toEqual(answered("subpoena"));
    expect(shareContextSchema.parse({ legalProcess: true })).toEqual({ legalProcess: true });
  });

  it("names the kinds it accepts when given one it does not know", () => {
    const decision = canShare("account", "authority", {
      jurisdiction: "us",
      legalProcess: "letter" as unknown as "none",
    });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]?.code).toBe("invalid-input");
    expect(decision.reasons[0]?.message).toContain('"court-order"');
    expect(decision.reasons[0]?.message).toContain("true | false");
  });
});
