import fc from "fast-check";

/** One of a declared list; a list the policy leaves empty fails loudly when sampled. */
export function idArb<T>(kind: string, ids: readonly T[]): fc.Arbitrary<T> {
  if (ids.length > 0) return fc.constantFrom(...ids);
  return fc.constant(null).map((): T => {
    throw new Error(`the policy declares no ${kind}, so there is nothing to generate`);
  });
}
