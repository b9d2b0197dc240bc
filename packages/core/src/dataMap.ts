import type { PolicyDeclaration, RetentionAnchor } from "./declaration";
import { deepFreeze } from "./internal/deepFreeze";
import type { CategoryOf, JurisdictionOf } from "./types/Ids";
import type { ListIds } from "./types/ListIds";

/** The value of a column that holds no personal data, so no purpose question applies to it. */
export const NOT_PERSONAL = "not-personal";

/** A fact read from the data subject's own row in the map's `subjects` table. */
export interface SubjectColumn<Column extends string = string> {
  readonly ofSubject: Column;
}

/** Where a table's jurisdiction comes from: its own column, the subject's row, or one constant. */
export type JurisdictionSource<Column extends string = string, J extends string = string> =
  | Column
  | SubjectColumn
  | { readonly constant: J };

/** What one table holds and where the facts retention and rights need are found in it. */
export interface TableDeclaration {
  /** The column identifying the data subject a row belongs to. */
  readonly subject: string;
  /** Every column, mapped to the data category it holds or to `"not-personal"`. */
  readonly columns: { readonly [column: string]: string };
  /** The date column each retention anchor runs from, for the categories this table holds. */
  readonly anchors?: { readonly [A in RetentionAnchor]?: string | SubjectColumn };
  /** Whose law governs a row; without it no row of the table is ever purged. */
  readonly jurisdiction?: JurisdictionSource;
  /** A boolean column: `true` suspends every deletion; only `false` lets a row be deleted. */
  readonly legalHold?: string | SubjectColumn;
  /** A timestamp column set when processing is restricted (GDPR Art. 18); `null` otherwise. */
  readonly restrictedAt?: string;
  /** What the retention purge does with an expired row: delete it (default) or restrict it. */
  readonly onExpiry?: "delete" | "restrict";
}

/** Where consent events live: one row per grant or withdrawal, as the consent ledger keeps them. */
export interface ConsentEventsDeclaration {
  readonly table: string;
  /** The column holding the data subject, matched with each table's `subject` column. */
  readonly subject: string;
  /** The column holding the purpose id. */
  readonly purpose: string;
  /** The column holding `"granted"` or `"withdrawn"`. */
  readonly event: string;
  /** The timestamp column of the event. */
  readonly at: string;
  /** The flag context field a consent event answers (usually `"consent"`). */
  readonly contextField: string;
}

/** The whole input of {@link defineDataMap}. */
export interface DataMapDeclaration {
  /** The table with one row per data subject, whose columns `{ ofSubject }` facts read. */
  readonly subjects?: { readonly table: string; readonly key: string };
  readonly tables: { readonly [table: string]: TableDeclaration };
  readonly consent?: ConsentEventsDeclaration;
}

/** A validated, deep-frozen data map, bound to the policy it maps. */
export type DataMap<
  D extends PolicyDeclaration = PolicyDeclaration,
  M extends DataMapDeclaration = DataMapDeclaration,
> = M & { readonly policy: D };

declare const mistake: unique symbol;

/**
 * Shown by the compiler where a data map contradicts the policy or the database schema.
 *
 * @example
 * defineDataMap(policy, { tables: { accounts: { subject: "id", columns: { email: "emial" } } } });
 * // ... 'DataMapMistake<"accounts.email maps to emial, which is not a declared data category; declared: account, ...">'.
 */
export interface DataMapMistake<Sentence extends string> {
  readonly [mistake]: Sentence;
}

/** A database schema as the type checks read it: its tables and their columns. */
export type SchemaShape = { readonly [table: string]: object };

type Columns<M, T> = M extends { readonly tables: infer Ts }
  ? T extends keyof Ts
    ? Ts[T] extends { readonly columns: infer C }
      ? keyof C & string
      : never
    : never
  : never;

type SubjectTable<M> = M extends { readonly subjects: { readonly table: infer S } } ? S : never;

