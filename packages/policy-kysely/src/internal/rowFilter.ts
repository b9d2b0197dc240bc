import type { ConsentEventsDeclaration, DataMap, TableDeclaration } from "@trunkiq/policy-core";
import { type RawBuilder, sql } from "kysely";
import { ScopedQueryError } from "../ScopedQueryError";
import { jurisdictionOf } from "./facts";
import type { ColumnPermission } from "./usePermissions";

/** What the row condition of one table instance needs to know. */
export interface RowFilterInput {
  readonly map: DataMap;
  readonly purpose: string;
  readonly jurisdictions: readonly string[];
  readonly table: string;
  readonly alias: string;
  /** The permissions of the columns used that hold only on some rows. */
  readonly permissions: readonly ColumnPermission[];
  /** Whether the subject (an SQL expression) consented to the purpose. */
  readonly consented: (subject: RawBuilder<unknown>) => RawBuilder<unknown>;
  /** The schema subject facts are read from; the search path's by default. */
  readonly schema?: string | undefined;
}

/**
 * The rows of one table instance the purpose may use: those of jurisdictions where every
 * conditional column may be used as it is, or, where it needs consent, whose subject consented.
 * Ids are written as literals, so the same condition serves a query and a row security policy.
 */
export function rowFilter(input: RowFilterInput): RawBuilder<unknown> {
  const { jurisdictions, map, table, alias, permissions } = input;
  const t = map.tables[table] as TableDeclaration;
  const plain = jurisdictions.filter((j) => permissions.every((p) => p.plain.has(j)));
  const any = jurisdictions.filter((j) =>
    permissions.every((p) => p.plain.has(j) || p.withConsent.has(j)),
  );
  const consentOnly = any.filter((j) => !plain.includes(j));
  const jurisdiction = jurisdictionOf(map, t, alias, input.schema);
  const within = (set: readonly string[]) => {
    if (set.length === jurisdictions.length) return sql`true`;
    if (set.length === 0) return sql`false`;
    if (jurisdiction === undefined) {
      throw new ScopedQueryError(
        `${table} maps no jurisdiction, and ${input.purpose} may use its data only in ${set.join(", ")}`,
      );
    }
    if ("constant" in jurisdiction)
      return set.includes(jurisdiction.constant) ? sql`true` : sql`false`;
    return sql`${jurisdiction} in (${sql.join(set.map((j) => sql.lit(j)))})`;
  };
  const consented =
    consentOnly.length === 0 || map.consent === undefined
      ? sql`false`
      : input.consented(sql.ref(`${alias}.${t.subject}`));
  return sql`(${within(plain)}) or ((${within(consentOnly)}) and ${consented})`;
}

/**
 * Whether `subject` consented to `purpose` at `now`, replaying the consent events: a grant at
 * or before now with no withdrawal at or after it (a withdrawal wins a tie), as the consent
 * ledger's `consentAt` reads it (GDPR Art. 7(3)).
 */
export function consentHolds(
  consent: ConsentEventsDeclaration,
  subject: RawBuilder<unknown>,
  purpose: RawBuilder<unknown>,
  now: RawBuilder<unknown>,
  schema?: string,
): RawBuilder<unknown> {
  const events = sql.table(schema === undefined ? consent.table : `${schema}.${consent.table}`);
  const g = (c: string) => sql.ref(`__granted.${c}`);
  const w = (c: string) => sql.ref(`__withdrawn.${c}`);
  return sql`exists (select 1 from ${events} as __granted where ${g(consent.subject)} = ${subject} and ${g(consent.purpose)} = ${purpose} and ${g(consent.event)} = 'granted' and ${g(consent.at)} <= ${now} and not exists (select 1 from ${events} as __withdrawn where ${w(consent.subject)} = ${g(consent.subject)} and ${w(consent.purpose)} = ${g(consent.purpose)} and ${w(consent.event)} = 'withdrawn' and ${w(consent.at)} >= ${g(consent.at)} and ${w(consent.at)} <= ${now}))`;
}
