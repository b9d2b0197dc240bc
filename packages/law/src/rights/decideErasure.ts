import { isoString } from "@trunkiq/policy-core/engine";
import { notifyRecipients } from "./notifyRecipients";
import type { CheckedRight, Keeping, RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

/** The erasure of one category in one jurisdiction, compiled: every answer that needs no date. */
export interface ErasureRule {
  /** A legal hold keeps the data for legal claims until it is lifted (Art. 17(3)(e)). */
  readonly held: RightDecision;
  /** Nothing keeps the data: erase it (Art. 17(1)). */
  readonly free: RightDecision;
  /**
   * The legal obligation (Art. 17(3)(b)) or the keeping for legal claims (17(3)(e)) of the
   * category in this jurisdiction, if any.
   */
  readonly kept: {
    readonly keeping: Keeping;
    /** The relationship is open, so the period has not started. */
    readonly notStarted: RightDecision;
    /** The period runs until `due` (ms; `null`: no date yet). */
    running(due: number | null): RightDecision;
  } | null;
}

/**
 * Erasure (Art. 17) yields to a legal hold (17(3)(e)), to a legal-obligation retention period
 * running in the subject's jurisdiction (17(3)(b)) and to a period the declaration keeps the data
 * for legal claims (17(3)(e)), and says until when; meanwhile the data is restricted (Art. 18).
 * Either way every recipient of the data is told (Art. 19). Compiled once per category and
 * jurisdiction; only the date of a running period is left to the call.
 */
export function compileErasure(kit: RightsKit, c: RightCell): ErasureRule {
  const restrictUntil = `restrict processing of "${c.category}" (GDPR Art. 18) and delete it when the keeping ends`;
  const restrict = (until: string) =>
    kit.obligation("restrict-processing", restrictUntil + until, c.right);
  const notify = notifyRecipients(kit, c);
  const refuse = (
    until: Date | null,
    code: "legal-hold" | "retention-not-started" | "retention-running",
    message: string,
    iso = "",
  ) =>
    kit.decision(c, {
      allowed: false,
      until,
      reasons: [kit.reason(code, message, c.right)],
      obligations: [restrict(iso), ...notify],
    });
  const held = refuse(
    null,
    "legal-hold",
    "a legal hold keeps the data for legal claims until it is lifted (GDPR Art. 17(3)(e))",
  );
  const free = kit.decision(c, {
    allowed: true,
    reasons: [
      kit.reason(
        "right-applies",
        `no legal obligation or legal hold keeps "${c.category}" in ${c.jurisdiction} (GDPR Art. 17(1))`,
        c.right,
      ),
    ],
    obligations: [...notify, ...kit.judged(c)],
  });
  const keeping = kit.keeping(c.category, c.jurisdiction);
  if (!(keeping?.legal || keeping?.claims)) return { held, free, kept: null };
  const law = ` (${keeping.rule.law}; GDPR Art. 17(3)(${keeping.legal ? "b" : "e"}))`;
  const keeps = keeping.legal
    ? `a legal obligation keeps "${c.category}"`
    : `"${c.category}" is kept for legal claims`;
  const newRecords =
    keeping.rule.anchor === "collection" ? ", so new records still start their own periods" : "";
  const notStarted = refuse(
    null,
    "retention-not-started",
    `${keeps} and its period has not started: the relationship is still open${newRecords}${law}`,
  );
  const undated = refuse(null, "retention-running", keeps + law);
  return {
    held,
    free,
    kept: {
      keeping,
      notStarted,
      running: (due) => {
        if (due === null) return undated;
        const iso = isoString(due);
        return refuse(
          new Date(due),
          "retention-running",
          `${keeps} until ${iso}${law}`,
          ` (${iso})`,
        );
      },
    },
  };
}

/** Erasure for a checked request, from its compiled rule. */
export function decideErasure(rule: ErasureRule, c: CheckedRight): RightDecision {
  if (c.legalHold) return rule.held;
  const kept = rule.kept;
  if (kept === null) return rule.free;
  if (c.anchor === undefined) return kept.notStarted;
  const due = kept.keeping.due(c.anchor);
  return due === null || (c.now ?? Date.now()) < due ? kept.running(due) : rule.free;
}
