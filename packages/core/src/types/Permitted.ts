import type { PolicyDeclaration } from "../declaration";
import type { CategoryOf, PurposeOf, RecipientOf } from "./Ids";
import type { ListIds } from "./ListIds";
import type { PolicyForbids } from "./Refusal";

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

// The ids a list names, or every id when it is omitted.
type Listed<L, All> = [L] extends [readonly (infer E)[]] ? E : All;

// What the unconditional prohibitions forbid one actor: one pass over the prohibitions per
// purpose (or category), rather than one per pair.
type BannedCategories<D extends PolicyDeclaration, P> =
  Unconditional<Prohibitions<D>> extends infer X
    ? X extends {
        readonly use: { readonly purposes?: infer Ps; readonly categories?: infer Cs };
      }
      ? Lists<Ps, P> extends true
        ? Listed<Cs, CategoryOf<D>>
        : never
      : never
    : never;

type BannedRecipients<D extends PolicyDeclaration, C> =
  Unconditional<Prohibitions<D>> extends infer X
    ? X extends {
        readonly share: { readonly categories?: infer Cs; readonly recipients?: infer Rs };
      }
      ? Lists<Cs, C> extends true
        ? Listed<Rs, RecipientOf<D>>
        : never
      : never
    : never;

/**
 * The categories a purpose may use in some context: those its rules name, less those an
 * unconditional prohibition forbids. A literal pair outside this set does not compile.
 */
export type UsableCategory<D extends PolicyDeclaration, P extends PurposeOf<D>> = P extends unknown
  ? Exclude<keyof D["purposes"][P]["uses"] & CategoryOf<D>, BannedCategories<D, P>>
  : never;

/** The recipients that may receive a category in some context. */
export type RecipientFor<D extends PolicyDeclaration, C extends CategoryOf<D>> = Exclude<
  {
    [R in RecipientOf<D>]: C extends keyof D["recipients"][R]["receives"] ? R : never;
  }[RecipientOf<D>],
  BannedRecipients<D, C>
>;

/** The purposes that may use a category in some context. */
export type PurposeFor<D extends PolicyDeclaration, C extends CategoryOf<D>> = {
  [P in PurposeOf<D>]: C extends UsableCategory<D, P> ? P : never;
}[PurposeOf<D>];

type UseBanningSections<D extends PolicyDeclaration, P, C> =
  Unconditional<Prohibitions<D>> extends infer X
    ? X extends { readonly section: infer S extends string }
      ? BansUse<X, P, C> extends true
        ? S
        : never
      : never
    : never;

type ShareBanningSections<D extends PolicyDeclaration, C, R> =
  Unconditional<Prohibitions<D>> extends infer X
    ? X extends { readonly section: infer S extends string }
      ? BansShare<X, C, R> extends true
        ? S
        : never
      : never
    : never;

// A pair no rule names is refused by the clause that closes the question's world. A section
// typed only as `string` is left out rather than printed as a pattern.
type RefusingSections<Banning extends string, Scope extends string> = [Banning] extends [never]
  ? string extends Scope
    ? ""
    : ` (${Scope})`
  : string extends Banning
    ? ""
    : ` (${ListIds<Banning>})`;

// The sentences are conditionals on the ids, so nothing of them is computed while the ids are
// still type parameters (the compiler reads a guard's parameter types before its arguments).
type UseForbiddenSentence<
  P extends string,
  C extends string,
  Cited extends string,
> = P extends unknown ? `${P} may never use ${C}${Cited}` : never;

type ShareForbiddenSentence<
  C extends string,
  R extends string,
  Cited extends string,
> = C extends unknown ? `${C} may never be shared with ${R}${Cited}` : never;

// Written as conditionals so the compiler prints the resolved refusal, not the alias and its
// arguments (which would include the whole declaration).
/** Shown by the compiler where a literal use is one the policy never permits. */
export type PurposeMayNotUse<
  P extends string,
  C extends string,
  Cited extends string = "",
> = P extends unknown ? PolicyForbids<UseForbiddenSentence<P, C, Cited>> : never;

/** Shown by the compiler where a literal share is one the policy never permits. */
export type RecipientMayNotReceive<
  C extends string,
  R extends string,
  Cited extends string = "",
> = C extends unknown ? PolicyForbids<ShareForbiddenSentence<C, R, Cited>> : never;

type UseRefusalSentence<D extends PolicyDeclaration, P extends string, C extends string> = [
  P,
  C,
] extends [unknown, unknown]
  ? UseForbiddenSentence<
      P,
      C,
      RefusingSections<UseBanningSections<D, P, C>, D["scopes"]["use"]["section"]>
    >
  : never;

type ShareRefusalSentence<D extends PolicyDeclaration, C extends string, R extends string> = [
  C,
  R,
] extends [unknown, unknown]
  ? ShareForbiddenSentence<
      C,
      R,
      RefusingSections<ShareBanningSections<D, C, R>, D["scopes"]["share"]["section"]>
    >
  : never;

// Conditionals, so the compiler prints the resolved refusal rather than this alias with the
// whole declaration as its argument; the sentence is only computed once the ids are known.
/** The refusal of a use the policy never permits, citing the prohibition or the scope clause. */
export type UseRefusal<D extends PolicyDeclaration, P extends string, C extends string> = [
  P,
  C,
] extends [unknown, unknown]
  ? PolicyForbids<UseRefusalSentence<D, P, C>>
  : never;

/** The refusal of a share the policy never permits, citing the prohibition or the scope clause. */
export type ShareRefusal<D extends PolicyDeclaration, C extends string, R extends string> = [
  C,
  R,
] extends [unknown, unknown]
  ? PolicyForbids<ShareRefusalSentence<D, C, R>>
  : never;
