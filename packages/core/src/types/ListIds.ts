// Ids are listed in code-point order: the order of a union's members depends on which file the
// compiler read first, so a list in union order would change from one program to the next.
type CodePoints =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

type CharBefore<
  A extends string,
  B extends string,
> = CodePoints extends `${string}${A}${string}${B}${string}` ? true : false;

/** `true` when `A` sorts before `B`, comparing character by character. */
type Before<A extends string, B extends string> = A extends `${infer HA}${infer TA}`
  ? B extends `${infer HB}${infer TB}`
    ? HA extends HB
      ? Before<TA, TB>
      : CharBefore<HA, HB>
    : false
  : B extends ""
    ? false
    : true;

type IsFirst<M extends string, U extends string> = [
  U extends unknown ? (U extends M ? true : Before<M, U>) : never,
] extends [true]
  ? true
  : false;

type First<U extends string> = { [M in U]: IsFirst<M, U> extends true ? M : never }[U];

/**
 * A union of ids as one comma-separated string in code-point order, for refusal sentences:
 * `"order" | "email"` → `"email, order"`. An empty union reads `"none"`.
 */
export type ListIds<U extends string, Listed extends string = never> = [U] extends [never]
  ? [Listed] extends [never]
    ? "none"
    : Listed
  : First<U> extends infer F extends string
    ? [F] extends [never]
      ? Listed
      : ListIds<Exclude<U, F>, [Listed] extends [never] ? F : `${Listed}, ${F}`>
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
