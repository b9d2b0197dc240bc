import { type Decision, explain } from "@trunkiq/policy-core";

const isDecision = (value: unknown): value is Decision =>
  typeof value === "object" &&
  value !== null &&
  ((value as { kind?: unknown }).kind === "use" ||
    (value as { kind?: unknown }).kind === "share") &&
  Array.isArray((value as { reasons?: unknown }).reasons);

/**
 * Renders a decision for a test failure: the verdict, the basis, each reason with its code and
 * the policy section and sentence it cites, the obligations and the policy version. Anything
 * that is not a decision is shown as JSON, so a broken guard still produces a readable message.
 *
 * @category Asserting
 * @example
 * formatDecision(canUse("marketing", "account"));
 * // DENIED: "marketing" using "account"
 * //   - [condition-unmet] "marketing" using "account" requires "consent" … [§3: "…"]
 * //   policy trunkiq-privacy-policy@2025-07-07
 */
export function formatDecision(decision: unknown): string {
  if (!isDecision(decision)) {
    try {
      return `not a decision: ${JSON.stringify(decision)}`;
    } catch {
      return `not a decision: ${String(typeof decision)}`;
    }
  }
  const codes = decision.reasons.map((r) => r.code);
  // explain() prints one line per reason in order; prefix each with its stable code.
  let index = 0;
  return explain(decision)
    .split("\n")
    .map((line) => (line.startsWith("  - ") ? `  - [${codes[index++]}] ${line.slice(4)}` : line))
    .join("\n");
}
