import { isValidatedPolicy } from "./validatedPolicies";

/**
 * Freezes a value and everything reachable from it, so no code can widen a policy at runtime.
 * An object the caller froze beforehand is still walked: its children may not be frozen.
 */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value !== null && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
    }
  }
  return value;
}

/**
 * A deep-frozen copy of a caller's table, taken when a guard is made, so later changes to the
 * caller's object change no decision. A table already deep-frozen (a `definePolicy` result) is
 * kept as it is.
 */
export function frozenCopy<T>(value: T): T {
  // A validated policy was deep-frozen when it was validated.
  if (isValidatedPolicy(value) || isDeepFrozen(value, new WeakSet())) return value;
  return deepFreeze(structuredClone(value));
}

function isDeepFrozen(value: unknown, seen: WeakSet<object>): boolean {
  if (value === null || typeof value !== "object" || seen.has(value)) return true;
  seen.add(value);
  if (!Object.isFrozen(value)) return false;
  return Reflect.ownKeys(value).every((key) =>
    isDeepFrozen((value as Record<PropertyKey, unknown>)[key], seen),
  );
}
