import pino from "pino";
import { buildApp } from "./app";
import { openDatabase } from "./database";

// `pnpm --filter cdr-service start`: PORT (3000), HOST (127.0.0.1), DATABASE_URL (a PostgreSQL
// server; embedded PGlite without it), DATABASE_SCHEMA (on the server), PGLITE_DATA_DIR (a folder
// for PGlite's data; in memory without it), LOG_LEVEL (info).
const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
const database = await openDatabase({
  url: process.env.DATABASE_URL,
  schema: process.env.DATABASE_SCHEMA,
  dataDir: process.env.PGLITE_DATA_DIR,
});
logger.info({ engine: database.engine }, "database ready, migrations applied");
const { app, audit } = buildApp({ db: database.db, logger });
await app.listen({
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "127.0.0.1",
});

const stop = async (signal: string) => {
  logger.info({ signal }, "stopping");
  await app.close();
  await audit.flush();
  await database.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