type CheckedCategory<D extends PolicyDeclaration, V, Where extends string> = V extends
  | CategoryOf<D>
  | typeof NOT_PERSONAL
  ? V
  : DataMapMistake<`${Where} maps to ${V & string}, which is not a declared data category; declared: ${ListIds<CategoryOf<D>>}, or ${typeof NOT_PERSONAL}`>;

type CheckedColumn<M, T, V, Role extends string> =
  V extends Columns<M, T>
    ? V
    : DataMapMistake<`the ${Role} of ${T & string} names ${V & string}, which is not a mapped column of ${T & string}`>;

type CheckedFact<M, T, V, Role extends string> = V extends { readonly ofSubject: infer S }
  ? [SubjectTable<M>] extends [never]
    ? DataMapMistake<`the ${Role} of ${T & string} is read from the subject's row, but the map declares no subjects table`>
    : { readonly ofSubject: CheckedColumn<M, SubjectTable<M>, S, `${Role} read from the subject`> }
  : CheckedColumn<M, T, V, Role>;

type CheckedJurisdiction<D extends PolicyDeclaration, M, T, V> = V extends {
  readonly constant: infer J;
}
  ? {
      readonly constant: J extends JurisdictionOf<D>
        ? J
        : DataMapMistake<`${T & string} names jurisdiction ${J & string}, which the policy does not declare; declared: ${ListIds<JurisdictionOf<D>>}`>;
    }
  : CheckedFact<M, T, V, "jurisdiction">;

// The schema's columns a table leaves out, named in one sentence.
// A schema typed only as string keys (no interface at hand) names no column to miss.
type Unmapped<S, T, C> = T extends keyof S
  ? string extends keyof S[T]
    ? never
    : Exclude<keyof S[T] & string, keyof C>
  : never;

type CheckedColumns<D extends PolicyDeclaration, S, T, C> = [Unmapped<S, T, C>] extends [never]
  ? {
      readonly [K in keyof C]: [S] extends [undefined]
        ? CheckedCategory<D, C[K], `${T & string}.${K & string}`>
        : T extends keyof S
          ? K extends keyof S[T]
            ? CheckedCategory<D, C[K], `${T & string}.${K & string}`>
            : DataMapMistake<`${T & string} has no column ${K & string} in the database`>
          : C[K];
    }
  : DataMapMistake<`${T & string} leaves ${ListIds<Unmapped<S, T, C>>} unmapped: give each column a data category or ${typeof NOT_PERSONAL}`>;

type CheckedTable<D extends PolicyDeclaration, M, S, T, X> = {
  readonly [K in keyof X]: K extends "columns"
    ? CheckedColumns<D, S, T, X[K]>
    : K extends "subject" | "restrictedAt"
      ? CheckedColumn<M, T, X[K], K>
      : K extends "legalHold"
        ? CheckedFact<M, T, X[K], "legal hold">
        : K extends "jurisdiction"
          ? CheckedJurisdiction<D, M, T, X[K]>
          : K extends "anchors"
            ? { readonly [A in keyof X[K]]: CheckedFact<M, T, X[K][A], `${A & string} anchor`> }
            : X[K];
};

type CheckedConsent<S, X> = [S] extends [undefined]
  ? X
  : X extends { readonly table: infer T }
    ? T extends keyof S
      ? {
          readonly [K in keyof X]: K extends "subject" | "purpose" | "event" | "at"
            ? X[K] extends keyof S[T]
              ? X[K]
              : DataMapMistake<`the consent events table ${T & string} has no column ${X[K] & string} in the database`>
            : X[K];
        }
      : {
          readonly [K in keyof X]: K extends "table"
            ? DataMapMistake<`the consent events table ${T & string} is not a table of the database`>
            : X[K];
        }
    : X;

/**
 * The references a data map makes, checked against the policy and, when `S` is a database
 * schema, against its tables and columns: each mistake becomes a {@link DataMapMistake}
 * sentence at the value that makes it.
 */
