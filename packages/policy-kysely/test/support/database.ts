import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createTrunkiqGuards, policy } from "@trunkiq/privacy-policy";
import { Kysely, PostgresDialect, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { inject } from "vitest";
import { defineDatabaseMap } from "../../src";
import { createTables, type Database } from "./schema";

export type { Database };

export const guards = createTrunkiqGuards();

export const dataMap = defineDatabaseMap<Database>()(policy, {
  subjects: { table: "accounts", key: "id" },
  tables: {
    accounts: {
      subject: "id",
      columns: {
        id: "account",
        company: "account",
        email: "account",
        signup_ip: "ip-address",
        plan: "not-personal",
        jurisdiction: "not-personal",
        created_at: "not-personal",
        closed_at: "not-personal",
        legal_hold: "not-personal",
        restricted_at: "not-personal",
      },
      anchors: { collection: "created_at", "relationship-end": "closed_at" },
      jurisdiction: "jurisdiction",
      legalHold: "legal_hold",
      restrictedAt: "restricted_at",
    },
    call_detail_records: {
      subject: "account_id",
      columns: {
        id: "not-personal",
        account_id: "call-detail-record",
        caller: "call-detail-record",
        callee: "call-detail-record",
        started_at: "call-detail-record",
        duration_seconds: "call-detail-record",
        jurisdiction: "not-personal",
        legal_hold: "not-personal",
      },
      anchors: { collection: "started_at" },
      jurisdiction: "jurisdiction",
      legalHold: "legal_hold",
    },
    kyc_documents: {
      subject: "account_id",
      columns: {
        id: "not-personal",
        account_id: "kyc-document",
        document: "kyc-document",
        collected_at: "kyc-document",
      },
      anchors: { "relationship-end": { ofSubject: "closed_at" } },
      jurisdiction: { ofSubject: "jurisdiction" },
      legalHold: { ofSubject: "legal_hold" },
    },
  },
  consent: {
    table: "consent_events",
    subject: "subject",
    purpose: "purpose",
    event: "event",
    at: "at",
    contextField: "consent",
  },
});

let schemas = 0;

/**
 * A fresh database with the service's tables: embedded PGlite, or a schema of its own on the
 * server `DATABASE_URL` names, so test files running side by side never meet. Every session
 * runs in `timeZone` when one is given.
 */
export async function openDatabase(options: { readonly timeZone?: string } = {}): Promise<{
  db: Kysely<Database>;
  schema: string;
  close: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === "") {
    const dump = new Blob([readFileSync(inject("pgliteDataDir"))]);
    const db = new Kysely<Database>({
      dialect: new PGliteDialect(new PGlite({ loadDataDir: dump })),
    });
    // PGlite has a single session, so the setting holds for every query.
    if (options.timeZone !== undefined) {
      await sql`set time zone ${sql.lit(options.timeZone)}`.execute(db);
    }
    return { db, schema: "public", close: () => db.destroy() };
  }
  const name = `policy_kysely_${process.pid}_${Date.now()}_${schemas++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString: url,
        max: 2,
        options: [
          `-c search_path=${name}`,
          ...(options.timeZone === undefined ? [] : [`-c TimeZone=${options.timeZone}`]),
        ].join(" "),
      }),
    }),
  });
  await createTables(db);
  return {
    db,
    schema: name,
    close: async () => {
      await db.destroy();
      await admin.query(`drop schema ${name} cascade`);
      await admin.end();
    },
  };
}
