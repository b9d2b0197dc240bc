import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { runInAuditScope } from "@trunkiq/policy-core/audit";
import { purgeExpired } from "@trunkiq/policy-kysely";
import { createTrunkiqGuards } from "@trunkiq/privacy-policy";
import pino from "pino";
import { auditTrail } from "./audit";
import { openDatabase } from "./database";
import { dataMap } from "./dataMap";

// `pnpm --filter cdr-service purge -- --dry-run`: the retention purge of POST /jobs/purge, for
// a scheduler. Prints the report as JSON; the decisions go to audit_decisions and the log.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { "dry-run": { type: "boolean", default: false } },
});
const logger = pino({ level: process.env.LOG_LEVEL ?? "warn" }, pino.destination(2));
const database = await openDatabase({
  url: process.env.DATABASE_URL,
  schema: process.env.DATABASE_SCHEMA,
  dataDir: process.env.PGLITE_DATA_DIR,
});
const now = new Date();
const audit = auditTrail(database.db, logger, () => now);
const guards = createTrunkiqGuards({
  onDecision: audit.onDecision,
  onHookError: audit.onHookError,
});
try {
  // One scope per run: every retention decision names this run and the scheduler as its actor.
  const scope = { requestId: `purge-${randomUUID()}`, actor: "purge-command", subject: null };
  const report = await runInAuditScope(scope, () =>
    purgeExpired(database.db, guards, dataMap, { dryRun: values["dry-run"], now }),
  );
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await audit.flush();
  await database.close();
}
