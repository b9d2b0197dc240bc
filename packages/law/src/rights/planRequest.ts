import { describe, ownElements, ownFields, readDate } from "@trunkiq/policy-core/engine";
import { responseDeadline, responseLaws } from "../responseDeadline";
import { checkRightArguments, contextFields } from "./checkRightArguments";
import { decideRight, type RightsTable } from "./decideRight";
import type { CheckedRight, RightsKit } from "./rightsKit";
import type {
  InvalidRequestPlan,
  PlannedAction,
  RequestAction,
  RequestPlan,
  RightDecision,
} from "./types";

const requestFields = ["receivedAt", "categories", ...contextFields] as const;

/** A refused plan: nothing to do, and the reason names what was wrong with the request. */
export function invalidPlan(kit: RightsKit, right: unknown, problem: string): InvalidRequestPlan {
  return Object.freeze({
    valid: false as const,
    right: typeof right === "string" ? right : describe(right),
    receivedAt: null,
    deadline: null,
    extendedDeadline: null,
    actions: Object.freeze([]) as readonly [],
    reasons: Object.freeze([kit.reason("invalid-input", problem)]),
    policy: kit.policyRef,
  });
}

/** What a plan does with one category, given the decision of the right on it. */
function actionsFor(kit: RightsKit, d: RightDecision, c: CheckedRight): PlannedAction[] {
  const step = (
    action: RequestAction,
    until?: Date | null,
    purposes?: readonly string[],
  ): PlannedAction =>
    Object.freeze({
      category: d.category,
      action,
      ...(until === undefined ? {} : { until }),
      ...(purposes === undefined ? {} : { purposes: Object.freeze([...purposes]) }),
      reasons: d.reasons,
      obligations: d.obligations,
    });
  const keepUntil = () => {
    const due = c.anchor === undefined ? null : (c.compiled.keeping?.due(c.anchor) ?? null);
    return due === null ? null : new Date(due);
  };
  // Data processed for a customer is the customer's to answer for (Arts. 28(3)(e), 29).
  if (kit.processorFor.has(c.category)) return [step("refer")];
  const nothingHeld = c.compiled.keeping?.neverStored === true;
  switch (c.right) {
    case "access":
      return [step(nothingHeld ? "none" : "export")];
    case "portability":
      if (!d.allowed) return [step("keep", keepUntil())];
      return [step(nothingHeld ? "none" : "export")];
    case "rectification":
      return [step("rectify")];
    case "restriction":
      return [step("restrict", null)];
    case "erasure":
      return [d.allowed ? step("delete") : step("restrict", d.until)];
    case "objection": {
      if (!d.allowed) return [step("keep", keepUntil())];
      // Processing stops "for such purposes" (Art. 21(3)), not for the category as a whole:
      // direct marketing stops outright; legitimate interests are restricted pending the
      // assessment of compelling grounds (Art. 18(1)(d)). Other purposes go on.
      const direct = d.purposes.filter((p) => kit.marketing.has(p));
      const interest = d.purposes.filter((p) => !kit.marketing.has(p));
      return [
        ...(direct.length > 0 ? [step("stop", undefined, direct)] : []),
        ...(interest.length > 0 ? [step("restrict", null, interest)] : []),
      ];
    }
  }
}

/** The deadlines of a request in a jurisdiction, or what keeps them from being known. */
function deadlinesFor(
  kit: RightsKit,
  jurisdiction: unknown,
  receivedAt: Date,
): { deadline: Date; extendedDeadline: Date; reason: string } | string {
  const { policy } = kit;
  if (jurisdiction === undefined) {
    return `jurisdiction is required: the deadline and the duties to keep data differ by law (declared: ${policy.jurisdictions.join(", ")})`;
  }
  if (typeof jurisdiction !== "string" || !policy.jurisdictions.includes(jurisdiction)) {
    return `unknown jurisdiction ${describe(jurisdiction)} (declared: ${policy.jurisdictions.join(", ")})`;
  }
  const law = kit.responseLaws.get(jurisdiction);
  if (law === undefined) {
    return `jurisdiction "${jurisdiction}" has no response deadline law configured (responseLaws)`;
  }
  const deadlines = responseDeadline(receivedAt, law);
  if (deadlines === null) return "receivedAt is out of the date range";
  const { law: cited, extension } = responseLaws[law];
  return {
    ...deadlines,
    reason: `answer by ${deadlines.deadline.toISOString()}, or by ${deadlines.extendedDeadline.toISOString()} if extended ${extension} (${cited})`,
  };
}

/**
 * Plans an untrusted request: the deadlines of the law of its jurisdiction (GDPR Art. 12(3),
 * Cal. Civ. Code 1798.130(a)(2)(A)) and the actions per category. Anything malformed, a missing
 * jurisdiction included, gives an invalid plan naming the field; nothing here throws.
 */
export function planRequest(
  kit: RightsKit,
  table: RightsTable,
  request: unknown,
): RequestPlan | InvalidRequestPlan {
  const { policy } = kit;
  let right: unknown;
  try {
    if (request === null || typeof request !== "object" || Array.isArray(request)) {
      return invalidPlan(kit, undefined, `the request must be an object, got ${describe(request)}`);
    }
    // Only own data fields count, as in a context: a polluted prototype must not end a relationship.
    // The right first, so a refusal of the other fields can still name it.
    const head = ownFields(request, ["right"], "request");
    if (head.problem !== undefined) return invalidPlan(kit, undefined, head.problem);
    right = head.fields.right;
    const read = ownFields(request, requestFields, "request");
    if (read.problem !== undefined) return invalidPlan(kit, right, read.problem);
    const r = read.fields;
    const receivedAt = readDate(r.receivedAt);
    if (receivedAt === undefined) {
      return invalidPlan(
        kit,
        right,
        `receivedAt must be a valid Date, got ${describe(r.receivedAt)}`,
      );
    }
    const deadlines = deadlinesFor(kit, r.jurisdiction, receivedAt);
    if (typeof deadlines === "string") return invalidPlan(kit, right, deadlines);
    // Only omitted categories mean all of them: a null list must not plan erasing everything.
    const listed = r.categories;
    const requested = listed === undefined ? Object.keys(policy.categories) : listed;
    if (!Array.isArray(requested) || requested.length === 0) {
      return invalidPlan(
        kit,
        right,
        `categories must be a non-empty array, got ${describe(requested)}`,
      );
    }
    const categories = ownElements(requested, "categories");
    if (categories.problem !== undefined) return invalidPlan(kit, right, categories.problem);
    const context = {
      relationshipEndedAt: r.relationshipEndedAt,
      lastContactAt: r.lastContactAt,
      legalHold: r.legalHold,
      jurisdiction: r.jurisdiction,
      now: r.now === undefined ? receivedAt : r.now,
    };
    const actions: PlannedAction[] = [];
    for (const category of new Set(categories.elements)) {
      const checked = checkRightArguments(kit, table, right, category, context);
      if (typeof checked === "string") return invalidPlan(kit, right, checked);
      actions.push(...actionsFor(kit, decideRight(checked), checked));
    }
    return Object.freeze({
      valid: true as const,
      right: right as string,
      jurisdiction: r.jurisdiction as string,
      receivedAt,
      deadline: deadlines.deadline,
      extendedDeadline: deadlines.extendedDeadline,
      actions: Object.freeze(actions),
      reasons: Object.freeze([kit.reason("right-applies", deadlines.reason, right as string)]),
      policy: kit.policyRef,
    });
  } catch {
    return invalidPlan(kit, right, "the request could not be read");
  }
}
