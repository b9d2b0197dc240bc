import { contextSpace, renderPolicyMatrix } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import { type Category, canShare, canUse, type Purpose, policy, type Recipient } from "../src";
import { renderCompileTimeTests } from "./support/renderCompileTimeTests";

describe("generated documents", () => {
  it("keeps docs/policy-matrix.md in step with the declaration", async () => {
    await expect(renderPolicyMatrix(policy)).toMatchFileSnapshot("../../../docs/policy-matrix.md");
  });

  it("keeps the compile-time test of every pair in step with the declaration", async () => {
    await expect(renderCompileTimeTests()).toMatchFileSnapshot("./allPairs.generated.test-d.ts");
  });

  it("lists as forbidden at compile time exactly the pairs no context allows at runtime", () => {
    const generated = renderCompileTimeTests();
    for (const p of Object.keys(policy.purposes) as Purpose[]) {
      for (const c of Object.keys(policy.categories) as Category[]) {
        const someContextAllows = contextSpace(policy, "use", { purpose: p, category: c }).some(
          (ctx) => canUse(p, c, ctx as never).allowed,
        );
        expect(
          generated.includes(`// @ts-expect-error: "${p}" may never use "${c}"`),
          `${p} × ${c}`,
        ).toBe(!someContextAllows);
      }
    }
    for (const c of Object.keys(policy.categories) as Category[]) {
      for (const r of Object.keys(policy.recipients) as Recipient[]) {
        const someContextAllows = contextSpace(policy, "share", { category: c, recipient: r }).some(
          (ctx) => canShare(c, r, ctx as never).allowed,
        );
        expect(
          generated.includes(`// @ts-expect-error: "${c}" may never be shared with "${r}"`),
          `${c} × ${r}`,
        ).toBe(!someContextAllows);
      }
    }
  });
});
