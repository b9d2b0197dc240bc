import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { contextSpace, createGuards } from "../src";

const key = (c: object) => JSON.stringify(Object.entries(c).sort());

describe("contextSpace", () => {
  it("enumerates, for a question, every combination of the fields it reads and every jurisdiction", () => {
    for (const question of ["use", "share"] as const) {
      const contexts = contextSpace(examplePolicy, question);
      let expected = examplePolicy.jurisdictions.length;
      for (const f of Object.values(examplePolicy.contextFields)) {
        if ((f.appliesTo as readonly string[]).includes(question))
          expected *= f.kind === "flag" ? 2 : f.values.length;
      }
      expect(contexts).toHaveLength(expected);
      expect(new Set(contexts.map(key)).size).toBe(expected);
    }
  });

  it("varies, for a pair, exactly the fields its conditions read", () => {
    expect(
      contextSpace(examplePolicy, "use", { purpose: "newsletter", category: "email" }),
    ).toEqual([{ consent: false }, { consent: true }]);
    expect(
      contextSpace(examplePolicy, "use", { purpose: "fulfilment", category: "order" }),
    ).toEqual([{}]);
  });

  it("leaves out only fields that change no decision: every context answers as its projection on the pair's", () => {
    const guards = createGuards(examplePolicy);
    type Ask = (a: string, b: string, c?: object) => { allowed: boolean; reasons: unknown };
    const ask = { use: guards.canUse as Ask, share: guards.canShare as Ask };
    const pairs = [
      ...Object.keys(examplePolicy.purposes).flatMap((purpose) =>
        Object.keys(examplePolicy.categories).map((category) => ({
          question: "use" as const,
          args: [purpose, category] as const,
          space: contextSpace(examplePolicy, "use", { purpose, category }),
        })),
      ),
      ...Object.keys(examplePolicy.recipients).flatMap((recipient) =>
        Object.keys(examplePolicy.categories).map((category) => ({
          question: "share" as const,
          args: [category, recipient] as const,
          space: contextSpace(examplePolicy, "share", { category, recipient }),
        })),
      ),
    ];
    for (const { question, args, space } of pairs) {
      for (const context of contextSpace(examplePolicy, question)) {
        const projection = space.find((p) =>
          Object.entries(p).every(([k, v]) => (context as Record<string, unknown>)[k] === v),
        );
        expect(projection).toBeDefined();
        const decide = (c: object) => {
          const { allowed, reasons } = ask[question](...args, c);
          return { allowed, reasons };
        };
        expect(decide(context)).toEqual(decide(projection ?? {}));
      }
    }
  });

  it("returns frozen contexts in a frozen list", () => {
    const contexts = contextSpace(examplePolicy, "share");
    expect(Object.isFrozen(contexts)).toBe(true);
    expect(contexts.every((c) => Object.isFrozen(c))).toBe(true);
  });
});
