import type {
  DataMap,
  DataMapDeclaration,
  Guards,
  PolicyDeclaration,
  Reason,
  RetentionAnchor,
  SubjectColumn,
} from "@trunkiq/policy-core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { categoriesOf, factExpression, jurisdictionOf, notHeld } from "./internal/facts";
import { loose } from "./internal/loose";

/** The cutoff one category of a table was purged by in one jurisdiction. */
export interface PurgeCutoff {
  readonly category: string;
  readonly anchor: RetentionAnchor;
  readonly cutoff: Date;
}

/** What the purge did, or would do, with one table's rows of one jurisdiction. */
export interface PurgeStep {
  readonly table: string;
  readonly jurisdiction: string;
  readonly action: "delete" | "restrict";
  /** The personal categories the table holds: a row goes once every one of them expired. */
  readonly categories: readonly string[];
  /** Rows deleted or restricted (in a dry run: that would be). */
  readonly rows: number;
  /** Rows past every cutoff but kept by a legal hold that is set or unknown. */
  readonly held: number;
  readonly cutoffs: readonly PurgeCutoff[];
  /** Why nothing was purged here, when something stopped it (no rule, an invalid cutoff). */
  readonly skipped: readonly Reason[];
}

/** Rows never purged because their jurisdiction is missing or not one the policy declares. */
export interface UnresolvedRows {
  readonly table: string;
  readonly rows: number;
  readonly reason: string;
}

/** One count of the report: rows of a category purged (or due) in a jurisdiction. */
export interface PurgeCount {
  readonly category: string;
  readonly jurisdiction: string;
  readonly rows: number;
  readonly held: number;
}

/** The result of {@link purgeExpired}. */
export interface PurgeReport {
  readonly now: Date;
  readonly dryRun: boolean;
  readonly steps: readonly PurgeStep[];
  readonly counts: readonly PurgeCount[];
  readonly unresolved: readonly UnresolvedRows[];
}

/** Options of {@link purgeExpired}. */
export interface PurgeOptions {
  /** The moment to purge for; the current time by default. */
  readonly now?: Date;
  /** Count what would go, change nothing. */
  readonly dryRun?: boolean;
  /** Rows per statement, so a large purge never holds long locks; 1000 by default. */
  readonly batchSize?: number;
}

const ROW = "__row";

/**
 * Deletes (or, for a table with `onExpiry: "restrict"`, restricts) every row whose retention
 * ran out, per table, jurisdiction and anchor, from the data map and the guards' retention
 * cutoffs. A row goes only when every category it holds is past its cutoff, its legal hold is
 * `false` and its jurisdiction is one the policy declares: a missing or unknown jurisdiction, a
 * hold that is set or unknown, and an anchor that has not happened yet (`null`) all keep it.
 * Works in batches; `dryRun` reports the counts per category and jurisdiction instead.
 *
 * @category Retention
 * @example
 * const report = await purgeExpired(db, guards, dataMap, { dryRun: true });
 * for (const c of report.counts) console.log(c.category, c.jurisdiction, c.rows);
 * await purgeExpired(db, guards, dataMap, { batchSize: 500 });
 */
