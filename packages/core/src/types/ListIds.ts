import type { UnionToIntersection } from "./IsUnion";

// The member the compiler resolves last among the overloads of a union of signatures.
type LastOf<U> =
  UnionToIntersection<U extends unknown ? () => U : never> extends () => infer L ? L : never;

/**
 * A union of ids as one comma-separated string, for refusal sentences: `"a" | "b"` → `"a, b"`.
 * An empty union reads `"none"`.
 */
export type ListIds<U extends string, Listed extends string = never> = [U] extends [never]
  ? [Listed] extends [never]
    ? "none"
    : Listed
  : LastOf<U> extends infer L extends string
    ? ListIds<Exclude<U, L>, [Listed] extends [never] ? L : `${L}, ${Listed}`>
    : never;

/** A tuple of ids as one comma-separated string, in the tuple's order. */
export type ListTuple<T extends readonly string[]> = T extends readonly [
  infer H extends string,
  ...infer R extends readonly string[],
]
  ? R extends readonly []
    ? H
    : `${H}, ${ListTuple<R>}`
  : ListIds<T[number]>;
