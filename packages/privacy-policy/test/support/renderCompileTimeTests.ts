import { policyMatrix } from "@trunkiq/policy-core";
import { policy } from "../../src/policy";

/**
 * The type-test file that proves, pair by pair, that what the policy never permits does not
 * compile and everything else does. Generated from the declaration, so it cannot go stale.
 */
export function renderCompileTimeTests(): string {
  const m = policyMatrix(policy);
  // A pair whose answer differs by jurisdiction compiles only when asked with one.
  const byJurisdiction = (
    call: string,
    question: string,
    cell: { jurisdictions: object } | undefined,
  ) =>
    cell && Object.keys(cell.jurisdictions).length > 0
      ? [
          `    // @ts-expect-error: ${question} depends on the jurisdiction`,
          `    ${call});`,
          `    ${call}, { jurisdiction: "${policy.jurisdictions[0]}" });`,
        ]
      : [`    ${call});`];
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
      lines.push(...byJurisdiction(`canUse("${p}", "${c}"`, `"${p}" using "${c}"`, cell));
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
      lines.push(...byJurisdiction(`canShare("${c}", "${r}"`, `sharing "${c}" with "${r}"`, cell));
    }
  }
  lines.push("  });", "});");
  return `${lines.join("\n")}\n`;
}
