// Taken once: a caller cannot swap the checks that tell a data property from an accessor.
const hasOwn = Object.hasOwn;
const apply = Reflect.apply;
const ownDescriptor = Reflect.getOwnPropertyDescriptor;
// Annex B's `__lookupGetter__` tells an own getter without making a descriptor object.
const lookupGetter: unknown = (Object.prototype as { __lookupGetter__?: unknown }).__lookupGetter__;
// Only a Proxy can observe how a field is read; where the runtime cannot tell one (no
// `process.getBuiltinModule`), every field is read through its descriptor.
const isProxy: unknown = (
  globalThis as {
    process?: { getBuiltinModule?: (id: string) => { types?: { isProxy?: unknown } } };
  }
).process?.getBuiltinModule?.("node:util")?.types?.isProxy;
const canReadPlainly = typeof lookupGetter === "function" && typeof isProxy === "function";

/** Marks a field {@link ownValue} found only on a prototype. */
export const INHERITED: unique symbol = Symbol("inherited");
/** Marks a field {@link ownValue} found behind a getter or a setter. */
export const ACCESSOR: unique symbol = Symbol("accessor");

/**
 * Whether the fields of `value` may be read without a property descriptor: it is no Proxy, so
 * looking for a getter and then reading a data property runs nothing of the caller's. Asked once
 * per object, then passed to {@link ownValue} for each field.
 */
export function readsPlainly(value: object): boolean {
  return canReadPlainly && !(isProxy as (value: object) => boolean)(value);
}

/**
 * The value of an own data property, so that a getter never runs; `undefined` when absent, or a
 * mark when the field is given some other way. A throwing Proxy trap throws.
 *
 * A Proxy's field is read through one property descriptor, so it answers once. Any other object
 * is read without allocating, as guards read contexts on every call: `Object.hasOwn` and `in`
 * settle an absent or inherited field, an own property with no getter is read; a read giving `undefined`
 * may be an accessor with only a setter, so the descriptor settles it.
 */
export function ownValue(
  value: object,
  name: string,
  plain: boolean = readsPlainly(value),
): unknown | typeof INHERITED | typeof ACCESSOR {
  if (!plain) return throughDescriptor(value, name);
  // Own first: a given field then costs no walk up the prototype chain. Only a field that is
  // not own is looked for further up, where a prototype that is a Proxy answers `has` once, as
  // it would after a descriptor read.
  if (!hasOwn(value, name)) return name in value ? INHERITED : undefined;
  return ownField(value, name);
}

/**
 * The value of a field `value` has as an own property, when {@link readsPlainly} holds: the
 * second half of {@link ownValue}, for a caller that has settled `Object.hasOwn` itself.
 */
export function ownField(value: object, name: string): unknown | typeof ACCESSOR {
  // The own property is found first, so an accessor further up the chain is not reported.
  if (apply(lookupGetter as () => unknown, value, [name]) !== undefined) return ACCESSOR;
  const read = (value as Record<string, unknown>)[name];
  return read === undefined ? throughDescriptor(value, name) : read;
}

function throughDescriptor(value: object, name: string): unknown {
  const descriptor = ownDescriptor(value, name);
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
