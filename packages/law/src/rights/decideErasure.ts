import type { CheckedRight, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/**
 * Erasure (Art. 17) yields to a legal hold (17(3)(e)) and to a legal-obligation retention period
 * running in the subject's jurisdiction (17(3)(b)), and says until when; meanwhile the data is
 * restricted (Art. 18).
 */
export function decideErasure(kit: RightsKit, c: CheckedRight): RightDecision {
  const restrict = (until: Date | null) =>
    kit.obligation(
      "restrict-processing",
      `restrict processing of "${c.category}" (GDPR Art. 18) and delete it when the keeping ends${until ? ` (${until.toISOString()})` : ""}`,
      c.right,
    );
  const refuse = (
    until: Date | null,
    code: "legal-hold" | "retention-not-started" | "retention-running",
    message: string,
  ) =>
    kit.decision(c, {
      allowed: false,
      until,
      reasons: [kit.reason(code, message, c.right)],
      obligations: [restrict(until)],
    });
  if (c.legalHold) {
    return refuse(
      null,
      "legal-hold",
      "a legal hold keeps the data for legal claims until it is lifted (GDPR Art. 17(3)(e))",
    );
  }
  const kept = kit.keeping(c);
  if (kept?.legal) {
    const law = `${kept.rule.law}; GDPR Art. 17(3)(b)`;
    if (kept.decided === null) {
      const newRecords =
        kept.rule.anchor === "collection" ? ", so new records still start their own periods" : "";
      return refuse(
        null,
        "retention-not-started",
        `a legal obligation keeps "${c.category}" and its period has not started: the relationship is still open${newRecords} (${law})`,
      );
    }
    const until = kept.decided.until;
    if (until === null || !kept.decided.expired) {
      const when = until ? ` until ${until.toISOString()}` : "";
      return refuse(
        until,
        "retention-running",
        `a legal obligation keeps "${c.category}"${when} (${law})`,
      );
    }
  }
  return kit.decision(c, {
    allowed: true,
    reasons: [
      kit.reason(
        "right-applies",
        `no legal obligation or legal hold keeps "${c.category}" in ${c.jurisdiction} (GDPR Art. 17(1))`,
        c.right,
      ),
    ],
    obligations: kit.judged(c),
  });
}
