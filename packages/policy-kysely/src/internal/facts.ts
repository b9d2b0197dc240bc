import type { DataMap, SubjectColumn, TableDeclaration } from "@trunkiq/policy-core";
import { type RawBuilder, sql } from "kysely";

/** A fact of a row as SQL: its own column, or a column of its subject's row (`null` if none). */
export function factExpression(
  map: DataMap,
  table: TableDeclaration,
  alias: string,
  fact: string | SubjectColumn,
  schema?: string,
): RawBuilder<unknown> {
  if (typeof fact === "string") return sql.ref(`${alias}.${fact}`);
  const subjects = map.subjects;
  // INVARIANT: the data map checked that a subject fact has a subjects table.
  if (subjects === undefined) throw new Error("the data map declares no subjects table");
  const from = sql.table(schema === undefined ? subjects.table : `${schema}.${subjects.table}`);
  return sql`(select ${sql.ref(`s.${fact.ofSubject}`)} from ${from} as s where ${sql.ref(`s.${subjects.key}`)} = ${sql.ref(`${alias}.${table.subject}`)} limit 1)`;
}

/** The row's jurisdiction as SQL, or the constant the map gives; `undefined` when unmapped. */
export function jurisdictionOf(
  map: DataMap,
  table: TableDeclaration,
  alias: string,
  schema?: string,
): RawBuilder<unknown> | { readonly constant: string } | undefined {
  const j = table.jurisdiction;
  if (j === undefined) return undefined;
  if (typeof j === "object" && "constant" in j) return { constant: j.constant };
  return factExpression(map, table, alias, j, schema);
}

/** Only `false` lets a row go: a hold that is `true` or unknown (`null`) keeps it. */
export function notHeld(map: DataMap, table: TableDeclaration, alias: string): RawBuilder<unknown> {
  const hold = table.legalHold;
  if (hold === undefined) return sql`true`;
  return sql`${factExpression(map, table, alias, hold)} is false`;
}

/** The personal categories a table holds, in column order. */
export function categoriesOf(table: TableDeclaration): string[] {
  return [...new Set(Object.values(table.columns).filter((c) => c !== "not-personal"))];
}