export type CheckDataMap<D extends PolicyDeclaration, M, S = undefined> = {
  readonly [K in keyof M]: K extends "tables"
    ? {
        readonly [T in keyof M[K]]: [S] extends [undefined]
          ? CheckedTable<D, M, S, T, M[K][T]>
          : T extends keyof S
            ? CheckedTable<D, M, S, T, M[K][T]>
            : DataMapMistake<`${T & string} is not a table of the database`>;
      }
    : K extends "subjects"
      ? M[K] extends { readonly table: infer T; readonly key: infer Key }
        ? {
            readonly table: T extends keyof M["tables" & keyof M]
              ? T
              : DataMapMistake<`the subjects table ${T & string} is not a mapped table`>;
            readonly key: CheckedColumn<M, T, Key, "subjects key">;
          }
        : M[K]
      : K extends "consent"
        ? CheckedConsent<S, M[K]>
        : M[K];
};

/** One problem found in a data map, with the path to the offending value. */
export interface DataMapIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown when a data map contradicts its policy or its database. It lists every problem at once.
 *
 * @example
 * try { defineDataMap(policy, map) } catch (e) {
 *   if (e instanceof DataMapError) for (const i of e.issues) console.error(i.path, i.message);
 * }
 */
export class DataMapError extends Error {
  override readonly name = "DataMapError";
  readonly issues: readonly DataMapIssue[];

  constructor(issues: readonly DataMapIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path}: ${issue.message}`);
    super(`The data map has ${issues.length} problem(s):\n${lines.join("\n")}`);
    this.issues = Object.freeze([...issues]);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Every problem of a data map against its policy, in declaration order. */
export function dataMapIssues(
  policy: PolicyDeclaration,
  map: DataMapDeclaration,
): readonly DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  if (!isRecord(map) || !isRecord(map.tables)) {
    problem("tables", "the data map must have a tables object");
    return issues;
  }
  const categories = Object.keys(policy.categories);
  const declared = `declared: ${categories.join(", ")}, or ${NOT_PERSONAL}`;
  const subjects = map.subjects;
  const subjectTable = subjects === undefined ? undefined : map.tables[subjects.table];
  if (subjects !== undefined) {
    if (!isRecord(subjectTable)) {
      problem("subjects.table", `the subjects table ${subjects.table} is not a mapped table`);
    } else if (!Object.hasOwn(subjectTable.columns, subjects.key)) {
      problem("subjects.key", `${subjects.key} is not a mapped column of ${subjects.table}`);
    }
  }

  for (const [table, t] of Object.entries(map.tables)) {
    if (!isRecord(t) || !isRecord(t.columns)) {
      problem(`tables.${table}`, `${table} must map its columns`);
      continue;
    }
    const at = (key: string) => `tables.${table}.${key}`;
    const own = (column: unknown) => typeof column === "string" && Object.hasOwn(t.columns, column);
    const checkFact = (key: string, fact: unknown, role: string) => {
      if (isRecord(fact) && "ofSubject" in fact) {
        if (!isRecord(subjectTable)) {
          problem(
            at(key),
            `the ${role} of ${table} is read from the subject's row, but the map declares no subjects table`,
          );
        } else if (!Object.hasOwn(subjectTable.columns, fact.ofSubject as string)) {
          problem(
            at(key),
            `the ${role} of ${table} names ${String(fact.ofSubject)}, which is not a mapped column of ${subjects?.table}`,
          );
        }
      } else if (!own(fact)) {
        problem(
          at(key),
          `the ${role} of ${table} names ${typeof fact === "string" ? fact : JSON.stringify(fact)}, which is not a mapped column of ${table}`,
        );
      }
    };

    const held = new Set<string>();
    for (const [column, category] of Object.entries(t.columns)) {
      if (category === NOT_PERSONAL) continue;
      if (typeof category !== "string" || !Object.hasOwn(policy.categories, category)) {
        problem(
          at(`columns.${column}`),
          `${table}.${column} maps to ${String(category)}, which is not a declared data category; ${declared}`,
        );
      } else held.add(category);
    }
    checkFact("subject", t.subject, "subject");
    if (t.restrictedAt !== undefined) checkFact("restrictedAt", t.restrictedAt, "restrictedAt");
    if (t.legalHold !== undefined) checkFact("legalHold", t.legalHold, "legal hold");
    if (t.onExpiry === "restrict" && t.restrictedAt === undefined) {
      problem(at("onExpiry"), `${table} restricts expired rows but maps no restrictedAt column`);
    }
    const j = t.jurisdiction;
    if (isRecord(j) && "constant" in j) {
      if (!policy.jurisdictions.includes(j.constant as string)) {
        problem(
          at("jurisdiction"),
          `${table} names jurisdiction ${String(j.constant)}, which the policy does not declare; declared: ${policy.jurisdictions.join(", ")}`,
        );
      }
    } else if (j !== undefined) checkFact("jurisdiction", j, "jurisdiction");
    for (const [anchor, fact] of Object.entries(t.anchors ?? {})) {
      checkFact(`anchors.${anchor}`, fact, `${anchor} anchor`);
    }

    // Every retention rule of a held category must find its anchor and jurisdiction here.
    for (const category of held) {
      const rules = policy.retention[category] ?? {};
      const jurisdictions = Object.keys(rules);
      if (jurisdictions.length > 0 && j === undefined) {
        problem(
          at("jurisdiction"),
          `${table} holds ${category}, whose retention depends on the jurisdiction, but maps no jurisdiction`,
        );
      }
      for (const anchor of new Set(Object.values(rules).map((r) => r.anchor))) {
        if (t.anchors?.[anchor] === undefined) {
          problem(
            at(`anchors.${anchor}`),
            `${table} holds ${category}, whose retention runs from ${anchor}, but maps no ${anchor} anchor`,
          );
        }
      }
    }
  }

  const consent = map.consent;
  if (consent !== undefined) {
    const field = policy.contextFields[consent.contextField];
    if (field?.kind !== "flag") {
      problem(
        "consent.contextField",
        `${consent.contextField} is not a flag context field of the policy`,
      );
    }
    if (Object.hasOwn(map.tables, consent.table)) {
      problem(
        "consent.table",
        `${consent.table} holds consent events and must not be mapped as a table too`,
      );
    }
  }
  return issues;
}

