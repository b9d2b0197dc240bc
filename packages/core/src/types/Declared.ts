import type { ListIds } from "./ListIds";
import type { NotDeclared } from "./Refusal";

/**
 * The sentence of a refusal of an undeclared id, listing the ids that are declared. Distributed
 * over `Id` so the sorted list is built only for an id known to be undeclared, not each time
 * the compiler infers an argument against the refusal of a generic guard.
 */
export type NotDeclaredSentence<Id, Known extends string, Kind extends string> = Id extends unknown
  ? `${Id & (string | number)} is not a declared ${Kind}; declared: ${ListIds<Known>}`
  : never;

/** `Id` itself when the policy declares it, else a refusal naming the ids it does declare. */
export type Declared<Id, Known extends string, Kind extends string> = Id extends Known
  ? Id
  : NotDeclared<NotDeclaredSentence<Id, Known, Kind>>;

/** A list of ids, each checked like {@link Declared}; tuples keep their positions. */
export type DeclaredList<L, Known extends string, Kind extends string> = {
  readonly [I in keyof L]: Declared<L[I], Known, Kind>;
};
