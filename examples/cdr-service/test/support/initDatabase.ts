import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/migrate";
import type { Database } from "../../src/schema";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite data directory with the migrations applied, dumped once for this run. */
    cdrServiceDataDir: string;
  }
}

const generated = fileURLToPath(new URL("../.generated/", import.meta.url));

/** PGlite's initdb is slow on a loaded machine: run it once, and let each file load the dump. */
export default async function initDatabase(project: TestProject): Promise<() => void> {
  mkdirSync(generated, { recursive: true });
  const dir = mkdtempSync(join(generated, "pglite-"));
  const file = join(dir, "data.tar");
  if (!process.env.DATABASE_URL) {
    const pglite = new PGlite();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    await migrate(db);
    const dump = await pglite.dumpDataDir("none");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.destroy();
  }
  project.provide("cdrServiceDataDir", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
