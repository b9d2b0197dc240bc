import { ownElements, ownFields, timeOf } from "@trunkiq/policy-core/engine";

/** One entry of an append-only consent ledger (GDPR Art. 7(1): the controller can show consent). */
export interface ConsentEvent<P extends string = string> {
  readonly subject: string;
  readonly purpose: P;
  readonly type: "granted" | "withdrawn";
  readonly at: Date;
}

/** The question {@link consentAt} answers: did `subject` consent to `purpose` at `at`? */
export interface ConsentQuery<P extends string = string> {
  readonly subject: string;
  readonly purpose: P;
  readonly at: Date;
}

/**
 * Whether consent held at a moment, from a ledger of granted/withdrawn events in any order.
 *
 * - Only events at or before `at` count: a withdrawal takes effect from its timestamp and never
 *   reaches back, and a consent given after a use does not make that use lawful (Art. 7(3)).
 * - The latest event wins; at equal timestamps a withdrawal beats a grant (fail closed).
 * - A malformed ledger or query answers `false`, never throws: an event for this subject and
 *   purpose that cannot be read might be a withdrawal.
 *
 * @category Consent
 * @example
 * const ledger = [
 *   { subject: "acct-1", purpose: "marketing", type: "granted", at: new Date("2025-01-01") },
 *   { subject: "acct-1", purpose: "marketing", type: "withdrawn", at: new Date("2025-03-01") },
 * ];
 * consentAt(ledger, { subject: "acct-1", purpose: "marketing", at: new Date("2025-02-01") }); // true
 * consentAt(ledger, { subject: "acct-1", purpose: "marketing", at: new Date("2025-03-01") }); // false
 */
export function consentAt<P extends string>(
  events: readonly ConsentEvent<P>[],
  query: ConsentQuery<P>,
): boolean {
  try {
    if (!Array.isArray(events) || query === null || typeof query !== "object") return false;
    // Own data fields only, each read once: a polluted prototype must not supply or flip an event.
    const q = ownFields(query, ["subject", "purpose", "at"], "query");
    const ledger = ownElements(events, "ledger");
    if (q.problem !== undefined || ledger.problem !== undefined) return false;
    const { subject, purpose, at } = q.fields;
    // Times are read through the intrinsic: a Date subclass or Proxy cannot lie about them.
    const moment = timeOf(at);
    if (typeof subject !== "string" || typeof purpose !== "string" || moment === undefined) {
      return false;
    }
    let latest = Number.NEGATIVE_INFINITY;
    let granted = false;
    for (const event of ledger.elements) {
      if (event === null || typeof event !== "object") return false;
      const read = ownFields(event, ["subject", "purpose", "type", "at"], "ledger event");
      if (read.problem !== undefined) return false;
      const e = read.fields;
      if (typeof e.subject !== "string" || typeof e.purpose !== "string") return false;
      if (e.subject !== subject || e.purpose !== purpose) continue;
      const t = timeOf(e.at);
      if (t === undefined || (e.type !== "granted" && e.type !== "withdrawn")) return false;
      if (t > moment) continue;
      if (t > latest) {
        latest = t;
        granted = e.type === "granted";
      } else if (t === latest && e.type === "withdrawn") {
        granted = false;
      }
    }
    return granted;
  } catch {
    return false;
  }
}
