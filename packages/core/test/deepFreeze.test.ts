import { describe, expect, it } from "vitest";
import type { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import { deepFreeze } from "../src/internal/deepFreeze";
import { definePolicy } from "../src/schemas";
import { declarationWith, isDeepFrozen } from "./support/declarationWith";

describe("deepFreeze", () => {
  it("freezes every object and array reachable from a value and returns the value", () => {
    const value = { a: [{ b: 1 }, [2]], [Symbol("s")]: { c: {} } };
    expect(deepFreeze(value)).toBe(value);
    expect(isDeepFrozen(value)).toBe(true);
  });

  it("freezes the children of an object that was already frozen", () => {
    const inner = { list: ["consent"] };
    const value = { frozen: Object.freeze({ inner }) };
    deepFreeze(value);
    expect(Object.isFrozen(inner)).toBe(true);
    expect(Object.isFrozen(inner.list)).toBe(true);
  });

  it("visits a cyclic structure once", () => {
    const value: Record<string, unknown> = { list: [] };
    value.self = value;
    (value.list as unknown[]).push(value, { leaf: {} });
    expect(deepFreeze(value)).toBe(value);
    expect(isDeepFrozen(value)).toBe(true);
  });

  it("leaves primitives and null as they are", () => {
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze("id")).toBe("id");
    expect(deepFreeze(7)).toBe(7);
  });
});

describe("a policy declared with parts frozen in advance", () => {
  it("cannot be widened through the mutable children of a frozen part", () => {
    const uses = Object.freeze({ email: { when: ["consent"] } });
    const declaration = declarationWith({ "purposes.newsletter.uses": uses });
    const policy = definePolicy(declaration as never) as typeof examplePolicy;
    expect(isDeepFrozen(policy)).toBe(true);
    const when = policy.purposes.newsletter.uses.email.when as unknown as string[];
    expect(() => when.pop()).toThrow(TypeError);
    expect(createGuards(policy).canUse("newsletter", "email").allowed).toBe(false);
  });
});
