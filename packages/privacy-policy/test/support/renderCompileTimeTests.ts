import { policyMatrix } from "@trunkiq/policy-core";
import { policy } from "../../src/policy";

/**
 * The type-test file that proves, pair by pair, that what the policy never permits does not
 * compile and everything else does. Generated from the declaration, so it cannot go stale.
 */
export function renderCompileTimeTests(): string {
  const m = policyMatrix(policy);
  const lines = [
    "// Generated from the policy declaration by renderCompileTimeTests: do not edit by hand.",
    'import { describe, it } from "vitest";',
    'import { canShare, canUse } from "../src";',
    "",
    'describe("compile time agrees with the policy matrix", () => {',
    '  it("compiles a literal use exactly when some context permits it (§3)", () => {',
  ];
  for (const p of m.purposes) {
    for (const c of m.categories) {
      const cell = m.uses[p]?.[c];
      if (!cell?.permitted)
        lines.push(`    // @ts-expect-error: "${p}" may never use "${c}" (${cell?.section})`);
      lines.push(`    canUse("${p}", "${c}");`);
    }
  }
  lines.push(
    "  });",
    "",
    '  it("compiles a literal share exactly when some context permits it (§4)", () => {',
  );
  for (const c of m.categories) {
    for (const r of m.recipients) {
      const cell = m.shares[c]?.[r];
      if (!cell?.permitted)
        lines.push(
          `    // @ts-expect-error: "${c}" may never be shared with "${r}" (${cell?.section})`,
        );
      lines.push(`    canShare("${c}", "${r}");`);
    }
  }
  lines.push("  });", "});");
  return `${lines.join("\n")}\n`;
}
