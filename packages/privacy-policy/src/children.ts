import { ownElements, ownFields } from "@trunkiq/policy-core/engine";
import { type AgeRule, createAgeGate, responseDeadline } from "@trunkiq/policy-law";
import type { Category } from "./ids";
import { policy } from "./policy";
import { planRequest } from "./rights";

// The age, its law and its clause come from the declaration: one place to change them.
const { years: minimumAge, law, ...childrenClause } = policy.commitments.minimumAge;
/** The §10 age rule as the age gate reads it. */
export const ageRule: AgeRule = { minimumAge, law, ...childrenClause };

/**
 * May personal data be collected from this person (§10)? Nothing from anyone under 16 (GDPR
 * Art. 8(1)); a birth date becomes an age at `at` in UTC calendar days, and someone born on
 * February 29 turns a year older on March 1 in non-leap years. Without an age or a birth date
 * the answer is `invalid-input` (fail closed).
 *
 * @category Children
 * @example
 * canCollect({ birthDate: new Date("2009-07-08"), at: new Date("2025-07-07") }).allowed; // false: 15
 * canCollect({ age: 16 }).allowed; // true
 */
export const canCollect = /* @__PURE__ */ createAgeGate(policy, ageRule);

/** What {@link onChildDataDiscovered} needs to know. */
export interface ChildDataDiscovery {
  /** The categories held about the child; every declared category by default. */
  readonly categories?: readonly Category[] | undefined;
  readonly discoveredAt: Date;
  /** Categories a legal hold covers (or `true` for all): they are restricted, not deleted. */
  readonly legalHold?: boolean | readonly Category[] | undefined;
}

/** One step of the §10 deletion plan. */
export interface ChildDataAction {
  readonly category: Category;
  readonly action: "delete" | "restrict";
  readonly reasons: readonly { code: string; message: string; section: string; text: string }[];
}

/** An array field as a snapshot of its own elements; any other value as it is. */
function listed(value: unknown, name: string): { value: unknown; problem?: string } {
  if (!Array.isArray(value)) return { value };
  const read = ownElements(value, name);
  return read.problem === undefined ? { value: read.elements } : { value, problem: read.problem };
}

/** The §10 deletion plan; `valid: false` (and nothing to do) for malformed input. */
export type ChildDataPlan =
  | {
      readonly valid: true;
      readonly discoveredAt: Date;
      readonly deadline: Date;
      readonly actions: readonly ChildDataAction[];
    }
  | {
      readonly valid: false;
      readonly discoveredAt: null;
      readonly deadline: null;
      readonly actions: readonly [];
      readonly reasons: readonly { code: string; message: string; section: string; text: string }[];
    };

/**
 * The plan when data turns out to be a child's (§10: "we will take steps to delete it"): every
 * category held is deleted, except those a legal hold covers, which are restricted (GDPR
 * Art. 17(3)(e), Art. 18) until the hold is lifted. Retention duties do not keep a child's data:
 * it should never have been collected. The deadline is that of an erasure request (Art. 12(3)).
 *
 * @category Children
 * @example
 * onChildDataDiscovered({ categories: ["account", "call-detail-record"], discoveredAt: new Date(), legalHold: ["call-detail-record"] });
 * // actions: account → delete, call-detail-record → restrict
 */
export function onChildDataDiscovered(discovery: ChildDataDiscovery): ChildDataPlan {
  const invalid = (...messages: string[]): ChildDataPlan =>
    Object.freeze({
      valid: false as const,
      discoveredAt: null,
      deadline: null,
      actions: Object.freeze([]) as readonly [],
      reasons: Object.freeze(
        messages.map((message) => ({ code: "invalid-input", message, ...childrenClause })),
      ),
    });
  try {
    if (discovery === null || typeof discovery !== "object") {
      return invalid("the discovery must be an object { categories?, discoveredAt, legalHold? }");
    }
    // Own data fields only, each read once: an inherited or getter-given legalHold is refused.
    const read = ownFields(discovery, ["categories", "discoveredAt", "legalHold"], "discovery");
    if (read.problem !== undefined) return invalid(read.problem);
    const { discoveredAt } = read.fields;
    const categories = listed(read.fields.categories, "categories");
    const legalHold = listed(read.fields.legalHold, "legalHold");
    if (categories.problem !== undefined) return invalid(categories.problem);
    if (legalHold.problem !== undefined) return invalid(legalHold.problem);
    // Core reads the date through the intrinsic, so a Date subclass or Proxy cannot lie about it.
    if (responseDeadline(discoveredAt as Date) === null) {
      return invalid("discoveredAt must be a valid Date");
    }
    const held = categories.value ?? Object.keys(policy.categories);
    const hold = legalHold.value;
    if (
      hold !== undefined &&
      typeof hold !== "boolean" &&
      !(
        Array.isArray(hold) &&
        // A key is compared as a string, so ["account"] nested in the list would pass as "account".
        hold.every((c) => typeof c === "string" && Object.hasOwn(policy.categories, c))
      )
    ) {
      return invalid("legalHold must be true, false or a list of declared categories");
    }
    // planRequest refuses anything but a non-empty list of declared categories.
    const plan = planRequest({
      right: "erasure",
      // planRequest reads it again through the same intrinsic, into a plain Date of its own.
      receivedAt: discoveredAt as Date,
      categories: held as readonly Category[],
    });
    if (!plan.valid) return invalid(...plan.reasons.map((r) => r.message));
    const covered = (c: Category) => hold === true || (Array.isArray(hold) && hold.includes(c));
    const actions = plan.actions.map((a) =>
      Object.freeze({
        category: a.category,
        action: covered(a.category) ? ("restrict" as const) : ("delete" as const),
        reasons: Object.freeze([
          covered(a.category)
            ? {
                code: "legal-hold",
                message: `a legal hold covers "${a.category}": restrict it and delete it when the hold is lifted (GDPR Arts. 17(3)(e), 18)`,
                ...childrenClause,
              }
            : {
                code: "under-age",
                message: `"${a.category}" belongs to a child under ${minimumAge}: delete it (${law}, Art. 17(1)(f))`,
                ...childrenClause,
              },
        ]),
      }),
    );
    return Object.freeze({
      valid: true as const,
      discoveredAt: plan.receivedAt,
      deadline: plan.deadline,
      actions: Object.freeze(actions),
    });
  } catch {
    return invalid("the discovery could not be read");
  }
}
