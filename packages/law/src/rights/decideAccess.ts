import { gdprArticles } from "./gdprRights";
import { notifyRecipients } from "./notifyRecipients";
import type { RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/**
 * Access and rectification reach every declared category (GDPR Arts. 15, 16). A category the
 * retention rule allows no storage of holds nothing to copy or correct, and the decision says
 * so; a rectification is told to every recipient of the data (Art. 19).
 */
export function decideAccess(kit: RightsKit, c: RightCell): RightDecision {
  const rule = kit.keeping(c.category, c.jurisdiction);
  const applies = `${c.right} applies to every declared category (GDPR ${gdprArticles[c.right]})`;
  return kit.decision(c, {
    allowed: true,
    reasons: [
      kit.reason(
        "right-applies",
        rule?.neverStored
          ? `${applies}, but nothing of "${c.category}" is stored: there is nothing to act on (${rule.rule.law})`
          : applies,
        c.right,
      ),
    ],
    obligations: [
      ...(c.right === "rectification" ? notifyRecipients(kit, c) : []),
      ...kit.judged(c),
    ],
  });
}
