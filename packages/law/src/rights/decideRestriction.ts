import { gdprArticles } from "./gdprRights";
import { notifyRecipients } from "./notifyRecipients";
import type { RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/**
 * Restriction is allowed, with the duty to record its ground and to warn before lifting it
 * (Art. 18), and to tell every recipient of the data (Art. 19).
 */
export function decideRestriction(kit: RightsKit, c: RightCell): RightDecision {
  return kit.decision(c, {
    allowed: true,
    reasons: [
      kit.reason(
        "right-applies",
        `restriction of processing (GDPR ${gdprArticles[c.right]})`,
        c.right,
      ),
    ],
    obligations: [
      kit.obligation(
        "establish-restriction-ground",
        "record which ground of GDPR Art. 18(1)(a)–(d) the restriction rests on",
        c.right,
      ),
      kit.obligation(
        "notify-before-lifting",
        "tell the data subject before the restriction is lifted (GDPR Art. 18(3))",
        c.right,
      ),
      ...notifyRecipients(kit, c),
      ...kit.judged(c),
    ],
  });
}
