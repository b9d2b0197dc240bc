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
