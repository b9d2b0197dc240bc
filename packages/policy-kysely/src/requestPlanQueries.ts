import type { DataMap, Reason, TableDeclaration } from "@trunkiq/policy-core";
import type { RequestAction } from "@trunkiq/policy-law";
import { type Compilable, type Kysely, sql } from "kysely";
import { categoriesOf, notHeld } from "./internal/facts";

/** One step of a plan, as `planRequest` of `@trunkiq/policy-law` returns it (what SQL needs). */
export interface PlanStep {
  /** The data category the step acts on. */
  readonly category: string;
  /** What to do with it: `export`, `delete`, `restrict`, `keep`, ... */
  readonly action: RequestAction;
  /** For `restrict` and `keep`: when the keeping ends (`null`: not yet known). */
  readonly until?: Date | null;
  /** Why, each with its policy section; the receipt cites the sections. */
  readonly reasons?: readonly Reason[];
}

/** A request plan as `planRequest` of `@trunkiq/policy-law` returns it (only what SQL needs). */
export type PlanInput =
  | {
      readonly valid: true;
      readonly right: string;
      readonly jurisdiction?: string;
      readonly actions: readonly PlanStep[];
    }
  | { readonly valid: false; readonly reasons: readonly Reason[] };

/**
 * One handler per action a request plan can hold. Typed over every `RequestAction` of
 * `@trunkiq/policy-law`, so an action added there does not compile until it is handled.
 */
export type RequestActionHandlers<R> = {
  readonly [A in RequestAction]: (step: PlanStep & { readonly action: A }) => R;
};

/** What executing a plan did for one category, in words that hold no personal data. */
export interface ReceiptEntry {
  /** The data category. */
  readonly category: string;
  /** The plan's action for it. */
  readonly action: RequestAction;
  /** What was done, e.g. `"deleted"`, `"restricted until 2031-06-01"`. */
  readonly done: string;
  /** For a category kept or restricted: when the keeping ends (`null`: not yet known). */
  readonly until: Date | null;
  /** The statements run for the category: the table, what they did and how many rows. */
  readonly tables: readonly {
    readonly table: string;
    readonly operation: PlannedWrite["action"] | "export";
    readonly rows: number;
  }[];
  /** The policy sections the plan's reasons cite for this category. */
  readonly sections: readonly string[];
}

/** The record of an executed plan: per category what was done, without the subject's data. */
export interface RequestReceipt {
  /** The right exercised (`"erasure"`, `"access"`, ...). */
  readonly right: string;
  /** Whose law governed the plan, when the plan names it. */
  readonly jurisdiction: string | null;
  /** When the plan was executed (`now` of the options). */
  readonly executedAt: Date;
  /** One entry per step of the plan, in its order. */
  readonly entries: readonly ReceiptEntry[];
  /** Actions the data map could not carry out, and why. */
  readonly unmapped: readonly UnmappedAction[];
}

const untilText = (until: Date | null | undefined) =>
  until === null || until === undefined
    ? "until a date not yet known"
    : `until ${until.toISOString().slice(0, 10)}`;

// What a receipt says each action did. Exhaustive over RequestAction: a new action is a
// compile error here until it is handled.
const describe: RequestActionHandlers<string> = {
  export: () => "exported",
  delete: () => "deleted, or its columns erased where other data keeps the row",
  restrict: (step) => `restricted ${untilText(step.until)}`,
  keep: (step) => `kept ${untilText(step.until)}, as the law requires`,
  rectify: () => "to be rectified with the corrected data the subject gives",
  stop: () => "processing stopped for the purposes named",
  refer: () => "referred to the controller the data is processed for",
  none: () => "nothing held",
};
const handle = <R>(handlers: RequestActionHandlers<R>, step: PlanStep): R | undefined =>
  Object.hasOwn(handlers, step.action)
    ? (handlers[step.action] as (s: PlanStep) => R)(step)
    : undefined;

/** A read of the subject's data in one table, for an `export` action. */
export interface PlannedRead {
  readonly table: string;
  readonly categories: readonly string[];
  readonly columns: readonly string[];
  readonly query: Compilable<Record<string, unknown>>;
}

