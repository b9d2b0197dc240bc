import type {
  DataMap,
  DataMapDeclaration,
  Guards,
  PolicyDeclaration,
  PurposeOf,
} from "@trunkiq/policy-core";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
  sql,
} from "kysely";
import { loose } from "./internal/loose";
import { consentHolds, rowFilter } from "./internal/rowFilter";
import { type ColumnPermission, usePermissions } from "./internal/usePermissions";

/** Options of {@link purposeGrantsSql}. */
export interface PurposeGrantsOptions {
  /** Begins every role's name: `purpose_` by default, so marketing's role is `purpose_marketing`. */
  readonly rolePrefix?: string;
  /** The schema of the mapped tables and the consent events; `public` by default. */
  readonly schema?: string;
}

/** What one purpose's role may read of one table. */
export interface RoleTableGrant {
  /** A table of the data map. */
  readonly table: string;
  /** The columns granted: exactly those whose categories the purpose may use somewhere. */
  readonly columns: readonly string[];
  /** The row security condition, or `null` when the role may read every row. */
  readonly rows: string | null;
}

/** The role of one purpose and what it is granted. */
export interface PurposeRole<P extends string = string> {
  /** The purpose of the policy. */
  readonly purpose: P;
  /** Its role: the prefix and the purpose, hyphens made underscores (`purpose_customer_support`). */
  readonly role: string;
  /** What it may read of each table of the map. */
  readonly tables: readonly RoleTableGrant[];
}

/** What {@link purposeGrantsSql} returns. */
export interface PurposeGrants<P extends string = string> {
  /** One role per purpose of the policy, in declaration order. */
  readonly roles: readonly PurposeRole<P>[];
  /** The statements, in order, without a closing semicolon. */
  readonly statements: readonly string[];
  /** The statements as one script, each ended by a semicolon and a line break. */
  readonly script: string;
}

// Compiles SQL text without a connection: every value is written as a literal.
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const text = (statement: RawBuilder<unknown>): string => {
  const compiled = statement.compile(compiler);
  // INVARIANT: DDL takes no parameters; every value here is a literal.
  if (compiled.parameters.length > 0) throw new Error(`unbound parameters in ${compiled.sql}`);
  return compiled.sql;
};

/**
 * The same purpose limitation `purposeScopes` enforces in TypeScript, as PostgreSQL roles, for
 * services in any language: a role per purpose of the policy (`NOLOGIN`; grant it to the
 * service's login role) with a column-level `GRANT SELECT` on exactly the columns whose
 * categories the purpose may use, and row-level security where that depends on the row: rows
 * of jurisdictions where the use is not allowed, of subjects whose consent events do not show
 * consent now, and restricted rows (GDPR Art. 18) are invisible to the role.
 *
 * Uses are decided without context, so a use the policy allows only under a condition (in
 * aggregate, say) is not granted: the database cannot check the condition. Consent is read
 * through a `SECURITY DEFINER` function, so no role reads the consent events themselves. The
 * statements are idempotent and revoke what an earlier map granted. Run them as the tables'
 * owner: row security does not apply to the owner, while other roles see no row of a table that
 * has it unless a policy of their own lets them.
 *
 * @category Queries
 * @example
 * const grants = purposeGrantsSql(guards, dataMap, { schema: "public" });
 * process.stdout.write(grants.script); // review, then run with psql or a migration tool
 * // create role purpose_marketing; grant select ("id", "email", ...) on "public"."accounts" ...
 */
