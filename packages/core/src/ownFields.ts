import { ACCESSOR, INHERITED, notOwnProblem, ownValue, readsPlainly } from "./internal/ownValue";

/** The fields of an untrusted object as plain values, read once, or what keeps them from being read. */
export type OwnFields<K extends string> =
  | { readonly fields: { readonly [F in K]: unknown }; readonly problem?: undefined }
  | { readonly fields?: undefined; readonly problem: string };

/**
 * Snapshots the named fields of an untrusted context, request or event into a null-prototype
 * record, reading each field once (a Proxy's through one property descriptor) so a getter never
 * runs and nothing answers twice. A field given through a getter or a prototype is a problem
 * named after it, never taken as absent: a sale behind a class getter or an inherited
 * `legalHold` must not be ignored. A Proxy trap that throws is a problem too, never an
 * exception. The guards read every context this way.
 *
 * @category Input
 * @example
 * const read = ownFields(request, ["discoveredAt", "legalHold"], "discovery");
 * if (read.problem !== undefined) return refuse(read.problem); // e.g. a getter-given legalHold
 * const { discoveredAt, legalHold } = read.fields; // plain values, read once
 */
export function ownFields<const K extends string>(
  value: object,
  names: readonly K[],
  what = "context",
): OwnFields<K> {
  const fields = Object.create(null) as { [F in K]: unknown };
  const plain = readsPlainly(value);
  for (const name of names) {
    let read: unknown;
    try {
      read = ownValue(value, name, plain);
    } catch {
      return { problem: `the ${what} could not be read` };
    }
    if (read === INHERITED || read === ACCESSOR)
      return { problem: notOwnProblem(what, name, read) };
    fields[name] = read;
  }
  return { fields };
}
