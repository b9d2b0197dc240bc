import type { RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/**
 * Portability covers a category some consent- or contract-based purpose uses (Art. 20(1)(a));
 * a category never stored holds nothing to export, and the decision says so.
 */
export function decidePortability(kit: RightsKit, c: RightCell): RightDecision {
  const purposes = kit
    .purposesUsing(c.category)
    .filter((p) => p.kind === "consent" || p.kind === "contract")
    .map((p) => p.id);
  if (purposes.length === 0) {
    return kit.decision(c, {
      allowed: false,
      reasons: [
        kit.reason(
          "right-not-applicable",
          `no consent- or contract-based purpose uses "${c.category}": portability covers only such processing (GDPR Art. 20(1)(a))`,
          c.right,
        ),
      ],
    });
  }
  const rule = kit.keeping(c.category, c.jurisdiction);
  const applies = `processed on consent or contract by ${purposes.join(", ")} (GDPR Art. 20(1)(a))`;
  return kit.decision(c, {
    allowed: true,
    purposes,
    reasons: [
      kit.reason(
        "right-applies",
        rule?.neverStored
          ? `${applies}, but nothing of "${c.category}" is stored: there is nothing to export (${rule.rule.law})`
          : applies,
        c.right,
      ),
    ],
    obligations: kit.judged(c),
  });
}
