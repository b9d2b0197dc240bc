import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase } from "../../src/database";
import type { Database } from "../../src/schema";

let schemas = 0;

/** A schema name of this process's own on the server, apart from other suites' schemas. */
export const schemaName = () => `cdr_service_${process.pid}_${Date.now()}_${schemas++}`;

/**
 * A fresh database with the migrations applied: PGlite loaded from the run's dump, or a schema
 * of its own on the server DATABASE_URL names, dropped on close.
 */
export async function openTestDatabase(): Promise<{
  db: Kysely<Database>;
  close: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === "") {
    const dump = new Blob([readFileSync(inject("cdrServiceDataDir"))]);
    const { db, close } = await openDatabase({ loadDataDir: dump });
    return { db, close };
  }
  const schema = schemaName();
  const { db, close } = await openDatabase({ url, schema });
  return {
    db,
    close: async () => {
      await close();
      await dropSchema(url, schema);
    },
  };
}

/** Drops a schema a test made on the server. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await admin.end();
  }
}

/** Empties every table but the migrations', between tests of one file. */
export async function emptyTables(db: Kysely<Database>): Promise<void> {
  for (const table of [
    "customers",
    "call_detail_records",
    "consent_events",
    "disclosures",
    "rights_requests",
    "audit_decisions",
  ] as const) {
    await db.deleteFrom(table).execute();
  }
}
