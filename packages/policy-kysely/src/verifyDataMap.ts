import { type DataMap, DataMapError, type DataMapIssue } from "@trunkiq/policy-core";
import { type Kysely, sql } from "kysely";

/**
 * Checks a data map against the live database at startup, as `defineDatabaseMap` checks it
 * against the `DB` interface at compile time: every mapped table and column exists, and every
 * column of a mapped table is mapped (to a category or `"not-personal"`). Throws one
 * `DataMapError` listing every problem.
 *
 * @category Data map
 * @example
 * await verifyDataMap(db, dataMap); // at startup, before the service takes requests
 */
export async function verifyDataMap<DB>(
  db: Kysely<DB>,
  map: DataMap,
  options: { readonly schema?: string } = {},
): Promise<void> {
  const schema = options.schema ?? "public";
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = ${schema} order by table_name, ordinal_position`.execute(db);
  const live = new Map<string, string[]>();
  for (const r of rows) live.set(r.table_name, [...(live.get(r.table_name) ?? []), r.column_name]);
  const issues: DataMapIssue[] = [];
  for (const [table, t] of Object.entries(map.tables)) {
    const columns = live.get(table);
    if (columns === undefined) {
      issues.push({ path: `tables.${table}`, message: `${table} is not a table of the database` });
      continue;
    }
    for (const column of Object.keys(t.columns)) {
      if (!columns.includes(column)) {
        issues.push({
          path: `tables.${table}.columns.${column}`,
          message: `${table} has no column ${column} in the database`,
        });
      }
    }
    for (const column of columns) {
      if (!Object.hasOwn(t.columns, column)) {
        issues.push({
          path: `tables.${table}.columns.${column}`,
          message: `${table} leaves ${column} unmapped: give each column a data category or not-personal`,
        });
      }
    }
  }
  const consent = map.consent;
  if (consent !== undefined) {
    const columns = live.get(consent.table);
    if (columns === undefined) {
      issues.push({
        path: "consent.table",
        message: `the consent events table ${consent.table} is not a table of the database`,
      });
    } else {
      for (const key of ["subject", "purpose", "event", "at"] as const) {
        if (!columns.includes(consent[key])) {
          issues.push({
            path: `consent.${key}`,
            message: `the consent events table ${consent.table} has no column ${consent[key]} in the database`,
          });
        }
      }
    }
  }
  if (issues.length > 0) throw new DataMapError(issues);
}
