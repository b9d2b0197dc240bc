import { beforeEach, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, PolicyViolationError } from "../src";

// Rebuilt before each test, so that what a test checks is built under the code it runs with.
let guards = createGuards(examplePolicy);
beforeEach(() => {
  guards = createGuards(examplePolicy);
});

describe("PolicyViolationError", () => {
  it("names the refused use and every reason with its section", () => {
    const decision = guards.canUse("newsletter", "order", { channel: "phone" });
    const error = new PolicyViolationError(decision);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PolicyViolationError");
    expect(error.decision).toBe(decision);
    expect(decision.reasons).toHaveLength(2);
    expect(error.message).toBe(
      `The policy example-shop-privacy@2024-01-31 forbids "newsletter" using "order": ${decision.reasons[0]?.message} (§3); ${decision.reasons[1]?.message} (§3)`,
    );
  });

  it("names the refused disclosure and its recipient", () => {
    const decision = guards.canShare("email", "police", { subpoena: false });
    const error = new PolicyViolationError(decision);
    expect(error.message).toBe(
      `The policy example-shop-privacy@2024-01-31 forbids sharing "email" with "police": ${decision.reasons.map((r) => `${r.message} (${r.section})`).join("; ")}`,
    );
    expect(error.message).toMatch(/ \(§4\)$/);
  });

  it("is what assertCanShare throws for a refused disclosure", () => {
    expect(() => guards.assertCanShare("order", "police")).toThrow(
      /forbids sharing "order" with "police": .* \(§4\)$/,
    );
  });
});