export function purposeGrantsSql<D extends PolicyDeclaration, M extends DataMapDeclaration>(
  guards: Guards<D>,
  map: DataMap<D, M>,
  options: PurposeGrantsOptions = {},
): PurposeGrants<PurposeOf<D>> {
  const g = loose(guards);
  const prefix = options.rolePrefix ?? "purpose_";
  const schema = options.schema ?? "public";
  const jurisdictions = g.policy.jurisdictions;
  const tables = Object.entries(map.tables as DataMap["tables"]);
  const qualified = (table: string) => sql.table(`${schema}.${table}`);
  const consentFunction = sql.ref(`${schema}.${prefix}consent_holds`);
  const statements: string[] = [];
  const roles: PurposeRole<PurposeOf<D>>[] = [];
  const names = new Map<string, string>();

  const withPolicies = new Set<string>();
  const consentRoles: string[] = [];
  const policies: { table: string; role: string; rows: RawBuilder<unknown> }[] = [];
  for (const purpose of Object.keys(g.policy.purposes) as PurposeOf<D>[]) {
    const role = `${prefix}${purpose.replaceAll("-", "_")}`;
    const clash = names.get(role);
    if (clash !== undefined) {
      throw new RangeError(`purposes ${clash} and ${purpose} would share the role ${role}`);
    }
    names.set(role, purpose);
    const permission = usePermissions(g, map, purpose, {});
    const granted: RoleTableGrant[] = [];
    let usesConsent = false;
    for (const [table, t] of tables) {
      const columns = Object.keys(t.columns).filter(
        (c) => permission(t.columns[c] as string).refusal === undefined,
      );
      const conditional: ColumnPermission[] = columns
        .map((c) => permission(t.columns[c] as string))
        .filter((p) => p.plain.size < jurisdictions.length);
      const conditions: RawBuilder<unknown>[] = [];
      if (columns.length > 0 && t.restrictedAt !== undefined) {
        conditions.push(sql`${sql.ref(`${table}.${t.restrictedAt}`)} is null`);
      }
      if (columns.length > 0 && conditional.length > 0) {
        conditions.push(
          rowFilter({
            map,
            purpose,
            jurisdictions,
            table,
            alias: table,
            permissions: conditional,
            schema,
            consented: (subject) => {
              usesConsent = true;
              return sql`${consentFunction}(${subject}, ${sql.lit(purpose)})`;
            },
          }),
        );
      }
      const rows =
        conditions.length === 0
          ? undefined
          : sql.join(
              conditions.map((c) => sql`(${c})`),
              sql` and `,
            );
      if (rows !== undefined) {
        withPolicies.add(table);
        policies.push({ table, role, rows });
      }
      granted.push({ table, columns, rows: rows === undefined ? null : text(rows) });
    }
    if (usesConsent) consentRoles.push(role);
    roles.push({ purpose, role, tables: granted });
  }

  for (const { role } of roles) {
    // CREATE ROLE has no IF NOT EXISTS: an existing role is kept, and its grants replaced below.
    statements.push(
      `do $$ begin create role ${text(sql.id(role))} nologin; exception when duplicate_object then null; end $$`,
      text(sql`grant usage on schema ${sql.id(schema)} to ${sql.id(role)}`),
    );
  }
  for (const { role, tables: granted } of roles) {
    for (const { table, columns } of granted) {
      statements.push(text(sql`revoke all on table ${qualified(table)} from ${sql.id(role)}`));
      if (columns.length === 0) continue;
      statements.push(
        text(
          sql`grant select (${sql.join(columns.map((c) => sql.id(c)))}) on table ${qualified(table)} to ${sql.id(role)}`,
        ),
      );
    }
  }

  const consent = map.consent;
  if (consent !== undefined && consentRoles.length > 0) {
    const holds = consentHolds(
      consent,
      sql.raw("$1"),
      sql.raw("$2"),
      sql`current_timestamp`,
      schema,
    );
    statements.push(
      `create or replace function ${text(sql`${consentFunction}`)}(subject anyelement, purpose text) returns boolean language sql stable security definer set search_path = pg_catalog, pg_temp as $consent$ select ${text(holds)} $consent$`,
      text(sql`revoke all on function ${consentFunction}(anyelement, text) from public`),
      text(
        sql`grant execute on function ${consentFunction}(anyelement, text) to ${sql.join(consentRoles.map((r) => sql.id(r)))}`,
      ),
    );
  }

  for (const [table] of tables.filter(([table]) => withPolicies.has(table))) {
    statements.push(text(sql`alter table ${qualified(table)} enable row level security`));
    for (const { role, tables: granted } of roles) {
      statements.push(text(sql`drop policy if exists ${sql.id(role)} on ${qualified(table)}`));
      const grant = granted.find((x) => x.table === table);
      if (grant === undefined || grant.columns.length === 0) continue;
      const rows = policies.find((p) => p.table === table && p.role === role)?.rows ?? sql`true`;
      statements.push(
        text(
          sql`create policy ${sql.id(role)} on ${qualified(table)} for select to ${sql.id(role)} using (${rows})`,
        ),
      );
    }
  }
  return { roles, statements, script: statements.map((s) => `${s};\n`).join("") };
}
