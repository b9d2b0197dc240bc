import type { PolicyDeclaration } from "../declaration";
import type { CategoryOf, PurposeOf, RecipientOf } from "./Ids";

type Prohibitions<D extends PolicyDeclaration> = D["prohibitions"][keyof D["prohibitions"]];

// A prohibition with a non-empty `when` depends on the context, so only the runtime can apply it.
type Unconditional<X> = X extends { readonly when: readonly [unknown, ...unknown[]] } ? never : X;

// An omitted list matches everything.
type Lists<L, V> = [L] extends [readonly (infer E)[]] ? (V extends E ? true : false) : true;

type BansUse<X, P, C> = X extends {
  readonly use: { readonly purposes?: infer Ps; readonly categories?: infer Cs };
}
  ? Lists<Ps, P> extends true
    ? Lists<Cs, C> extends true
      ? true
      : false
    : false
  : false;

type BansShare<X, C, R> = X extends {
  readonly share: { readonly categories?: infer Cs; readonly recipients?: infer Rs };
}
  ? Lists<Cs, C> extends true
    ? Lists<Rs, R> extends true
      ? true
      : false
    : false
  : false;

type UseBanned<D extends PolicyDeclaration, P, C> =
  true extends BansUse<Unconditional<Prohibitions<D>>, P, C> ? true : false;

type ShareBanned<D extends PolicyDeclaration, C, R> =
  true extends BansShare<Unconditional<Prohibitions<D>>, C, R> ? true : false;

/**
 * The categories a purpose may use in some context: those its rules name, less those an
 * unconditional prohibition forbids. A literal pair outside this set does not compile.
 */
export type UsableCategory<D extends PolicyDeclaration, P extends PurposeOf<D>> = P extends unknown
  ? {
      [C in keyof D["purposes"][P]["uses"] & CategoryOf<D>]: UseBanned<D, P, C> extends true
        ? never
        : C;
    }[keyof D["purposes"][P]["uses"] & CategoryOf<D>]
  : never;

/** The recipients that may receive a category in some context. */
export type RecipientFor<D extends PolicyDeclaration, C extends CategoryOf<D>> = {
  [R in RecipientOf<D>]: C extends keyof D["recipients"][R]["receives"]
    ? ShareBanned<D, C, R> extends true
      ? never
      : R
    : never;
}[RecipientOf<D>];

/** The purposes that may use a category in some context. */
export type PurposeFor<D extends PolicyDeclaration, C extends CategoryOf<D>> = {
  [P in PurposeOf<D>]: C extends UsableCategory<D, P> ? P : never;
}[PurposeOf<D>];

/** Shown by the compiler where a literal use is one the policy never permits. */
export type PurposeMayNotUse<
  P extends string,
  C extends string,
> = `policy forbids: purpose "${P}" may never use "${C}"`;

/** Shown by the compiler where a literal share is one the policy never permits. */
export type RecipientMayNotReceive<
  C extends string,
  R extends string,
> = `policy forbids: "${C}" may never be shared with "${R}"`;
