// Benchmark of purging generated call detail records in the database: `purgeExpired` of
// @trunkiq/policy-kysely (one DELETE per jurisdiction, in batches) against reading every row
// into Node, deciding it with `retentionFor` and deleting by id. One candidate per process:
// `node bench/purgeDatabase.mjs <purgeExpired|node> <pglite|server> <rows>`, after a build;
// prints JSON (seconds, rows deleted, a checksum of the rows kept). `bench/run.mjs` calls
// `purgeBench`, which runs each candidate in a fresh process and checks they keep the same rows.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { pathToFileURL } from "node:url";
import { defineDataMap } from "@trunkiq/policy-core";
import { purgeExpired } from "@trunkiq/policy-kysely";
import { createTrunkiqGuards, policy } from "@trunkiq/privacy-policy";
import { Kysely, PostgresDialect, sql } from "kysely";

// PGlite and pg are the kysely package's own (development) dependencies.
const fromKyselyPackage = createRequire(
  new URL("../packages/policy-kysely/package.json", import.meta.url),
);
const load = async (name) => import(pathToFileURL(fromKyselyPackage.resolve(name)).href);

export const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const NOW = new Date("2025-07-07T00:00:00Z");
const BATCH = 10_000;
const TABLE = `bench_cdrs_${process.pid}`;

const guards = createTrunkiqGuards();
const map = defineDataMap(policy, {
  tables: {
    [TABLE]: {
      subject: "account_id",
      columns: {
        id: "not-personal",
        account_id: "call-detail-record",
        started_at: "call-detail-record",
        jurisdiction: "not-personal",
        legal_hold: "not-personal",
      },
      anchors: { collection: "started_at" },
      jurisdiction: "jurisdiction",
      legalHold: "legal_hold",
    },
  },
});

async function open(backend) {
  if (backend === "pglite") {
    const { PGlite } = await load("@electric-sql/pglite");
    const { PGliteDialect } = await load("kysely-pglite-dialect");
    return new Kysely({ dialect: new PGliteDialect(new PGlite()) });
  }
  const { default: pg } = await load("pg");
  return new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: SERVER_URL, max: 1 }) }),
  });
}

/** `rows` records from 2023 to mid-2025 in three jurisdictions, 1 % on legal hold; the same every run. */
async function seed(db, rows) {
  await sql`create table ${sql.table(TABLE)} (id bigint primary key, account_id text not null, started_at timestamptz not null, jurisdiction text, legal_hold boolean not null)`.execute(
    db,
  );
  await sql`insert into ${sql.table(TABLE)}
    select i, 'acct-' || (i % 5000), timestamptz '2023-01-01 00:00:00+00' + ((i * 7919) % 100) * interval '9 days' + (i % 86400) * interval '1 second',
      (array['us', 'eea', 'uk'])[1 + i % 3], i % 100 = 0
    from generate_series(1, ${rows}::bigint) as i`.execute(db);
  await sql`analyze ${sql.table(TABLE)}`.execute(db);
}

const candidates = {
  purgeExpired: async (db) => {
    const report = await purgeExpired(db, guards, map, { now: NOW, batchSize: BATCH });
    return report.steps.reduce((n, s) => n + s.rows, 0);
  },
  node: async (db) => {
    const { rows } =
      await sql`select id, started_at, jurisdiction, legal_hold from ${sql.table(TABLE)}`.execute(
        db,
      );
    const due = [];
    for (const r of rows) {
      if (r.legal_hold !== false) continue;
      const decision = guards.retentionFor("call-detail-record", {
        collectedAt: new Date(r.started_at),
        jurisdiction: r.jurisdiction,
        now: NOW,
      });
      if (decision.expired) due.push(String(r.id));
    }
    for (let i = 0; i < due.length; i += BATCH) {
      await sql`delete from ${sql.table(TABLE)} where id = any(${due.slice(i, i + BATCH)}::bigint[])`.execute(
        db,
      );
    }
    return due.length;
  },
};

export async function main([candidate, backend, rowsArg]) {
  const rows = Number(rowsArg);
  const run = candidates[candidate];
  if (run === undefined || !["pglite", "server"].includes(backend) || !(rows > 0)) {
    throw new Error("usage: purgeDatabase.mjs <purgeExpired|node> <pglite|server> <rows>");
  }
  const db = await open(backend);
  try {
    await seed(db, rows);
    const t0 = process.hrtime.bigint();
    const deleted = await run(db);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const { rows: left } =
      await sql`select count(*)::text as n, coalesce(sum(id), 0)::text as sum from ${sql.table(TABLE)}`.execute(
        db,
      );
    return { candidate, backend, rows, seconds, deleted, kept: `${left[0].n}/${left[0].sum}` };
  } finally {
    await sql`drop table if exists ${sql.table(TABLE)}`.execute(db).catch(() => {});
    await db.destroy();
  }
}

/** Whether the server answers: DATABASE_URL's, or 127.0.0.1:5432. */
function serverAnswers() {
  const { hostname, port } = new URL(SERVER_URL);
  return new Promise((done) => {
    const socket = connect(Number(port || 5432), hostname || "127.0.0.1");
    const end = (up) => {
      socket.destroy();
      done(up);
    };
    socket.once("connect", () => end(true));
    socket.once("error", () => end(false));
    socket.setTimeout(2000, () => end(false));
  });
}

/**
 * Both candidates on PGlite, and on the server when it answers, each in a fresh process; they
 * must delete the same rows before a time counts.
 */
export async function purgeBench(rows) {
  const script = new URL(import.meta.url).pathname;
  const backends = ["pglite", ...((await serverAnswers()) ? ["server"] : [])];
  const results = [];
  for (const backend of backends) {
    const runs = {};
    for (const candidate of Object.keys(candidates)) {
      const r = spawnSync(process.execPath, [script, candidate, backend, String(rows)], {
        encoding: "utf8",
        maxBuffer: 1 << 24,
      });
      if (r.status !== 0)
        throw new Error(
          `purge benchmark ${candidate} on ${backend} failed:\n${r.stderr.slice(-2000)}`,
        );
      runs[candidate] = JSON.parse(r.stdout);
    }
    if (
      runs.purgeExpired.kept !== runs.node.kept ||
      runs.purgeExpired.deleted !== runs.node.deleted
    ) {
      throw new Error(
        `purgeExpired and retentionFor in Node keep different rows on ${backend}: fix it before timing`,
      );
    }
    results.push({
      backend,
      rows,
      deleted: runs.node.deleted,
      sql: runs.purgeExpired.seconds,
      node: runs.node.seconds,
    });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${JSON.stringify(await main(process.argv.slice(2)))}\n`);
}
