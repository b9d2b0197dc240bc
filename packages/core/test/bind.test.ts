import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, PolicyViolationError } from "../src";
import type { LooseGuards } from "./support/hostile";

// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(examplePolicy);
beforeEach(() => {
  guards = createGuards(examplePolicy);
});
const loose = guards as unknown as LooseGuards;

describe("bind", () => {
  it("returns the very value it was given when the use is allowed", () => {
    const rows = [{ id: 1 }];
    expect(guards.bind("fulfilment", "order", rows)).toBe(rows);
    expect(guards.bind("newsletter", "email", rows, { consent: true })).toBe(rows);
  });

  it("throws a PolicyViolationError carrying the decision when the use is denied", () => {
    let caught: unknown;
    try {
      guards.bind("newsletter", "email", "a@b.c");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyViolationError);
    expect((caught as PolicyViolationError).decision).toBe(guards.canUse("newsletter", "email"));
  });

  it("throws for unknown ids", () => {
    expect(() => loose.bind("nope", "email", 1)).toThrow(PolicyViolationError);
  });
});

describe("isBoundTo", () => {
  const message = { purpose: "fulfilment", category: "order", data: [1] };

  it("accepts a message naming an allowed purpose and category", () => {
    expect(guards.isBoundTo(message, "fulfilment", "order")).toBe(true);
  });

  it("refuses a message bound to another purpose or category", () => {
    expect(guards.isBoundTo(message, "tax-filing", "order")).toBe(false);
    expect(guards.isBoundTo(message, "fulfilment", "email")).toBe(false);
  });

  it("refuses a message without data", () => {
    expect(
      guards.isBoundTo({ purpose: "fulfilment", category: "order" }, "fulfilment", "order"),
    ).toBe(false);
  });

  it("refuses a pair that needs a context to be allowed", () => {
    const m = { purpose: "newsletter", category: "email", data: "a@b.c" };
    expect(guards.isBoundTo(m, "newsletter", "email")).toBe(false);
  });

  it.each([null, undefined, "fulfilment", 1, [message]])("refuses %s", (value) => {
    expect(guards.isBoundTo(value, "fulfilment", "order")).toBe(false);
  });

  it("refuses a message whose properties throw", () => {
    const hostile = new Proxy(message, {
      get() {
        throw new Error("trap");
      },
      getOwnPropertyDescriptor() {
        throw new Error("trap");
      },
    });
    expect(loose.isBoundTo(hostile, "fulfilment", "order")).toBe(false);
  });
});

describe("assertCanUse and assertCanShare", () => {
  it("return the allowed decision", () => {
    expect(guards.assertCanUse("fulfilment", "card")).toBe(guards.canUse("fulfilment", "card"));
    expect(guards.assertCanShare("email", "police", { subpoena: true }).obligations).toHaveLength(
      1,
    );
  });

  it("throw a PolicyViolationError carrying the denial and its reasons", () => {
    try {
      guards.assertCanShare("email", "police");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyViolationError);
      const violation = error as PolicyViolationError;
      expect(violation.decision).toBe(guards.canShare("email", "police"));
      expect(violation.message).toMatch(
        /example-shop-privacy@2024-01-31 forbids sharing "email" with "police": .*\(§4\)/,
      );
    }
    expect(() => loose.assertCanUse({}, "card")).toThrow(PolicyViolationError);
    expect(() => loose.assertCanUse("fulfilment", "card", null)).toThrow(/must be an object/);
  });
});
