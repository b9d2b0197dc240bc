import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrate } from "./migrate";
import type { Database } from "./schema";

/** Where the service keeps its data. */
export interface DatabaseOptions {
  /** A PostgreSQL server (`postgres://…`); embedded PGlite when absent. */
  readonly url?: string | undefined;
  /** PGlite only: a folder to keep the data in; in memory when absent. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL only: the schema to work in, created when missing (`public` by default). */
  readonly schema?: string | undefined;
  /** PGlite only: a dump (`PGlite.dumpDataDir`) to start from, so tests skip initdb. */
  readonly loadDataDir?: Blob | undefined;
}

/** An open database with the migrations applied. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  /** `pglite` or `postgres`, for the log. */
  readonly engine: "pglite" | "postgres";
  readonly close: () => Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Opens the database (PGlite by default, a PostgreSQL server when `url` is given) and applies
 * the migrations.
 *
 * @example
 * const { db, close } = await openDatabase({ url: process.env.DATABASE_URL });
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenDatabase> {
  if (options.url === undefined || options.url === "") {
    const pglite = new PGlite({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    await migrate(db);
    return { db, engine: "pglite", close: () => db.destroy() };
  }
  const schema = options.schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`not a schema name: ${schema}`);
  if (schema !== "public") {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: options.url, options: `-c search_path=${schema}` }),
    }),
  });
  await migrate(db);
  return { db, engine: "postgres", close: () => db.destroy() };
}
