import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import type { LooseGuards } from "./support/hostile";

// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(examplePolicy);
beforeEach(() => {
  guards = createGuards(examplePolicy);
});
const loose = guards as unknown as LooseGuards;
const retentionFor = guards.retentionFor as (
  category: unknown,
  context: unknown,
) => ReturnType<typeof guards.retentionFor>;
const retentionCutoff = guards.retentionCutoff as (
  category: unknown,
  context: unknown,
) => ReturnType<typeof guards.retentionCutoff>;

describe("invalid input", () => {
  it("quotes at most 60 characters of an unknown id in the reason", () => {
    const id = `${"x".repeat(60)}SECRET-TAIL`;
    const [reason] = loose.canUse(id, "email").reasons;
    expect(reason?.code).toBe("invalid-input");
    expect(reason?.message).toContain(`"${"x".repeat(60)}…"`);
    expect(reason?.message).not.toContain("SECRET-TAIL");
  });

  it("quotes an unknown id of exactly 60 characters whole", () => {
    const id = "y".repeat(60);
    expect(loose.canUse(id, "email").reasons[0]?.message).toContain(`"${id}" (declared:`);
  });

  it.each([
    [null, "null"],
    [["fulfilment"], "an array"],
    [{}, "an object"],
    [new Date(Number.NaN), "an invalid Date"],
    [7, "7"],
    [true, "true"],
    [Symbol("id"), "a symbol"],
  ])("describes an unknown purpose %s by its kind, never by calling it", (purpose, described) => {
    expect(loose.canUse(purpose, "email").reasons[0]?.message).toBe(
      `unknown purpose ${described} (declared: fulfilment, newsletter, tax-filing)`,
    );
  });

  it("names the id that is unknown, whichever position it is in", () => {
    expect(loose.canUse("fulfilment", "phone").reasons[0]?.message).toBe(
      'unknown data category "phone" (declared: email, order, card)',
    );
    expect(loose.canShare("phone", "courier").reasons[0]?.message).toBe(
      'unknown data category "phone" (declared: email, order, card)',
    );
    expect(loose.canShare("email", "printer").reasons[0]?.message).toBe(
      'unknown recipient "printer" (declared: courier, police, ad-network)',
    );
  });

  it("ignores context fields the policy does not declare, whatever their name", () => {
    const context = { consent: true, undefined: 1, toString: "x" };
    expect(loose.canUse("newsletter", "email", context).allowed).toBe(true);
  });

  it("describes an id it cannot even inspect as an unreadable value", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(loose.canUse(proxy, "email").reasons[0]?.message).toMatch(
      /^unknown purpose an unreadable value /,
    );
  });

  it.each([
    [null, "got null"],
    [["consent"], "got an array"],
    ["consent", "got string"],
  ])("says what a context that is not an object was (%j)", (context, got) => {
    const [reason] = loose.canUse("newsletter", "email", context).reasons;
    expect(reason?.code).toBe("invalid-input");
    expect(reason?.message).toBe(`the context must be an object, ${got}`);
  });

  it("keeps everything of an unknown category, saying which categories exist", () => {
    const decision = retentionFor("phone", { collectedAt: new Date(0), now: new Date() });
    expect(decision).toMatchObject({ until: null, expired: false, rule: null, jurisdiction: "us" });
    expect(decision.reasons.map((r) => [r.code, r.message, r.section])).toEqual([
      ["invalid-input", 'unknown data category "phone" (declared: email, order, card)', "§7"],
    ]);
  });

  it.each([
    [null, "null"],
    [[new Date(0)], "an array"],
    ["2020-01-01", '"2020-01-01"'],
  ])("keeps everything when the retention context is %j, saying what it was", (context, got) => {
    for (const decision of [retentionFor("order", context), retentionCutoff("order", context)]) {
      expect(decision).toMatchObject({ rule: null, jurisdiction: "us" });
      expect(decision.reasons.map((r) => [r.code, r.message])).toEqual([
        ["invalid-input", `the retention context must be an object, got ${got}`],
      ]);
    }
    expect(retentionFor("order", context)).toMatchObject({ until: null, expired: false });
    expect(retentionCutoff("order", context).cutoff).toBeNull();
  });

  it("keeps everything in an unknown jurisdiction, saying which exist", () => {
    const decision = retentionFor("order", { collectedAt: new Date(0), jurisdiction: "mars" });
    expect(decision).toMatchObject({ until: null, expired: false, rule: null, jurisdiction: "us" });
    expect(decision.reasons.map((r) => [r.code, r.message])).toEqual([
      ["invalid-input", 'unknown jurisdiction "mars" (declared: us, eea)'],
    ]);
  });

  it("gives no cutoff without a jurisdiction, since periods differ by law (§7)", () => {
    const decision = retentionCutoff("order", { now: new Date(0) });
    expect(decision).toMatchObject({ cutoff: null, anchor: null, rule: null });
    expect(decision.reasons.map((r) => [r.code, r.message])).toEqual([
      [
        "invalid-input",
        "jurisdiction is required: periods differ by law, so ask once per jurisdiction (declared: us, eea)",
      ],
    ]);
    expect(retentionCutoff("order", { now: new Date(0), jurisdiction: undefined }).cutoff).toBe(
      null,
    );
  });

  it("describes a category that is not a string instead of echoing it", () => {
    const context = { collectedAt: new Date(0) };
    expect(retentionFor(42, context).category).toBe("42");
    expect(retentionFor({ toString: () => "order" }, context).category).toBe("an object");
    expect(retentionCutoff(["order"], { now: new Date() }).category).toBe("an array");
  });

  it.each([
    [
      { collectedAt: new Date(Number.NaN) },
      "collectedAt must be a valid Date, got an invalid Date",
    ],
    [
      { collectedAt: new Date(0), relationshipEndedAt: "2020-01-01" },
      'relationshipEndedAt must be a valid Date when given, got "2020-01-01"',
    ],
    [{ collectedAt: new Date(0), legalHold: "yes" }, 'legalHold must be true or false, got "yes"'],
    [
      { collectedAt: new Date(0), now: new Date(Number.NaN) },
      "now must be a valid Date when given, got an invalid Date",
    ],
  ])("keeps a record whose context has a malformed field (%j)", (context, message) => {
    const decision = retentionFor("email", context);
    expect(decision).toMatchObject({ until: null, expired: false, jurisdiction: "us" });
    expect(decision.rule).not.toBeNull();
    expect(decision.reasons.map((r) => [r.code, r.message])).toEqual([["invalid-input", message]]);
  });

  it("gives no cutoff when it would fall before the earliest representable date", () => {
    const decision = retentionCutoff("order", {
      now: new Date(-8.64e15 + 1000),
      jurisdiction: "us",
    });
    expect(decision).toMatchObject({ cutoff: null, anchor: null, rule: { period: { years: 7 } } });
    expect(decision.reasons.map((r) => r.code)).toEqual(["invalid-input"]);
    expect(decision.reasons[0]?.message).toMatch(
      /^now -271821-04-20T00:00:01\.000Z gives no cutoff/,
    );
  });

  it("gives no cutoff for a retention context whose fields throw when read", () => {
    const context = Object.defineProperty({}, "now", {
      enumerable: true,
      get() {
        throw new Error("unreadable");
      },
    });
    const decision = retentionCutoff("order", context);
    expect(decision).toMatchObject({
      kind: "retention-cutoff",
      category: "order",
      jurisdiction: "us",
      anchor: null,
      cutoff: null,
      rule: null,
    });
    expect(decision.reasons.map((r) => r.code)).toEqual(["invalid-input"]);
    expect(decision.reasons[0]?.message).toBe(
      'retention context field "now" is given through a getter: give it as an own data property',
    );
  });
});
