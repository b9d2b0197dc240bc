import { describe, ownElements, ownFields, readDate } from "@trunkiq/policy-core/engine";
import { responseDeadline } from "../responseDeadline";
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
function actionFor(kit: RightsKit, d: RightDecision, c: CheckedRight): PlannedAction {
  const step = (action: RequestAction, until?: Date | null): PlannedAction =>
    Object.freeze({
      category: d.category,
      action,
      ...(until === undefined ? {} : { until }),
      reasons: d.reasons,
      obligations: d.obligations,
    });
  const keepUntil = () => {
    const ended = c.relationshipEndedAt;
    const due =
      ended === undefined ? null : (kit.keeping(c.category, c.jurisdiction)?.due(ended) ?? null);
    return due === null ? null : new Date(due);
  };
  switch (c.right) {
    case "access":
      return step("export");
    case "portability":
      return d.allowed ? step("export") : step("keep", keepUntil());
    case "rectification":
      return step("rectify");
    case "restriction":
      return step("restrict", null);
    case "erasure":
      return d.allowed ? step("delete") : step("restrict", d.until);
    case "objection":
      if (!d.allowed) return step("keep", keepUntil());
      // Direct marketing stops outright; legitimate interests are restricted pending the
      // assessment of compelling grounds (Art. 18(1)(d)).
      return d.obligations.some((o) => o.id === "stop-direct-marketing")
        ? step("stop")
        : step("restrict", null);
  }
}

/**
 * Plans an untrusted request: the Art. 12(3) deadlines and one action per category. Anything
 * malformed gives an invalid plan naming the field; nothing here throws.
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
    const deadlines = responseDeadline(receivedAt);
    if (deadlines === null) return invalidPlan(kit, right, "receivedAt is out of the date range");
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
      legalHold: r.legalHold,
      jurisdiction: r.jurisdiction,
      now: r.now === undefined ? receivedAt : r.now,
    };
    const actions: PlannedAction[] = [];
    for (const category of new Set(categories.elements)) {
      const checked = checkRightArguments(kit, table, right, category, context);
      if (typeof checked === "string") return invalidPlan(kit, right, checked);
      actions.push(actionFor(kit, decideRight(checked), checked));
    }
    return Object.freeze({
      valid: true as const,
      right: right as string,
      receivedAt,
      ...deadlines,
      actions: Object.freeze(actions),
      reasons: Object.freeze([
        kit.reason(
          "right-applies",
          `answer by ${deadlines.deadline.toISOString()}, or by ${deadlines.extendedDeadline.toISOString()} if extended with reasons given within the first month (GDPR Art. 12(3))`,
          right as string,
        ),
      ]),
      policy: kit.policyRef,
    });
  } catch {
    return invalidPlan(kit, right, "the request could not be read");
  }
}
