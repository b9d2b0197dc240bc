import {
  type CheckDataMap,
  checkedDataMap,
  type DataMap,
  type DataMapDeclaration,
  type PolicyDeclaration,
} from "@trunkiq/policy-core";

/**
 * `defineDataMap` checked against a Kysely database interface too: a table or column the
 * database does not have, or a column of a mapped table left out of the map, is a compile
 * error naming it. Curried, so `DB` is given and the map's literals are still inferred.
 * `verifyDataMap` runs the same checks against the live database at startup.
 *
 * @category Data map
 * @example
 * const dataMap = defineDatabaseMap<Database>()(policy, {
 *   tables: {
 *     accounts: {
 *       subject: "id",
 *       columns: { id: "account", email: "account", plan: "not-personal", created_at: "account", closed_at: "account" },
 *       anchors: { collection: "created_at", "relationship-end": "closed_at" },
 *       jurisdiction: { constant: "us" },
 *     },
 *   },
 * });
 */
export function defineDatabaseMap<DB>() {
  return <const D extends PolicyDeclaration, const M extends DataMapDeclaration>(
    policy: D,
    map: M & CheckDataMap<D, M, DB>,
  ): DataMap<D, M> => checkedDataMap(policy, map as M);
}
