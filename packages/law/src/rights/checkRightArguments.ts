import { describe, ownFields, readDate } from "@trunkiq/policy-core/engine";
import { gdprRights, isGdprRight } from "./gdprRights";
import type { CheckedRight, RightsKit } from "./rightsKit";

/** The fields a rights context may hold; a request holds these too. */
export const contextFields = ["relationshipEndedAt", "legalHold", "now", "jurisdiction"] as const;

/** Validates the untrusted arguments of a right; a string says what is wrong. */
export function checkRightArguments(
  kit: RightsKit,
  right: unknown,
  category: unknown,
  context: unknown,
): CheckedRight | string {
  const { policy } = kit;
  if (typeof right !== "string" || !Object.hasOwn(policy.rights, right)) {
    return `unknown right ${describe(right)} (declared: ${Object.keys(policy.rights).join(", ")})`;
  }
  if (!isGdprRight(right)) {
    return `the right ${describe(right)} has no GDPR semantics here (known: ${gdprRights.join(", ")})`;
  }
  if (typeof category !== "string" || !Object.hasOwn(policy.categories, category)) {
    return `unknown data category ${describe(category)} (declared: ${Object.keys(policy.categories).join(", ")})`;
  }
  if (
    context !== undefined &&
    (context === null || typeof context !== "object" || Array.isArray(context))
  ) {
    return `the context must be an object, got ${describe(context)}`;
  }
  // Own data fields only, each read once: an inherited or getter-given legalHold is refused.
  const read = context === undefined ? undefined : ownFields(context, contextFields);
  if (read?.problem !== undefined) return read.problem;
  // Dates are read once through the intrinsic: a subclass or Proxy cannot lie about its time.
  const endedValue = read?.fields.relationshipEndedAt;
  const ended = endedValue === undefined ? undefined : readDate(endedValue);
  if (endedValue !== undefined && ended === undefined) {
    return `relationshipEndedAt must be a valid Date when given, got ${describe(endedValue)}`;
  }
  const hold = read?.fields.legalHold;
  if (hold !== undefined && typeof hold !== "boolean") {
    return `legalHold must be true or false, got ${describe(hold)}`;
  }
  const nowValue = read?.fields.now;
  const now = nowValue === undefined ? new Date() : readDate(nowValue);
  if (now === undefined) return `now must be a valid Date when given, got ${describe(nowValue)}`;
  // Only an omitted jurisdiction means the default one: null is a mistake, not a choice.
  const stated = read?.fields.jurisdiction;
  const jurisdiction = stated === undefined ? policy.jurisdictions[0] : stated;
  if (typeof jurisdiction !== "string" || !policy.jurisdictions.includes(jurisdiction)) {
    return `unknown jurisdiction ${describe(jurisdiction)} (declared: ${policy.jurisdictions.join(", ")})`;
  }
  // The keeping ends at the relationship's end plus a period: past the Date range, no answer holds.
  if (ended !== undefined && Object.hasOwn(policy.retention, category)) {
    const kept = kit.retention.retentionFor(category, {
      collectedAt: ended,
      relationshipEndedAt: ended,
      jurisdiction,
      now,
    });
    if (kept.rule !== null && kept.reasons[0]?.code === "invalid-input") {
      return `relationshipEndedAt ${ended.toISOString()} plus the retention period of "${category}" is past the last representable date`;
    }
  }
  return {
    right,
    category,
    jurisdiction,
    relationshipEndedAt: ended,
    legalHold: hold === true,
    now,
  };
}
