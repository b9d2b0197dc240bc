import type { Obligation, Reason } from "@trunkiq/policy-core";
import type { RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/**
 * Objection to direct marketing always wins (Art. 21(2)–(3)); to legitimate-interest processing
 * it is allowed with the duty to assess compelling grounds (Art. 21(1)); nothing else is covered.
 */
export function decideObjection(kit: RightsKit, c: RightCell): RightDecision {
  const using = kit.purposesUsing(c.category);
  const direct = using.filter((p) => kit.marketing.has(p.id)).map((p) => p.id);
  const interest = using
    .filter((p) => p.kind === "legitimate-interest" && !kit.marketing.has(p.id))
    .map((p) => p.id);
  if (direct.length === 0 && interest.length === 0) {
    return kit.decision(c, {
      allowed: false,
      reasons: [
        kit.reason(
          "right-not-applicable",
          `no legitimate-interest or direct-marketing purpose uses "${c.category}": objection covers only such processing (GDPR Art. 21(1)–(2))`,
          c.right,
        ),
      ],
    });
  }
  const reasons: Reason[] = [];
  const obligations: Obligation[] = [];
  if (direct.length > 0) {
    const names = direct.join(", ");
    reasons.push(
      kit.reason(
        "right-applies",
        `objection to direct marketing (${names}) always wins (GDPR Art. 21(2)–(3))`,
        c.right,
      ),
    );
    obligations.push(
      kit.obligation(
        "stop-direct-marketing",
        `stop processing "${c.category}" for ${names} (GDPR Art. 21(3))`,
        c.right,
      ),
    );
  }
  if (interest.length > 0) {
    const names = interest.join(", ");
    reasons.push(
      kit.reason(
        "right-applies",
        `objection to legitimate-interest processing (${names}) (GDPR Art. 21(1))`,
        c.right,
      ),
    );
    obligations.push(
      kit.obligation(
        "assess-compelling-grounds",
        `stop ${names} unless compelling legitimate grounds override the subject's interests or legal claims require it; restrict meanwhile (GDPR Arts. 21(1), 18(1)(d))`,
        c.right,
      ),
    );
  }
  return kit.decision(c, {
    allowed: true,
    purposes: [...direct, ...interest],
    reasons,
    obligations: [...obligations, ...kit.judged(c)],
  });
}
