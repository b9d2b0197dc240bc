import type { RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/** Portability covers a category some consent- or contract-based purpose uses (Art. 20(1)(a)). */
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
  return kit.decision(c, {
    allowed: true,
    purposes,
    reasons: [
      kit.reason(
        "right-applies",
        `processed on consent or contract by ${purposes.join(", ")} (GDPR Art. 20(1)(a))`,
        c.right,
      ),
    ],
    obligations: kit.judged(c),
  });
}
