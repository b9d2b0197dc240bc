import { match } from "ts-pattern";
import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, type UseDecision } from "../src";
import { isDeepFrozen } from "./support/declarationWith";
import { hostileContexts, hostileIds, type LooseGuards } from "./support/hostile";

// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(examplePolicy);
beforeEach(() => {
  guards = createGuards(examplePolicy);
});
const { canUse } = guards;
const loose = guards as unknown as LooseGuards;
const policy = { id: "example-shop-privacy", version: "2024-01-31" };

describe("canUse", () => {
  it("allows a declared use on the purpose's basis, citing the purpose's section", () => {
    expect(canUse("fulfilment", "email")).toEqual({
      kind: "use",
      allowed: true,
      purpose: "fulfilment",
      category: "email",
      basis: "contract",
      jurisdiction: null,
      law: null,
      reasons: [
        {
          code: "permitted",
          message: expect.stringContaining("permitted on the basis of contract"),
          section: "§3",
          text: "To deliver your order",
        },
      ],
      obligations: [],
      policy,
    });
  });

  it("denies a pair no rule names as not-permitted, citing the purpose", () => {
    const decision = canUse("newsletter", "card" as never);
    expect(decision.allowed).toBe(false);
    expect(decision.basis).toBeNull();
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: "not-permitted", section: "§3" }),
    ]);
  });

  it("denies a consent-based use without consent, citing the condition", () => {
    expect(canUse("newsletter", "email").reasons).toEqual([
      {
        code: "condition-unmet",
        message: expect.stringContaining('requires "consent"'),
        section: "§3",
        text: "With your consent",
      },
    ]);
    expect(canUse("newsletter", "email", { consent: false }).allowed).toBe(false);
  });

  it("allows a consent-based use with consent, on the consent basis", () => {
    const decision = canUse("newsletter", "email", { consent: true });
    expect(decision.allowed).toBe(true);
    expect(decision.basis).toBe("consent");
  });

  it("denies a use while an `unless` condition holds", () => {
    expect(canUse("newsletter", "order", { consent: true }).allowed).toBe(true);
    const decision = canUse("newsletter", "order", { consent: true, channel: "phone" });
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: "condition-unmet",
        message: expect.stringContaining('excluded while "by-phone" holds'),
        section: "§3",
        text: "Orders placed by phone",
      }),
    ]);
  });

  it("lists every unmet condition", () => {
    const decision = canUse("newsletter", "order", { channel: "phone" });
    expect(decision.reasons.map((r) => r.code)).toEqual(["condition-unmet", "condition-unmet"]);
  });

  it("denies a pair an unconditional prohibition forbids, citing the prohibition", () => {
    const decision = canUse("tax-filing", "card" as never);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: "prohibited",
        section: "§2(b)",
        text: "Card numbers stay with the processor",
      }),
    ]);
  });

  it("accepts any declared jurisdiction in the context", () => {
    expect(canUse("fulfilment", "order", { jurisdiction: "eea" }).allowed).toBe(true);
  });

  it("returns the identical precomputed decision for every context-free call", () => {
    const first = canUse("fulfilment", "email");
    expect(canUse("fulfilment", "email")).toBe(first);
    expect(canUse("newsletter", "email")).toBe(canUse("newsletter", "email"));
  });

  it("returns the decision of the defaults for a context that states nothing", () => {
    expect(canUse("newsletter", "email", {})).toBe(canUse("newsletter", "email"));
  });

  it("returns deeply frozen decisions, with or without context and on bad input", () => {
    expect(isDeepFrozen(canUse("fulfilment", "email"))).toBe(true);
    expect(isDeepFrozen(canUse("newsletter", "email", { consent: true }))).toBe(true);
    expect(isDeepFrozen(loose.canUse("nope", "email"))).toBe(true);
    expect(isDeepFrozen(loose.canUse("fulfilment", "email", null))).toBe(true);
  });

  it("refuses context fields inherited from a prototype, naming the field", () => {
    const inherited = Object.create({ consent: true }) as { consent?: boolean };
    const decision = canUse("newsletter", "email", inherited);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons.map((r) => [r.code, r.message])).toEqual([
      [
        "invalid-input",
        'context field "consent" is inherited from a prototype: give it as an own data property',
      ],
    ]);
  });

  it("ignores context fields that belong to the other question", () => {
    expect(loose.canUse("fulfilment", "email", { paid: true }).allowed).toBe(true);
  });

  it("works with an exhaustive ts-pattern match on `allowed`", () => {
    const verdict = (decision: UseDecision<"newsletter", "email", "consent">) =>
      match(decision)
        .with({ allowed: true }, (d) => `send on ${d.basis}`)
        .with({ allowed: false }, (d) => `refused: ${d.reasons[0]?.code}`)
        .exhaustive();
    expect(verdict(canUse("newsletter", "email", { consent: true }))).toBe("send on consent");
    expect(verdict(canUse("newsletter", "email"))).toBe("refused: condition-unmet");
  });
});

describe("canUse on bad input", () => {
  it.each(hostileIds)("denies %s as a purpose without throwing", (_, id) => {
    const decision = loose.canUse(id, "email");
    expect(decision.allowed).toBe(false);
    expect(decision.basis).toBeNull();
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: "invalid-input", section: "§3" }),
    ]);
    expect(decision.reasons[0]?.message).toMatch(/unknown purpose/);
  });

  it.each(hostileIds)("denies %s as a category without throwing", (_, id) => {
    const decision = loose.canUse("fulfilment", id);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([expect.objectContaining({ code: "invalid-input" })]);
    expect(decision.reasons[0]?.message).toMatch(/unknown data category/);
  });

  it.each(hostileContexts("consent", "channel"))(
    "denies a context that is %s without throwing",
    (_, context) => {
      const decision = loose.canUse("fulfilment", "email", context);
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toEqual([expect.objectContaining({ code: "invalid-input" })]);
    },
  );

  it("names the bad field and the values it accepts", () => {
    expect(loose.canUse("newsletter", "order", { channel: "fax" }).reasons[0]?.message).toBe(
      'context field "channel" must be "web" | "phone", got "fax"',
    );
  });

  it("echoes a string id but only describes other values", () => {
    expect(loose.canUse("nope", "email").purpose).toBe("nope");
    expect(loose.canUse({ secret: "x" }, "email").purpose).toBe("an object");
  });
});
