type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? I
  : never;

/** `true` when `T` is a union of several literals, i.e. a value only known at runtime. */
export type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;

/** `true` when `T` is exactly one literal, so the compiler can decide a question about it. */
export type IsSingleLiteral<T> = IsUnion<T> extends true ? false : string extends T ? false : true;
