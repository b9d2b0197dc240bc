import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import { isDeepFrozen } from "./support/declarationWith";

const { retentionFor } = createGuards(examplePolicy);
const loose = retentionFor as (
  category: unknown,
  context: unknown,
) => ReturnType<typeof retentionFor>;
const utc = (iso: string) => new Date(`${iso}Z`);

describe("retentionFor", () => {
  it("keeps a record until the end of the day its period runs out", () => {
    const decision = retentionFor("order", {
      collectedAt: utc("2020-03-15T10:00:00"),
      now: utc("2027-03-15T23:59:59.999"),
    });
    expect(decision.until).toEqual(utc("2027-03-16T00:00:00"));
    expect(decision.expired).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: "retention-running",
        section: "§7",
        text: "as the law requires",
      }),
    ]);
  });

  it("reports a record as expired from its deadline on", () => {
    const decision = retentionFor("order", {
      collectedAt: utc("2020-03-15T10:00:00"),
      now: utc("2027-03-16T00:00:00"),
    });
    expect(decision.expired).toBe(true);
    expect(decision.reasons[0]?.code).toBe("retention-expired");
  });

  it("applies the first declared jurisdiction by default", () => {
    const decision = retentionFor("order", { collectedAt: utc("2020-01-01T00:00:00") });
    expect(decision.jurisdiction).toBe("us");
    expect(decision.rule).toMatchObject({ period: { years: 7 }, law: "26 CFR 1.6001-1" });
  });

  it("applies the rule of the jurisdiction named in the context", () => {
    const decision = retentionFor("order", {
      collectedAt: utc("2020-01-01T00:00:00"),
      jurisdiction: "eea",
    });
    expect(decision.until).toEqual(utc("2030-01-02T00:00:00"));
    expect(decision.rule?.basis).toBe("legal-obligation");
  });

  it("has no deadline while the relationship a period runs from is open", () => {
    const decision = retentionFor("email", {
      collectedAt: utc("2000-01-01T00:00:00"),
      now: utc("2090-01-01T00:00:00"),
    });
    expect(decision.until).toBeNull();
    expect(decision.expired).toBe(false);
    expect(decision.reasons[0]?.code).toBe("retention-not-started");
  });

  it("counts from the end of the relationship once it has ended", () => {
    const decision = retentionFor("email", {
      collectedAt: utc("2000-01-01T00:00:00"),
      relationshipEndedAt: utc("2021-06-30T12:00:00"),
      now: utc("2022-07-01T00:00:00"),
    });
    expect(decision.until).toEqual(utc("2022-07-01T00:00:00"));
    expect(decision.expired).toBe(true);
  });

  it("starts the clock of someone who never became a customer at their last contact (§7)", () => {
    const decision = retentionFor("email", {
      collectedAt: utc("2020-01-01T00:00:00"),
      lastContactAt: utc("2021-06-30T12:00:00"),
      now: utc("2022-07-01T00:00:00"),
    });
    expect(decision.until).toEqual(utc("2022-07-01T00:00:00"));
    expect(decision.expired).toBe(true);
    expect(decision.reasons[0]?.message).toBe(
      "kept 1 year from the last contact of someone never a customer (judgement): due for deletion since 2022-07-01T00:00:00.000Z",
    );
    const running = retentionFor("email", {
      collectedAt: utc("2020-01-01T00:00:00"),
      lastContactAt: utc("2021-06-30T12:00:00"),
      now: utc("2022-06-30T23:59:59.999"),
    });
    expect(running).toMatchObject({ expired: false, until: utc("2022-07-01T00:00:00") });
  });

  it("counts a collection-anchored period from collection whatever the last contact", () => {
    const decision = retentionFor("order", {
      collectedAt: utc("2020-03-15T10:00:00"),
      lastContactAt: utc("2024-01-01T00:00:00"),
      now: utc("2027-03-16T00:00:00"),
    });
    expect(decision).toMatchObject({ until: utc("2027-03-16T00:00:00"), expired: true });
  });

  it.each([
    [
      {
        relationshipEndedAt: utc("2021-01-01T00:00:00"),
        lastContactAt: utc("2021-01-01T00:00:00"),
      },
      "lastContactAt is for someone who never became a customer: give it or relationshipEndedAt, not both",
    ],
    [
      { lastContactAt: "2021-01-01" },
      'lastContactAt must be a valid Date when given, got "2021-01-01"',
    ],
  ])("keeps a record whose last contact is given wrongly (%j)", (fields, message) => {
    const decision = loose("email", { collectedAt: utc("2000-01-01T00:00:00"), ...fields });
    expect(decision).toMatchObject({ until: null, expired: false });
    expect(decision.reasons.map((r) => [r.code, r.message])).toEqual([["invalid-input", message]]);
  });

  it("refuses an inherited last contact rather than starting a clock on it", () => {
    const context = Object.create({ lastContactAt: utc("2000-01-01T00:00:00") });
    context.collectedAt = utc("2000-01-01T00:00:00");
    const decision = loose("email", context);
    expect(decision).toMatchObject({ until: null, expired: false });
    expect(decision.reasons[0]?.message).toContain('"lastContactAt" is inherited');
  });

  it("gives every record whose deadline falls on one day the same reasons, and still fresh dates", () => {
    const at = (hour: string) =>
      retentionFor("order", {
        collectedAt: utc(`2020-03-15T${hour}`),
        now: utc("2021-01-01T00:00:00"),
      });
    const [a, b] = [at("01:00:00"), at("23:00:00")];
    expect(b.reasons).toEqual(a.reasons);
    expect(b.until).toEqual(a.until);
    expect(b.until).not.toBe(a.until);
  });

  it("never expires a record under a legal hold", () => {
    const decision = retentionFor("order", {
      collectedAt: utc("1990-01-01T00:00:00"),
      legalHold: true,
      now: utc("2090-01-01T00:00:00"),
    });
    expect(decision.until).toBeNull();
    expect(decision.expired).toBe(false);
    expect(decision.reasons[0]).toMatchObject({ code: "legal-hold", section: "§7" });
  });

  it("expires a zero-period record at once", () => {
    const at = utc("2024-05-05T05:05:05");
    const decision = retentionFor("card", { collectedAt: at, now: at });
    expect(decision.until).toEqual(at);
    expect(decision.expired).toBe(true);
  });

  it("ends a period from a leap day on February 28 of a common year", () => {
    const decision = retentionFor("email", {
      collectedAt: utc("2020-01-01T00:00:00"),
      relationshipEndedAt: utc("2024-02-29T12:00:00"),
      now: utc("2025-02-28T23:59:59.999"),
    });
    expect(decision.until).toEqual(utc("2025-03-01T00:00:00"));
    expect(decision.expired).toBe(false);
  });

  it("clamps a period that ends past a month's last day (Jan 31 + 1 month)", () => {
    const guards = createGuards(examplePolicy, { retention: { email: { eea: { months: 1 } } } });
    const decision = guards.retentionFor("email", {
      collectedAt: utc("2020-01-01T00:00:00"),
      relationshipEndedAt: utc("2021-01-31T08:00:00"),
      jurisdiction: "eea",
    });
    expect(decision.until).toEqual(utc("2021-03-01T00:00:00"));
    expect(decision.rule?.period).toEqual({ months: 1 });
  });

  it("uses the current time when `now` is omitted", () => {
    expect(retentionFor("order", { collectedAt: utc("1990-01-01T00:00:00") }).expired).toBe(true);
    expect(retentionFor("order", { collectedAt: new Date() }).expired).toBe(false);
  });

  it("returns a frozen decision citing the policy version", () => {
    const decision = retentionFor("order", { collectedAt: utc("2020-01-01T00:00:00") });
    expect(decision.policy).toEqual({ id: "example-shop-privacy", version: "2024-01-31" });
    expect(Object.isFrozen(decision)).toBe(true);
    expect(isDeepFrozen(decision.reasons)).toBe(true);
  });
});

