import { renderPolicyMatrix } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import { canShare, canUse, type DataCategory, type Purpose, policy, type Recipient } from "../src";
import { renderCompileTimeTests } from "./support/renderCompileTimeTests";

describe("generated documents", () => {
  it("keeps docs/policy-matrix.md in step with the declaration", async () => {
    await expect(renderPolicyMatrix(policy)).toMatchFileSnapshot("../../../docs/policy-matrix.md");
  });

  it("keeps the compile-time test of every pair in step with the declaration", async () => {
    await expect(renderCompileTimeTests()).toMatchFileSnapshot("./allPairs.generated.test-d.ts");
  });

  it("lists as forbidden at compile time exactly the pairs no context allows at runtime", () => {
    const fields = Object.entries(policy.contextFields);
    // Every combination of every declared field's values: the finite context space.
    const contexts = fields.reduce<Record<string, unknown>[]>(
      (acc, [name, field]) =>
        acc.flatMap((ctx) =>
          (field.kind === "flag" ? [false, true] : field.values).map((v) => ({
            ...ctx,
            [name]: v,
          })),
        ),
      policy.jurisdictions.map((jurisdiction) => ({ jurisdiction })),
    );
    const generated = renderCompileTimeTests();
    for (const p of Object.keys(policy.purposes) as Purpose[]) {
      for (const c of Object.keys(policy.categories) as DataCategory[]) {
        const someContextAllows = contexts.some((ctx) => canUse(p, c, ctx as never).allowed);
        expect(
          generated.includes(`// @ts-expect-error: "${p}" may never use "${c}"`),
          `${p} × ${c}`,
        ).toBe(!someContextAllows);
      }
    }
    for (const c of Object.keys(policy.categories) as DataCategory[]) {
      for (const r of Object.keys(policy.recipients) as Recipient[]) {
        const someContextAllows = contexts.some((ctx) => canShare(c, r, ctx as never).allowed);
        expect(
          generated.includes(`// @ts-expect-error: "${c}" may never be shared with "${r}"`),
          `${c} × ${r}`,
        ).toBe(!someContextAllows);
      }
    }
  });
});
