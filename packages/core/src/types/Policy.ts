import type { PolicyDeclaration } from "../declaration";
import type { NotAPolicy } from "./Refusal";

// A key no value outside this package can have: only `definePolicy` (and `declaredPolicy`)
// give a declaration the type `Policy`.
declare const validated: unique symbol;

/**
 * A declaration that passed `definePolicy`: validated, deep-frozen, its ids literal types.
 * `createGuards` takes nothing else.
 */
export type Policy<D extends PolicyDeclaration = PolicyDeclaration> = D & {
  readonly [validated]: true;
};

/** `unknown` for a {@link Policy}; otherwise a refusal that says where to get one. */
export type CheckPolicy<D> = D extends { readonly [validated]: true }
  ? unknown
  : NotAPolicy<"createGuards takes a policy made by definePolicy; pass the declaration through definePolicy first">;
