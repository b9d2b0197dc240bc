import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema";

const MIGRATIONS = fileURLToPath(new URL("../migrations/", import.meta.url));

/**
 * Applies the `.sql` files of `migrations/` not applied yet, in name order, each in one
 * transaction with its row in `schema_migrations`: a file that fails leaves nothing behind.
 *
 * @example
 * const applied = await migrate(db); // ["001_initial.sql"] on a new database, [] after
 */
export async function migrate(db: Kysely<Database>, folder = MIGRATIONS): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null
  )`.execute(db);
  const done = new Set(
    (await db.selectFrom("schema_migrations").select("name").execute()).map((r) => r.name),
  );
  const pending = readdirSync(folder)
    .filter((name) => name.endsWith(".sql") && !done.has(name))
    .sort();
  for (const name of pending) {
    const statements = statementsOf(readFileSync(join(folder, name), "utf8"));
    await db.transaction().execute(async (tx) => {
      for (const statement of statements) await sql.raw(statement).execute(tx);
      await tx.insertInto("schema_migrations").values({ name, applied_at: new Date() }).execute();
    });
  }
  return pending;
}

// One statement per query: the drivers send parameterised queries, which hold one statement.
function statementsOf(file: string): string[] {
  return file
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) =>
      s
        .split("\n")
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter((s) => s.length > 0);
}
