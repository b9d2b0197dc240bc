// The sentence lives in a type argument and a key no value can have, so nothing satisfies a
// refusal and the compiler prints its name and sentence whatever it compares it with.
declare const refusal: unique symbol;

/**
 * Shown by the compiler where a literal use or share is one the policy never permits.
 *
 * @example
 * canUse("marketing", "kyc-document");
 * // Argument of type '"kyc-document"' is not assignable to parameter of type
 * // 'PolicyForbids<"marketing may never use kyc-document (§3)">'.
 */
export interface PolicyForbids<Sentence extends string> {
  readonly [refusal]: Sentence;
}

/**
 * Shown where code names an id the policy does not declare; the sentence lists the ids it does.
 *
 * @example
 * canUse("marketting", "account");
 * // ... 'NotDeclared<"marketting is not a declared purpose; declared: abuse-prevention, ...">'.
 */
export interface NotDeclared<Sentence extends string> {
  readonly [refusal]: Sentence;
}

/**
 * Shown where a literal retention period is outside the limits of the rule it falls under.
 *
 * @example
 * withRetention({ "kyc-document": { us: { years: 1 } } });
 * // ... 'ScheduleOutOfBounds<"kyc-document in us must be kept at least 5 years (31 CFR 1010.430(d): 5 years, §7)">'.
 */
export interface ScheduleOutOfBounds<Sentence extends string> {
  readonly [refusal]: Sentence;
}

/**
 * Shown where `createGuards` is given a declaration that did not pass `definePolicy`.
 *
 * @example
 * createGuards({ id: "acme", ... });
 * // ... 'NotAPolicy<"createGuards takes a policy made by definePolicy; pass the declaration through definePolicy first">'.
 */
export interface NotAPolicy<Sentence extends string> {
  readonly [refusal]: Sentence;
}

/**
 * Shown where a declaration gives two things that exclude each other.
 *
 * @example
 * prohibitions: { "no-ads": { section: "§4", text: "...", use: {}, share: {} } }
 * // ... 'InvalidDeclaration<"a prohibition forbids either `use` or `share`, not both">'.
 */
export interface InvalidDeclaration<Sentence extends string> {
  readonly [refusal]: Sentence;
}
