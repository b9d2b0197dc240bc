import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { definePolicy } from "@trunkiq/policy-core/schemas";
import { describe, expect, it } from "vitest";
import { policy } from "../src/policy";

// The shipped declaration skips validation at import, so it is validated here in full.
describe("the shipped TrunkIQ declaration", () => {
  it("passes every check definePolicy makes: shape, references and table sizes", () => {
    const copy = structuredClone(policy) as PolicyDeclaration;
    expect(definePolicy(copy as never)).toEqual(policy);
  });

  it("is deep-frozen", () => {
    const frozen = (value: unknown): boolean =>
      value === null ||
      typeof value !== "object" ||
      (Object.isFrozen(value) && Object.values(value).every(frozen));
    expect(frozen(policy)).toBe(true);
  });
});
