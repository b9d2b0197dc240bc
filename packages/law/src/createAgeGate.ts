import type {
  AuditHooks,
  Citation,
  Obligation,
  PolicyDeclaration,
  PolicyRef,
  Reason,
} from "@trunkiq/policy-core";
import {
  auditEmitter,
  describe,
  frozenCopy,
  ownFields,
  readDate,
} from "@trunkiq/policy-core/engine";
import { ageAt } from "./ageAt";

/** What a caller knows about a person's age. A birth date wins over a stated age when both agree. */
export interface AgeContext {
  readonly age?: number | undefined;
  readonly birthDate?: Date | undefined;
  /** The moment of collection; the current time by default. */
  readonly at?: Date | undefined;
}

/** The answer to `canCollect`: `age` is the age used, `null` when the input was invalid. */
export interface CollectDecision {
  readonly kind: "collect";
  readonly allowed: boolean;
  readonly age: number | null;
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  readonly policy: PolicyRef;
}

/** The guard {@link createAgeGate} returns. */
export interface AgeGate {
  /**
   * May personal data be collected from this person? Denied under the minimum age and, fail
   * closed, when neither an age nor a birth date is given.
   */
  readonly canCollect: (context: AgeContext) => CollectDecision;
}

/** The age rule of a policy: the minimum age, the clause that sets it and the law behind it. */
export interface AgeRule extends Citation {
  readonly minimumAge: number;
  /** The law, e.g. `"GDPR Art. 8(1)"`. */
  readonly law: string;
}

// No living person is older; a larger age is a data error, not a customer.
const MAX_AGE = 150;

/**
 * Compiles an age gate, `{ canCollect }`: nothing is collected from anyone younger than `rule.minimumAge`, and
 * an unknown age is denied (fail closed). A birth date is turned into an age at `at` with
 * {@link ageAt} (UTC calendar days; February 29 birthdays count on March 1 in non-leap years).
 * `hooks.onDecision` receives one `collect` event per decision, without the age or dates.
 *
 * @category Children
 * @example
 * const { canCollect } = createAgeGate(policy, { minimumAge: 16, law: "GDPR Art. 8(1)", section: "§10", text: "not for anyone under 16" });
 * canCollect({ birthDate: new Date("2010-05-01"), at: new Date("2025-07-07") }).allowed; // false
 * canCollect({ age: 16 }).allowed; // true
 */
export function createAgeGate(
  policy: PolicyDeclaration,
  ageRule: AgeRule,
  hooks: AuditHooks = {},
): AgeGate {
  // A private frozen copy: changing the caller's rule afterwards changes no decision.
  const rule = frozenCopy(ageRule);
  const onDecision = auditEmitter(hooks);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const reason = (code: Reason["code"], message: string): Reason =>
    Object.freeze({ code, message, section: rule.section, text: rule.text });
  const make = (allowed: boolean, age: number | null, r: Reason): CollectDecision =>
    Object.freeze({
      kind: "collect" as const,
      allowed,
      age,
      reasons: Object.freeze([r]),
      obligations: Object.freeze([]),
      policy: policyRef,
    });
  const invalid = (message: string) => make(false, null, reason("invalid-input", message));

  const decide = (context: AgeContext): CollectDecision => {
    try {
      if (context === null || typeof context !== "object" || Array.isArray(context)) {
        return invalid(`the context must be an object, got ${describe(context)}`);
      }
      const read = ownFields(context, ["age", "birthDate", "at"]);
      if (read.problem !== undefined) return invalid(read.problem);
      const { age: statedAge, birthDate: birthDateValue, at: atValue } = read.fields;
      // Dates are read once through the intrinsic: a subclass or Proxy cannot lie about its time.
      const at = atValue === undefined ? new Date() : readDate(atValue);
      if (at === undefined) {
        return invalid(`at must be a valid Date when given, got ${describe(atValue)}`);
      }
      if (
        statedAge !== undefined &&
        (typeof statedAge !== "number" ||
          !Number.isInteger(statedAge) ||
          statedAge < 0 ||
          statedAge > MAX_AGE)
      ) {
        return invalid(
          `age must be a whole number of years from 0 to ${MAX_AGE}, got ${describe(statedAge)}`,
        );
      }
      let age: number | undefined = statedAge as number | undefined;
      if (birthDateValue !== undefined) {
        const birthDate = readDate(birthDateValue);
        if (birthDate === undefined) {
          return invalid(
            `birthDate must be a valid Date when given, got ${describe(birthDateValue)}`,
          );
        }
        const computed = ageAt(birthDate, at);
        // INVARIANT: only a whole number in range is an age; anything else (NaN included) is refused.
        if (
          computed === null ||
          !Number.isInteger(computed) ||
          computed < 0 ||
          computed > MAX_AGE
        ) {
          return invalid(
            `birthDate ${birthDate.toISOString()} is not a plausible birth date at ${at.toISOString()}`,
          );
        }
        if (age !== undefined && age !== computed) {
          return invalid(
            `age ${age} contradicts birthDate, which gives ${computed} at ${at.toISOString()}`,
          );
        }
        age = computed;
      }
      if (age === undefined) {
        return invalid(
          `an age or a birth date is required: without one, a child cannot be ruled out (${rule.law})`,
        );
      }
      // Written so that only an age at least the minimum allows: a comparison with NaN denies.
      return age >= rule.minimumAge
        ? make(
            true,
            age,
            reason("permitted", `aged ${age}, at least ${rule.minimumAge} (${rule.law})`),
          )
        : make(
            false,
            age,
            reason(
              "under-age",
              `aged ${age}, under ${rule.minimumAge}: nothing may be collected (${rule.law})`,
            ),
          );
    } catch {
      return invalid("the context could not be read");
    }
  };
  const canCollect = (context: AgeContext): CollectDecision => {
    const decision = decide(context);
    // The event holds no age or date: those are the person's data.
    onDecision?.({
      kind: "collect",
      allowed: decision.allowed,
      purpose: null,
      category: null,
      recipient: null,
      reasonCodes: Object.freeze(decision.reasons.map((r) => r.code)),
      obligations: Object.freeze([]),
      policy: policyRef,
    });
    return decision;
  };
  return Object.freeze({ canCollect });
}
