/**
 * Reads an optional own field of an untrusted context or request: a field inherited from a
 * polluted prototype must not satisfy a condition, lift a hold or supply an age. A getter or
 * Proxy trap that throws propagates to the caller's catch.
 */
export const ownField = (context: object | undefined, name: string): unknown =>
  context !== undefined && Object.hasOwn(context, name)
    ? (context as Record<string, unknown>)[name]
    : undefined;
