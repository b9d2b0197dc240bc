import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import type { TestProject } from "vitest/node";
import { createTables, type Database } from "./schema";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite data directory with the service's tables, dumped once for this run. */
    pgliteDataDir: string;
  }
}

const generated = fileURLToPath(new URL("../.generated/", import.meta.url));

/**
 * Starting PGlite runs initdb, which takes most of a minute on a loaded machine: it is done
 * once here, with the tables created, and every test file loads a copy of the dump.
 */
export default async function initDatabase(project: TestProject): Promise<() => void> {
  mkdirSync(generated, { recursive: true });
  const dir = mkdtempSync(join(generated, "pglite-"));
  const file = join(dir, "data.tar");
  if (!process.env.DATABASE_URL) {
    const pglite = new PGlite();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    await createTables(db);
    const dump = await pglite.dumpDataDir("none");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.destroy();
  }
  project.provide("pgliteDataDir", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
