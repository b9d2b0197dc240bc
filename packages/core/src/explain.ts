import type { Decision, Obligation, PolicyRef, Reason } from "./decision";
import { questionText } from "./internal/questionText";
import type { RetentionCutoff, RetentionDecision } from "./retention";

/** Every kind of decision the engine's guards return. */
export type AnyDecision = Decision | RetentionDecision | RetentionCutoff;

/** What every decision carries below its headline, whichever guard made it. */
export interface ExplainableDecision {
  readonly reasons: readonly Reason[];
  readonly obligations?: readonly Obligation[];
  readonly policy: PolicyRef;
}

/**
 * A decision as text under the given headline lines: every reason with its section and sentence,
 * the obligations and the policy version. Guards built on the engine render theirs through it.
 */
export function explainWith(headline: readonly string[], decision: ExplainableDecision): string {
  const lines = [...headline];
  for (const reason of decision.reasons) {
    lines.push(`  - ${reason.message} [${reason.section}: "${reason.text}"]`);
  }
  for (const obligation of decision.obligations ?? []) {
    lines.push(`  must: ${obligation.id}: ${obligation.message} [${obligation.section}]`);
  }
  lines.push(`  policy ${decision.policy.id}@${decision.policy.version}`);
  return lines.join("\n");
}

/**
 * Renders any decision as a few lines of plain text for logs, tickets and the CLI: the verdict,
 * the jurisdiction whose rule decided, the basis and the law it rests on, every reason with its
 * section and the sentence it comes from, the obligations and the policy version. The law
 * package's `explain` renders its own decisions too and hands these to this one.
 *
 * @category Explaining
 * @example
 * console.log(explain(canUse("marketing", "account")));
 * // DENIED: "marketing" using "account"
 * //   - "marketing" using "account" requires "consent" (consent = true) [§3: "With Your Consent (Consent)"]
 * //   policy trunkiq-privacy-policy@2025-07-07
 */
export function explain(decision: AnyDecision): string {
  const lines: string[] = [];
  switch (decision.kind) {
    case "use":
    case "share": {
      const question =
        decision.kind === "use"
          ? questionText("use", decision.purpose, decision.category)
          : questionText("share", decision.recipient, decision.category);
      // Which jurisdiction's rule decided, and under which law, where the policy says.
      const where = decision.jurisdiction ? ` (${decision.jurisdiction})` : "";
      lines.push(`${decision.allowed ? "ALLOWED" : "DENIED"}: ${question}${where}`);
      if (decision.allowed)
        lines.push(`  basis: ${decision.basis}${decision.law ? ` (${decision.law})` : ""}`);
      else if (decision.law) lines.push(`  law: ${decision.law}`);
      break;
    }
    case "retention":
      lines.push(
        `${decision.expired ? "EXPIRED" : "KEEP"}: "${decision.category}" (${decision.jurisdiction})` +
          (decision.until
            ? `, due for deletion ${decision.until.toISOString()}`
            : ", no deletion date"),
      );
      if (decision.rule) lines.push(`  basis: ${decision.rule.basis} (${decision.rule.law})`);
      break;
    case "retention-cutoff":
      lines.push(
        `CUTOFF: "${decision.category}" (${decision.jurisdiction})` +
          (decision.cutoff
            ? `, ${decision.anchor} before ${decision.cutoff.toISOString()}`
            : ", none: delete nothing"),
      );
      break;
  }
  return explainWith(lines, decision);
}
