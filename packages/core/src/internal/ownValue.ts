// Taken once: a caller cannot swap the check that tells a data property from an accessor.
const hasOwn = Object.hasOwn;

/** Marks a field {@link ownValue} found only on a prototype. */
export const INHERITED: unique symbol = Symbol("inherited");
/** Marks a field {@link ownValue} found behind a getter or a setter. */
export const ACCESSOR: unique symbol = Symbol("accessor");

/**
 * The value of an own data property, read through one property descriptor so a getter never
 * runs and a Proxy answers once; `undefined` when absent, or a mark when the field is given
 * some other way. A throwing Proxy trap throws.
 */
export function ownValue(
  value: object,
  name: string,
): unknown | typeof INHERITED | typeof ACCESSOR {
  const descriptor = Reflect.getOwnPropertyDescriptor(value, name);
  if (descriptor === undefined) return name in value ? INHERITED : undefined;
  // A data descriptor has no own `get`, whatever Object.prototype holds.
  return hasOwn(descriptor, "get") ? ACCESSOR : descriptor.value;
}

/** The problem of a field {@link ownValue} marked, in the words every guard uses. */
export function notOwnProblem(
  what: string,
  name: string,
  mark: typeof INHERITED | typeof ACCESSOR,
): string {
  const how = mark === INHERITED ? "is inherited from a prototype" : "is given through a getter";
  return `${what} field "${name}" ${how}: give it as an own data property`;
}
