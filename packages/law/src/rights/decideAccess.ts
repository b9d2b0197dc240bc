import { gdprArticles } from "./gdprRights";
import type { RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/** Access and rectification reach every declared category (GDPR Arts. 15, 16). */
export function decideAccess(kit: RightsKit, c: RightCell): RightDecision {
  return kit.decision(c, {
    allowed: true,
    reasons: [
      kit.reason(
        "right-applies",
        `${c.right} applies to every declared category (GDPR ${gdprArticles[c.right]})`,
        c.right,
      ),
    ],
    obligations: kit.judged(c),
  });
}