/** A change to the subject's rows in one table. */
export interface PlannedWrite {
  readonly table: string;
  /**
   * `delete`: the rows go; `erase-columns`: some categories' columns are set to null;
   * `pseudonymise`: every erased column is set to null but the row stays, because deleting it
   * would cascade into rows the law keeps; `restrict`: restrictedAt is set.
   */
  readonly action: "delete" | "erase-columns" | "pseudonymise" | "restrict";
  readonly categories: readonly string[];
  readonly columns: readonly string[];
  readonly query: Compilable<unknown>;
}

/** A planned action the data map cannot carry out in SQL, and why. */
export interface UnmappedAction {
  readonly table: string | null;
  readonly category: string;
  readonly action: string;
  readonly reason: string;
}

/** The statements of one request plan for one data subject. */
export interface PlanQueries {
  readonly reads: readonly PlannedRead[];
  readonly writes: readonly PlannedWrite[];
  readonly unmapped: readonly UnmappedAction[];
}

/** Options of {@link requestPlanQueries}. */
export interface PlanQueryOptions {
  /** The data subject's identifier, as each table's `subject` column holds it. */
  readonly subject: string | number | bigint;
  /** The restriction timestamp; the current time by default. */
  readonly now?: Date;
  /**
   * For each mapped table, the tables a deletion of its rows cascades into (foreign keys
   * `ON DELETE CASCADE`, followed transitively). A row whose deletion would reach data that is
   * kept is pseudonymised instead of deleted. `executeRequestPlan` reads them from the
   * database's catalog when they are not given.
   */
  readonly cascades?: { readonly [table: string]: readonly string[] };
}

type LooseDb = Kysely<Record<string, Record<string, unknown>>>;

// Columns the map needs to keep deciding about a row: never nulled by a partial erasure.
const structural = (t: TableDeclaration) =>
  new Set(
    [
      t.subject,
      t.restrictedAt,
      typeof t.legalHold === "string" ? t.legalHold : undefined,
      typeof t.jurisdiction === "string" ? t.jurisdiction : undefined,
      ...Object.values(t.anchors ?? {}).map((a) => (typeof a === "string" ? a : undefined)),
    ].filter((c): c is string => c !== undefined),
  );

/**
 * Turns a request plan (`planRequest` of `@trunkiq/policy-law`) into SQL per table from the
 * data map, for one data subject: `export` becomes a SELECT of the category's columns;
 * `delete` deletes the subject's rows where every category a row holds is erased, and
 * otherwise sets the erased categories' columns to null; `restrict` sets `restrictedAt`.
 * Rows under a legal hold (set or unknown) are never deleted or erased. `keep`, `rectify` and
 * `stop` need no SQL; an action the map cannot express is listed in `unmapped` with why. An
 * invalid plan gives no statements.
 *
 * @category Rights
 * @example
 * const plan = rights.planRequest({ right: "erasure", receivedAt: new Date(), jurisdiction: "eea" });
 * const { writes } = requestPlanQueries(db, dataMap, plan, { subject: accountId });
 * await db.transaction().execute(async (tx) => { for (const w of writes) await tx.executeQuery(w.query) });
 */
