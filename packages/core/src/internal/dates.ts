/** `true` for a `Date` that holds a time (not `new Date("nope")`). */
export const isValidDate = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime());
