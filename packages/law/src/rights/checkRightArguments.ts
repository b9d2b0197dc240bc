import {
  ACCESSOR,
  describe,
  INHERITED,
  isoString,
  isTime,
  ownFields,
  ownValue,
  readsPlainly,
  timeOf,
} from "@trunkiq/policy-core/engine";
import type { RightsTable } from "./decideRight";
import { gdprRights, isGdprRight } from "./gdprRights";
import type { CheckedRight, RightsKit } from "./rightsKit";

/** The fields a rights context may hold; a request holds these too. */
export const contextFields = [
  "relationshipEndedAt",
  "lastContactAt",
  "legalHold",
  "now",
  "jurisdiction",
] as const;

/** Marks a field given through a getter or a prototype, which `ownFields` then names. */
const NOT_OWN: unique symbol = Symbol("not own");

/**
 * The value of an own data property, read so that a getter never runs and, for anything but a
 * Proxy, without allocating; `undefined` when absent. The reading of `ownFields`, into a local.
 */
function ownData(value: object, name: string, plain: boolean): unknown {
  const read = ownValue(value, name, plain);
  return read === INHERITED || read === ACCESSOR ? NOT_OWN : read;
}

/** What is wrong with a right and category the table does not hold. */
function unknownIds(kit: RightsKit, right: unknown, category: unknown): string {
  const { policy } = kit;
  if (typeof right !== "string" || !Object.hasOwn(policy.rights, right)) {
    return `unknown right ${describe(right)} (declared: ${Object.keys(policy.rights).join(", ")})`;
  }
  if (!isGdprRight(right)) {
    return `the right ${describe(right)} has no GDPR semantics here (known: ${gdprRights.join(", ")})`;
  }
  return `unknown data category ${describe(category)} (declared: ${Object.keys(policy.categories).join(", ")})`;
}

/**
 * Validates the untrusted arguments of a right; a string says what is wrong. The table holds
 * exactly the declared rights with GDPR semantics, categories and jurisdictions, in `Map`s, so
 * `"__proto__"` or `"toString"` find nothing.
 */
export function checkRightArguments(
  kit: RightsKit,
  table: RightsTable,
  right: unknown,
  category: unknown,
  context: unknown,
): CheckedRight | string {
  const byCategory = typeof right === "string" ? table.get(right) : undefined;
  const byJurisdiction =
    byCategory !== undefined && typeof category === "string" ? byCategory.get(category) : undefined;
  if (byJurisdiction === undefined) return unknownIds(kit, right, category);
  const { policy } = kit;
  // INVARIANT: the table holds every right × category × jurisdiction it holds a right of.
  const fallback = policy.jurisdictions[0] as string;
  if (context === undefined) {
    return {
      right: right as CheckedRight["right"],
      category: category as string,
      jurisdiction: fallback,
      compiled: byJurisdiction.get(fallback) as CheckedRight["compiled"],
      anchor: undefined,
      legalHold: false,
      now: undefined,
    };
  }
  if (context === null || typeof context !== "object" || Array.isArray(context)) {
    return `the context must be an object, got ${describe(context)}`;
  }
  // Own data fields only, each read once: an inherited or getter-given legalHold is refused, in
  // the words of ownFields.
  const plain = readsPlainly(context);
  const endedValue = ownData(context, "relationshipEndedAt", plain);
  const contactValue = ownData(context, "lastContactAt", plain);
  const hold = ownData(context, "legalHold", plain);
  const nowValue = ownData(context, "now", plain);
  const stated = ownData(context, "jurisdiction", plain);
  if (
    endedValue === NOT_OWN ||
    contactValue === NOT_OWN ||
    hold === NOT_OWN ||
    nowValue === NOT_OWN ||
    stated === NOT_OWN
  ) {
    return ownFields(context, contextFields).problem ?? "the context could not be read";
  }
  // Dates are read once through the intrinsic: a subclass or Proxy cannot lie about its time.
  const ended = endedValue === undefined ? undefined : timeOf(endedValue);
  if (endedValue !== undefined && ended === undefined) {
    return `relationshipEndedAt must be a valid Date when given, got ${describe(endedValue)}`;
  }
  const contact = contactValue === undefined ? undefined : timeOf(contactValue);
  if (contactValue !== undefined && contact === undefined) {
    return `lastContactAt must be a valid Date when given, got ${describe(contactValue)}`;
  }
  if (ended !== undefined && contact !== undefined) {
    return "lastContactAt is for someone who never became a customer: give it or relationshipEndedAt, not both";
  }
  const anchor = ended ?? contact;
  if (hold !== undefined && typeof hold !== "boolean") {
    return `legalHold must be true or false, got ${describe(hold)}`;
  }
  const now = nowValue === undefined ? undefined : timeOf(nowValue);
  if (nowValue !== undefined && now === undefined) {
    return `now must be a valid Date when given, got ${describe(nowValue)}`;
  }
  // Only an omitted jurisdiction means the default one: null is a mistake, not a choice.
  const jurisdiction = stated === undefined ? fallback : stated;
  const compiled = typeof jurisdiction === "string" ? byJurisdiction.get(jurisdiction) : undefined;
  if (compiled === undefined) {
    return `unknown jurisdiction ${describe(jurisdiction)} (declared: ${policy.jurisdictions.join(", ")})`;
  }
  // The keeping ends at the relationship's end plus a period: past the Date range, no answer holds.
  const keeping = compiled.keeping;
  if (anchor !== undefined && keeping !== null && anchor > keeping.representableUpTo) {
    const due = keeping.due(anchor);
    if (due !== null && !isTime(due)) {
      const field = ended === undefined ? "lastContactAt" : "relationshipEndedAt";
      return `${field} ${isoString(anchor)} plus the retention period of "${category}" is past the last representable date`;
    }
  }
  return {
    right: right as CheckedRight["right"],
    category: category as string,
    jurisdiction: jurisdiction as string,
    compiled,
    anchor,
    legalHold: hold === true,
    now,
  };
}