export function requestPlanQueries<DB>(
  db: Kysely<DB>,
  map: DataMap,
  plan: PlanInput,
  options: PlanQueryOptions,
): PlanQueries {
  const reads: PlannedRead[] = [];
  const writes: PlannedWrite[] = [];
  const unmapped: UnmappedAction[] = [];
  if (!plan.valid) return { reads, writes, unmapped };
  const loose = db as unknown as LooseDb;
  const now = options.now ?? new Date();
  const byAction = new Map<string, Set<string>>();
  for (const step of plan.actions) {
    const { category, action } = step;
    // An action no handler knows (from untyped input) is never guessed at.
    if (handle(describe, step) === undefined) {
      unmapped.push({ table: null, category, action, reason: `${action} is not a plan action` });
      continue;
    }
    byAction.set(action, (byAction.get(action) ?? new Set()).add(category));
  }
  const of = (action: string) => byAction.get(action) ?? new Set<string>();
  const held = new Set<string>();

  for (const [table, t] of Object.entries(map.tables)) {
    const categories = categoriesOf(t);
    for (const c of categories) held.add(c);
    const columnsOf = (set: ReadonlySet<string>) =>
      Object.keys(t.columns).filter((c) => set.has(t.columns[c] as string));
    const subject = sql<boolean>`${sql.ref(`${table}.${t.subject}`)} = ${options.subject}`;

    const exported = categories.filter((c) => of("export").has(c));
    if (exported.length > 0) {
      const columns = columnsOf(new Set(exported));
      reads.push({
        table,
        categories: exported,
        columns,
        query: loose.selectFrom(table).select(columns).where(subject),
      });
    }

    const erased = categories.filter((c) => of("delete").has(c));
    const free = notHeld(map, t, table) as ReturnType<typeof sql<boolean>>;
    // A cascade must not delete what the law keeps: a table it reaches that keeps some of its
    // categories, or that has a legal hold column, keeps this row alive, pseudonymised.
    const keptDownstream = (options.cascades?.[table] ?? []).filter((dependent) => {
      const d = map.tables[dependent];
      if (d === undefined) return true;
      // A hold of the dependent's own rows is not this row's; a hold read from the subject's row
      // is, when this is the subjects' table, and already keeps this row from being erased.
      const ownHold =
        typeof d.legalHold === "string" ||
        (d.legalHold !== undefined && table !== map.subjects?.table);
      return ownHold || categoriesOf(d).some((c) => !of("delete").has(c));
    });
    // The erased columns a row can lose while it stays (its key and dates stay), and the update
    // that empties them for the subject's unrestricted rows.
    const keep = structural(t);
    const erasedColumns = columnsOf(new Set(erased));
    const clearable = erasedColumns.filter((c) => !keep.has(c));
    const clearing = () =>
      loose
        .updateTable(table)
        .set(Object.fromEntries(clearable.map((c) => [c, null])))
        .where(subject)
        .where(free);
    if (erased.length > 0 && erased.length === categories.length && keptDownstream.length > 0) {
      // The key stays as the pseudonym the kept rows refer to; every other personal column goes
      // (a NOT NULL one fails the transaction, so nothing is erased rather than half of it).
      writes.push({
        table,
        action: "pseudonymise",
        categories: erased,
        columns: clearable,
        query: clearing(),
      });
    } else if (erased.length > 0 && erased.length === categories.length) {
      writes.push({
        table,
        action: "delete",
        categories: erased,
        columns: Object.keys(t.columns),
        query: loose.deleteFrom(table).where(subject).where(free),
      });
    } else if (erased.length > 0) {
      for (const c of erasedColumns.filter((c) => keep.has(c))) {
        unmapped.push({
          table,
          category: t.columns[c] as string,
          action: "delete",
          reason: `${table}.${c} identifies or dates the row, which other categories keep`,
        });
      }
      if (clearable.length > 0) {
        writes.push({
          table,
          action: "erase-columns",
          categories: erased,
          columns: clearable,
          query: clearing(),
        });
      }
    }

    const restricted = categories.filter((c) => of("restrict").has(c));
    if (restricted.length > 0) {
      if (t.restrictedAt === undefined) {
        for (const category of restricted) {
          unmapped.push({
            table,
            category,
            action: "restrict",
            reason: `${table} maps no restrictedAt column`,
          });
        }
      } else {
        writes.push({
          table,
          action: "restrict",
          categories: restricted,
          columns: [t.restrictedAt],
          query: loose
            .updateTable(table)
            .set({ [t.restrictedAt]: now })
            .where(subject)
            .where(t.restrictedAt, "is", null),
        });
      }
    }
  }
  for (const action of ["export", "delete", "restrict"]) {
    for (const category of of(action)) {
      if (!held.has(category)) {
        unmapped.push({
          table: null,
          category,
          action,
          reason: `no mapped table holds ${category}`,
        });
      }
    }
  }
  return { reads, writes, unmapped };
}

/** What {@link executeRequestPlan} did. */
export interface ExecutedPlan {
  readonly exported: { readonly [table: string]: readonly Record<string, unknown>[] };
  readonly changed: readonly {
    readonly table: string;
    readonly action: PlannedWrite["action"];
    readonly rows: number;
  }[];
  readonly unmapped: readonly UnmappedAction[];
  /** Per category what was done and until when, without personal data: keep it as the record. */
  readonly receipt: RequestReceipt;
}

