/** `true` for a `Date` that holds a time (not `new Date("nope")`). */
export const isValidDate = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime());

/**
 * Reads an optional own field of an untrusted context: a field inherited from a polluted
 * prototype must not lift a hold or supply an age. A getter that throws propagates to the
 * caller's catch.
 */
export const field = (context: object | undefined, name: string): unknown =>
  context !== undefined && Object.hasOwn(context, name)
    ? (context as Record<string, unknown>)[name]
    : undefined;
