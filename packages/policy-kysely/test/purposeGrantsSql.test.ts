import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PurposeGrants, purposeGrantsSql, purposeScopes } from "../src";
import { type Database, dataMap, guards, openDatabase } from "./support/database";

// Roles belong to the whole server: each run names its own and drops them afterwards.
const rolePrefix = `kg${process.pid}_${Date.now().toString(36)}_`;
let db: Kysely<Database>;
let schema: string;
let close: () => Promise<void>;
let grants: PurposeGrants;

const account = (id: string, jurisdiction: string | null, extra = {}) => ({
  id,
  company: `${id} Ltd`,
  email: `${id}@example.com`,
  signup_ip: "198.51.100.7",
  jurisdiction,
  created_at: new Date("2024-01-01T00:00:00Z"),
  ...extra,
});
const event = (subject: string, type: string, at: string, purpose = "marketing") => ({
  subject,
  purpose,
  event: type,
  at: new Date(at),
});

beforeAll(async () => {
  ({ db, schema, close } = await openDatabase());
  await db
    .insertInto("accounts")
    .values([
      account("consenting", "us"),
      account("withdrawn", "eea"),
      account("regranted", "uk"),
      account("silent", "us"),
      account("unknown-place", null),
      account("restricted", "us", { restricted_at: new Date("2025-01-01T00:00:00Z") }),
    ])
    .execute();
  await db
    .insertInto("consent_events")
    .values([
      event("consenting", "granted", "2025-01-01T00:00:00Z"),
      event("withdrawn", "granted", "2025-01-01T00:00:00Z"),
      event("withdrawn", "withdrawn", "2025-03-01T00:00:00Z"),
      event("regranted", "granted", "2025-01-01T00:00:00Z"),
      event("regranted", "withdrawn", "2025-02-01T00:00:00Z"),
      event("regranted", "granted", "2025-04-01T00:00:00Z"),
      event("silent", "granted", "2025-01-01T00:00:00Z", "product-development"),
      event("unknown-place", "granted", "2025-01-01T00:00:00Z"),
      event("restricted", "granted", "2025-01-01T00:00:00Z"),
    ])
    .execute();
  await db
    .insertInto("kyc_documents")
    .values({ account_id: "consenting", document: "passport", collected_at: new Date() })
    .execute();
  await db
    .insertInto("call_detail_records")
    .values({
      account_id: "silent",
      caller: "+12025550100",
      callee: "+12025550101",
      started_at: new Date(),
      duration_seconds: 60,
      jurisdiction: "us",
    })
    .execute();
  grants = purposeGrantsSql(guards, dataMap, { rolePrefix, schema });
  for (const statement of grants.statements) await sql.raw(statement).execute(db);
});

afterAll(async () => {
  const roles = grants?.roles.map((r) => sql.id(r.role)) ?? [];
  if (roles.length > 0) {
    await sql`drop owned by ${sql.join(roles)}`.execute(db);
    for (const role of roles) await sql`drop role if exists ${role}`.execute(db);
  }
  await close();
});

/** Runs `read` on one connection as `role`, then returns to the owner's role. */
async function as<T>(role: string, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`set role ${sql.id(role)}`.execute(connection);
    try {
      return await read(connection);
    } finally {
      await sql`reset role`.execute(connection);
    }
  });
}

const roleOf = (purpose: string) => {
  const role = grants.roles.find((r) => r.purpose === purpose);
  if (role === undefined) throw new Error(`no role for ${purpose}`);
  return role;
};
const tables = Object.keys(dataMap.tables) as (keyof typeof dataMap.tables)[];

describe("§3 PostgreSQL itself refuses a purpose's role the columns it may not use", () => {
  it("creates one role per purpose of the policy", () => {
    expect(grants.roles.map((r) => r.purpose)).toEqual(Object.keys(guards.policy.purposes));
    expect(grants.script).toContain(`grant select ("id", "company", "email"`);
  });

  it("lets marketing read the account's contact columns but never the sign-up IP or KYC documents", async () => {
    const marketing = roleOf("marketing").role;
    const emails = await as(marketing, (c) =>
      c.selectFrom("accounts").select("email").orderBy("email").execute(),
    );
    // Consent makes marketing lawful in every jurisdiction, so a row without one is no exception.
    expect(emails.map((r) => r.email)).toEqual([
      "consenting@example.com",
      "regranted@example.com",
      "unknown-place@example.com",
    ]);
    await expect(
      as(marketing, (c) => c.selectFrom("accounts").select("signup_ip").execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(
      as(marketing, (c) => c.selectFrom("kyc_documents").select("document").execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(
      as(marketing, (c) => c.selectFrom("consent_events").select("subject").execute()),
    ).rejects.toThrow(/permission denied/);
  });

  it("refuses every column the policy refuses, for every purpose, and grants every other", async () => {
    for (const { purpose, role, tables: granted } of grants.roles) {
      const scope = purposeScopes(db, guards, dataMap).forPurpose(purpose as "marketing");
      for (const table of tables) {
        const columns = Object.keys(dataMap.tables[table].columns);
        const allowed = granted.find((g) => g.table === table)?.columns ?? [];
        for (const column of columns) {
          let refusedInTypeScript = false;
          try {
            scope.selectFrom(table, [column] as never);
          } catch {
            refusedInTypeScript = true;
          }
          expect(allowed.includes(column), `${purpose} ${table}.${column}`).toBe(
            !refusedInTypeScript,
          );
          const read = as(role, (c) =>
            (c as unknown as Kysely<Record<string, Record<string, unknown>>>)
              .selectFrom(table)
              .select(column)
              .execute(),
          );
          if (allowed.includes(column)) await expect(read).resolves.toBeDefined();
          else await expect(read, `${purpose} ${table}.${column}`).rejects.toThrow(/permission/);
        }
      }
    }
  });

  it("shows each role exactly the rows the purpose scope returns: by jurisdiction, consent and restriction", async () => {
    const now = () => new Date();
    for (const { purpose, role, tables: granted } of grants.roles) {
      const scope = purposeScopes(db, guards, dataMap, { now }).forPurpose(purpose as "marketing");
      for (const { table, columns } of granted) {
        if (columns.length === 0) continue;
        const inDatabase = await as(role, (c) =>
          (c as unknown as Kysely<Record<string, Record<string, unknown>>>)
            .selectFrom(table)
            .select(columns)
            .execute(),
        );
        const inTypeScript = await scope
          .selectFrom(table as "accounts", columns as never)
          .execute();
        const key = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).sort();
        expect(key(inDatabase), `${purpose} ${table}`).toEqual(key(inTypeScript));
      }
    }
  });

  it("hides restricted rows from every role (GDPR Art. 18)", async () => {
    for (const { role, tables: granted } of grants.roles) {
      if (!granted.some((g) => g.table === "accounts" && g.columns.includes("id"))) continue;
      const ids = await as(role, (c) => c.selectFrom("accounts").select("id").execute());
      expect(ids.map((r) => r.id)).not.toContain("restricted");
    }
  });

  it("can be run again: the script is idempotent", async () => {
    for (const statement of grants.statements) await sql.raw(statement).execute(db);
    const marketing = roleOf("marketing").role;
    await expect(
      as(marketing, (c) => c.selectFrom("accounts").select("signup_ip").execute()),
    ).rejects.toThrow(/permission denied/);
  });
});
