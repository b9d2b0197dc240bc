/** `true` for a `Date` that holds a time (not `new Date("nope")`). */
export const isValidDate = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime());

/** Reads an optional field of an untrusted context; a getter that throws propagates to the caller's catch. */
export const field = (context: object | undefined, name: string): unknown =>
  context === undefined ? undefined : (context as Record<string, unknown>)[name];