describe("retentionFor on bad input", () => {
  const long = utc("1900-01-01T00:00:00");
  const cases: [string, unknown, unknown][] = [
    ["an unknown category", "phone", { collectedAt: long }],
    ['"__proto__" as category', "__proto__", { collectedAt: long }],
    ['"constructor" as category', "constructor", { collectedAt: long }],
    ["a non-string category", 42, { collectedAt: long }],
    ["a null context", "order", null],
    ["an array context", "order", [long]],
    ["a missing collectedAt", "order", {}],
    ["collectedAt as a string", "order", { collectedAt: "1900-01-01" }],
    ["collectedAt as a number", "order", { collectedAt: 0 }],
    ["an invalid Date", "order", { collectedAt: new Date(Number.NaN) }],
    ["an invalid relationshipEndedAt", "email", { collectedAt: long, relationshipEndedAt: "x" }],
    ["an unknown jurisdiction", "order", { collectedAt: long, jurisdiction: "mars" }],
    ['"toString" as jurisdiction', "order", { collectedAt: long, jurisdiction: "toString" }],
    ["legalHold as a string", "order", { collectedAt: long, legalHold: "no" }],
    ["an invalid now", "order", { collectedAt: long, now: new Date(Number.NaN) }],
    [
      "a context whose getter throws",
      "order",
      {
        get collectedAt() {
          throw new Error("getter");
        },
      },
    ],
  ];

  it.each(cases)("deletes nothing for %s", (_, category, context) => {
    const decision = loose(category, context);
    expect(decision.expired).toBe(false);
    expect(decision.until).toBeNull();
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: "invalid-input", section: "§7" }),
    ]);
  });
});

describe("retentionFor reads only what the caller stated", () => {
  const g = createGuards(examplePolicy);
  it("refuses a null jurisdiction instead of taking the default", () => {
    const decision = g.retentionFor("order", {
      collectedAt: new Date("2000-01-01T00:00:00Z"),
      jurisdiction: null as never,
    });
    expect(decision).toMatchObject({ expired: false, until: null });
    expect(decision.reasons[0]?.code).toBe("invalid-input");
  });

  it("refuses fields inherited from a prototype, naming the field, and deletes nothing", () => {
    const inherited = Object.create({ legalHold: false, now: new Date("2100-01-01T00:00:00Z") });
    inherited.collectedAt = new Date("2000-01-01T00:00:00Z");
    inherited.legalHold = true;
    const held = g.retentionFor("order", inherited);
    expect(held).toMatchObject({ expired: false, until: null, rule: null });
    expect(held.reasons.map((r) => [r.code, r.message])).toEqual([
      [
        "invalid-input",
        'retention context field "now" is inherited from a prototype: give it as an own data property',
      ],
    ]);
    const noDate = Object.create({ collectedAt: new Date("2000-01-01T00:00:00Z") });
    expect(g.retentionFor("order", noDate).reasons[0]?.message).toBe(
      'retention context field "collectedAt" is inherited from a prototype: give it as an own data property',
    );
  });
});