export async function purgeExpired<DB, D extends PolicyDeclaration, M extends DataMapDeclaration>(
  database: Kysely<DB>,
  guards: Guards<D>,
  map: DataMap<D, M>,
  options: PurgeOptions = {},
): Promise<PurgeReport> {
  const g = loose(guards);
  // Every statement here is SQL built from the data map, so the schema's types add nothing.
  const db = database as unknown as Kysely<unknown>;
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${String(batchSize)}`);
  }
  const declared = g.policy.jurisdictions;
  const types = new Map<string, string>();
  const steps: PurgeStep[] = [];
  const unresolved: UnresolvedRows[] = [];

  // The subjects table goes last: other tables read their anchors and holds from its rows.
  const tables = Object.entries(map.tables as DataMap["tables"]).sort(
    ([a], [b]) => Number(a === map.subjects?.table) - Number(b === map.subjects?.table),
  );
  for (const [table, t] of tables) {
    const categories = categoriesOf(t);
    if (categories.length === 0) continue;
    const jurisdiction = jurisdictionOf(map, t, ROW);
    if (jurisdiction === undefined) {
      const rows = await count(db, table, sql`true`);
      unresolved.push({ table, rows, reason: `${table} maps no jurisdiction` });
      continue;
    }
    if (!("constant" in jurisdiction)) {
      const rows = await count(
        db,
        table,
        sql`${jurisdiction} is null or ${jurisdiction} not in (${sql.join([...declared])})`,
      );
      if (rows > 0) {
        unresolved.push({
          table,
          rows,
          reason: `the jurisdiction is missing or not one the policy declares (${declared.join(", ")})`,
        });
      }
    }
    const action = t.onExpiry === "restrict" ? "restrict" : "delete";
    const inScope = "constant" in jurisdiction ? [jurisdiction.constant] : declared;
    for (const j of inScope) {
      const cutoffs: PurgeCutoff[] = [];
      const skipped: Reason[] = [];
      const expired: RawBuilder<unknown>[] = [];
      for (const category of categories) {
        const c = g.retentionCutoff(category, { now, jurisdiction: j });
        const anchor = c.anchor === null ? undefined : t.anchors?.[c.anchor];
        if (c.cutoff === null || c.anchor === null || anchor === undefined) {
          skipped.push(...c.reasons);
          continue;
        }
        cutoffs.push({ category, anchor: c.anchor, cutoff: c.cutoff });
        const type = await anchorType(db, map, table, anchor, types);
        expired.push(before(factExpression(map, t, ROW, anchor), type, c.cutoff));
      }
      const base: Omit<PurgeStep, "rows" | "held"> = {
        table,
        jurisdiction: j,
        action,
        categories,
        cutoffs,
        skipped,
      };
      // INVARIANT: a row goes only when every category it holds has a cutoff and is past it.
      if (skipped.length > 0) {
        steps.push({ ...base, rows: 0, held: 0 });
        continue;
      }
      const due = sql.join(
        [
          "constant" in jurisdiction ? sql`true` : sql`${jurisdiction} = ${j}`,
          ...expired,
          ...(action === "restrict" ? [sql`${sql.ref(`${ROW}.${t.restrictedAt}`)} is null`] : []),
        ],
        sql` and `,
      );
      const free = notHeld(map, t, ROW);
      const held = await count(db, table, sql`${due} and not coalesce(${free}, false)`);
      const rows = dryRun
        ? await count(db, table, sql`${due} and ${free}`)
        : await purge(db, table, t.restrictedAt, action, sql`${due} and ${free}`, now, batchSize);
      steps.push({ ...base, rows, held });
    }
  }

  const counts = new Map<string, PurgeCount>();
  for (const step of steps) {
    for (const category of step.categories) {
      const key = `${category}\u0000${step.jurisdiction}`;
      const before = counts.get(key) ?? {
        category,
        jurisdiction: step.jurisdiction,
        rows: 0,
        held: 0,
      };
      counts.set(key, { ...before, rows: before.rows + step.rows, held: before.held + step.held });
    }
  }
  return { now, dryRun, steps, counts: [...counts.values()], unresolved };
}

/** The SQL type of an anchor column, from the catalog (`timestamp with time zone`, `date`, ...). */
async function anchorType(
  db: Kysely<unknown>,
  map: DataMap,
  table: string,
  anchor: string | SubjectColumn,
  known: Map<string, string>,
): Promise<string> {
  const [owner, column] =
    typeof anchor === "string" ? [table, anchor] : [map.subjects?.table ?? table, anchor.ofSubject];
  const key = `${owner}\u0000${column}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const { rows } = await sql<{ type: string }>`
    select format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
    where a.attrelid = to_regclass(${`"${owner.replaceAll('"', '""')}"`}) and a.attname = ${column}
      and not a.attisdropped`.execute(db);
  const type = rows[0]?.type ?? "timestamp with time zone";
  known.set(key, type);
  return type;
}

/**
 * `anchor < cutoff`, written for the anchor's type so that neither the session's time zone nor
 * the service's (in which a driver may write dates) moves the boundary: a `timestamp` holds the
 * UTC wall clock, and a `date` the UTC day, which begins at its midnight UTC.
 */
function before(anchor: RawBuilder<unknown>, type: string, cutoff: Date): RawBuilder<unknown> {
  if (type === "date") {
    // The day began before the cutoff when it is no later than the day of the last instant before it.
    const last = new Date(cutoff.getTime() - 1);
    const next = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1);
    return sql`${anchor} < ${new Date(next).toISOString().slice(0, 10)}::date`;
  }
  if (type.startsWith("timestamp without time zone")) {
    return sql`${anchor} < ${cutoff.toISOString().replace("T", " ").replace("Z", "")}::timestamp`;
  }
  return sql`${anchor} < ${cutoff.toISOString()}::timestamptz`;
}

async function count(db: Kysely<unknown>, table: string, where: RawBuilder<unknown>) {
  const { rows } = await sql<{
    n: string | number;
  }>`select count(*) as n from ${sql.table(table)} as ${sql.raw(ROW)} where ${where}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function purge(
  db: Kysely<unknown>,
  table: string,
  restrictedAt: string | undefined,
  action: "delete" | "restrict",
  where: RawBuilder<unknown>,
  now: Date,
  batchSize: number,
): Promise<number> {
  // A ctid names a row within one table only: the partitions of a partitioned table (and the
  // shards of a distributed one) each have their own, so the row is named by (tableoid, ctid).
  const { rows: kinds } = await sql<{ relkind: string }>`
    select relkind from pg_class where oid = to_regclass(${`"${table.replaceAll('"', '""')}"`})`.execute(
    db,
  );
  const partitioned = kinds[0]?.relkind !== "r";
  const target = partitioned
    ? sql`(tableoid, ctid) in (select ${sql.ref(`${ROW}.tableoid`)}, ${sql.ref(`${ROW}.ctid`)} from ${sql.table(table)} as ${sql.raw(ROW)} where ${where} limit ${batchSize})`
    : sql`ctid = any(array(select ${sql.ref(`${ROW}.ctid`)} from ${sql.table(table)} as ${sql.raw(ROW)} where ${where} limit ${batchSize}))`;
  let total = 0;
  for (;;) {
    const result =
      action === "delete"
        ? await sql`delete from ${sql.table(table)} where ${target}`.execute(db)
        : await sql`update ${sql.table(table)} set ${sql.ref(restrictedAt as string)} = ${now} where ${target}`.execute(
            db,
          );
    const affected = Number(result.numAffectedRows ?? 0n);
    total += affected;
    if (affected < batchSize) return total;
  }
}
