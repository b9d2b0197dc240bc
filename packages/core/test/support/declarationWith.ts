import { examplePolicy } from "../../../../test-support/fixtures/examplePolicy";

/** Marks a path of {@link declarationWith} for removal. */
export const REMOVE = Symbol("remove");

/**
 * A fresh, unfrozen copy of the example declaration with `changes` applied at dotted paths
 * (`"purposes.fulfilment.basis"`), for tests that need a declaration `definePolicy` refuses.
 */
export function declarationWith(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const copy = structuredClone(examplePolicy) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(".");
    const last = keys.pop() as string;
    let target = copy;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (value === REMOVE) delete target[last];
    else target[last] = value;
  }
  return copy;
}

/** Deeply checks that every object reachable from `value` is frozen. */
export function isDeepFrozen(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || typeof value !== "object" || seen.has(value)) return true;
  seen.add(value);
  if (!Object.isFrozen(value)) return false;
  return Reflect.ownKeys(value).every((key) =>
    isDeepFrozen((value as Record<PropertyKey, unknown>)[key], seen),
  );
}