/**
 * Runs {@link requestPlanQueries} in one transaction, the reads first, then the writes, so an
 * erasure happens entirely or not at all, and returns a receipt: per category, what was done
 * (deleted, erased, restricted or kept and until when), the rows each table's statement
 * touched and the sections the plan cites, without the subject's data.
 *
 * @category Rights
 * @example
 * const result = await executeRequestPlan(db, dataMap, plan, { subject: accountId });
 * result.exported.accounts; // the subject's account rows, for an access request
 * for (const e of result.receipt.entries) log(e.category, e.done); // "kyc-document restricted until 2031-06-01"
 */
export async function executeRequestPlan<DB>(
  db: Kysely<DB>,
  map: DataMap,
  plan: PlanInput,
  options: PlanQueryOptions,
): Promise<ExecutedPlan> {
  const cascades = options.cascades ?? (await cascadesOf(db, map));
  const { reads, writes, unmapped } = requestPlanQueries(db, map, plan, { ...options, cascades });
  return db.transaction().execute(async (tx) => {
    const exported: Record<string, Record<string, unknown>[]> = {};
    for (const read of reads) {
      exported[read.table] = (await tx.executeQuery(read.query.compile())).rows;
    }
    const changed: { table: string; action: PlannedWrite["action"]; rows: number }[] = [];
    for (const write of writes) {
      const result = await tx.executeQuery(write.query.compile());
      changed.push({
        table: write.table,
        action: write.action,
        rows: Number(result.numAffectedRows ?? 0n),
      });
    }
    const entries: ReceiptEntry[] = [];
    if (plan.valid) {
      for (const step of plan.actions) {
        const done = handle(describe, step);
        if (done === undefined) continue;
        const tables = [
          ...reads
            .filter((r) => step.action === "export" && r.categories.includes(step.category))
            .map((r) => ({
              table: r.table,
              operation: "export" as const,
              rows: exported[r.table]?.length ?? 0,
            })),
          ...writes.flatMap((w, i) =>
            w.categories.includes(step.category) &&
            (w.action === "restrict") === (step.action === "restrict")
              ? [{ table: w.table, operation: w.action, rows: changed[i]?.rows ?? 0 }]
              : [],
          ),
        ];
        // A receipt never claims what was not done: an action the map could not carry out says so.
        const missed = unmapped.filter(
          (u) => u.category === step.category && u.action === step.action,
        );
        entries.push({
          category: step.category,
          action: step.action,
          done:
            missed.length === 0
              ? done
              : `${tables.length === 0 ? "not carried out" : `${done}, except`}: ${missed.map((u) => u.reason).join("; ")}`,
          until: step.until ?? null,
          tables,
          sections: [...new Set((step.reasons ?? []).map((r) => r.section))],
        });
      }
    }
    const receipt: RequestReceipt = {
      right: plan.valid ? plan.right : "invalid",
      jurisdiction: plan.valid ? (plan.jurisdiction ?? null) : null,
      executedAt: options.now ?? new Date(),
      entries,
      unmapped,
    };
    return { exported, changed, unmapped, receipt };
  });
}

/**
 * The mapped tables a deletion cascades into, per mapped table, from PostgreSQL's catalog:
 * foreign keys with `ON DELETE CASCADE` between tables visible on the search path, followed
 * transitively.
 */
async function cascadesOf<DB>(
  db: Kysely<DB>,
  map: DataMap,
): Promise<{ [table: string]: string[] }> {
  const { rows } = await sql<{ referenced: string; referencing: string }>`
    select dst.relname as referenced, src.relname as referencing
    from pg_catalog.pg_constraint c
    join pg_catalog.pg_class src on src.oid = c.conrelid
    join pg_catalog.pg_class dst on dst.oid = c.confrelid
    where c.contype = 'f' and c.confdeltype = 'c'
      and pg_catalog.pg_table_is_visible(src.oid) and pg_catalog.pg_table_is_visible(dst.oid)
  `.execute(db);
  const direct = new Map<string, string[]>();
  for (const r of rows)
    direct.set(r.referenced, [...(direct.get(r.referenced) ?? []), r.referencing]);
  const result: { [table: string]: string[] } = {};
  for (const table of Object.keys(map.tables)) {
    const reached = new Set<string>();
    const queue = [...(direct.get(table) ?? [])];
    while (queue.length > 0) {
      const next = queue.pop() as string;
      if (reached.has(next) || next === table) continue;
      reached.add(next);
      queue.push(...(direct.get(next) ?? []));
    }
    if (reached.size > 0) result[table] = [...reached];
  }
  return result;
}
