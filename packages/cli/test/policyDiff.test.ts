import type { Policy } from "@trunkiq/policy-core";
import { definePolicy } from "@trunkiq/policy-core/schemas";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { diffPolicies } from "../src";

const cite = { section: "§3", text: "a sentence of the policy" };

/** The example policy whose newsletter needs twelve flags named with `prefix`. */
function newsletterNeeding(prefix: string): Policy {
  const p = structuredClone(examplePolicy) as unknown as {
    contextFields: Record<string, unknown>;
    conditions: Record<string, unknown>;
    purposes: { newsletter: { uses: Record<string, unknown> } };
  };
  const names = Array.from({ length: 12 }, (_, i) => `${prefix}${i}`);
  for (const name of names) {
    p.contextFields[name] = { kind: "flag", appliesTo: ["use"], description: name };
    p.conditions[name] = { ...cite, field: name };
  }
  p.purposes.newsletter.uses.email = { when: names };
  return definePolicy(p as never) as Policy;
}

describe("diffPolicies", () => {
  it("refuses, naming the pair and the limit, a pair whose two versions read too many combinations together", () => {
    expect(() => diffPolicies(newsletterNeeding("a"), newsletterNeeding("b"))).toThrow(
      /^use newsletter → email reads \d+ combinations of context values across both versions; a diff asks at most 1048576$/,
    );
  });

  it("widens the one question where the newsletter's new flags all hold without consent", () => {
    const before = examplePolicy as unknown as Policy;
    const changes = diffPolicies(before, newsletterNeeding("a"));
    const widened = changes.filter((c) => c.kind === "widening");
    expect(widened.map((c) => c.what)).toEqual(["use newsletter → email"]);
    // Before, the newsletter needed consent; after, twelve flags and not consent.
    expect(widened[0]?.questions).toHaveLength(1);
    const [question] = widened[0]?.questions ?? [];
    expect(Object.values(question?.context ?? {}).filter((v) => v === true)).toHaveLength(12);
    expect(question?.context.consent).toBe(false);
    expect(question?.omitted).toEqual([]);
  });
});