/**
 * Declares once where a service keeps each data category of the policy: which table and
 * column holds which category (or is explicitly `"not-personal"`), the column naming the data
 * subject, each retention anchor's column, the jurisdiction, the legal hold and where consent
 * events live. Purpose-scoped queries, retention purges and data subject requests all read it.
 *
 * An unknown category or a column the map does not declare is a compile error where it is
 * written; at runtime every problem is thrown at once as a {@link DataMapError}. A database
 * package checks the same map against its schema too (`@trunkiq/policy-kysely`).
 *
 * @category Data map
 * @example
 * const map = defineDataMap(policy, {
 *   tables: {
 *     orders: {
 *       subject: "customer_id",
 *       columns: { id: "not-personal", customer_id: "order", placed_at: "order", email: "email" },
 *       anchors: { collection: "placed_at" },
 *       jurisdiction: { constant: "us" },
 *     },
 *   },
 * });
 */
export function defineDataMap<
  const D extends PolicyDeclaration,
  const M extends DataMapDeclaration,
>(policy: D, map: M & CheckDataMap<D, M>): DataMap<D, M> {
  return checkedDataMap(policy, map);
}

/** The runtime half of {@link defineDataMap}, for callers that checked the types themselves. */
export function checkedDataMap<D extends PolicyDeclaration, M extends DataMapDeclaration>(
  policy: D,
  map: M,
): DataMap<D, M> {
  const issues = dataMapIssues(policy, map);
  if (issues.length > 0) throw new DataMapError(issues);
  return deepFreeze({ ...map, policy }) as DataMap<D, M>;
}
