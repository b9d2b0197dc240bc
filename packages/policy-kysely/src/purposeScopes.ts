import type {
  Bound,
  CategoryOf,
  DataMap,
  DataMapDeclaration,
  DeniedUseDecision,
  Guards,
  PolicyDeclaration,
  PurposeOf,
  UseContextFor,
} from "@trunkiq/policy-core";
import { PolicyViolationError } from "@trunkiq/policy-core";
import type { Declared, UsableCategory, UseRefusal } from "@trunkiq/policy-core/types";
import { containsFullCardNumber } from "@trunkiq/policy-law";
import type { Kysely, Selectable, SelectQueryBuilder } from "kysely";
import { loose } from "./internal/loose";
import { PurposePlugin } from "./internal/purposePlugin";
import { usePermissions } from "./internal/usePermissions";
import { ScopedQueryError } from "./ScopedQueryError";

type Tables<M> = M extends { readonly tables: infer T } ? T : never;
type ColumnsOf<M, T> = Tables<M>[T & keyof Tables<M>] extends { readonly columns: infer C }
  ? C
  : never;

/** The columns of a table a purpose may use in some context (not-personal ones included). */
export type UsableColumn<D extends PolicyDeclaration, M, P extends PurposeOf<D>, T> = {
  [K in keyof ColumnsOf<M, T>]: ColumnsOf<M, T>[K] extends "not-personal"
    ? K
    : ColumnsOf<M, T>[K] extends UsableCategory<D, P>
      ? K
      : never;
}[keyof ColumnsOf<M, T>] &
  string;

/**
 * The database as a purpose sees it: the mapped tables with only the columns the purpose may
 * use. Selecting, filtering or sorting by any other column does not compile.
 */
export type PurposeView<DB, D extends PolicyDeclaration, M, P extends PurposeOf<D>> = {
  [T in keyof Tables<M> & keyof DB]: Pick<DB[T], UsableColumn<D, M, P, T> & keyof DB[T]>;
};

/** A column argument of `selectFrom`: usable, or a refusal naming the category's clause. */
export type ColumnArgument<
  D extends PolicyDeclaration,
  M,
  P extends PurposeOf<D>,
  T,
  C,
> = string extends C
  ? C
  : C extends UsableColumn<D, M, P, T>
    ? C
    : C extends keyof ColumnsOf<M, T>
      ? UseRefusal<D, P, ColumnsOf<M, T>[C] & string>
      : ColumnNotMapped<`${C & string} is not a mapped column of ${T & string}`>;

declare const notMapped: unique symbol;
/** Shown where a purpose-scoped query names a column the data map does not declare. */
export interface ColumnNotMapped<Sentence extends string> {
  readonly [notMapped]: Sentence;
}

type CategoriesOf<M, T, Cs extends readonly string[]> = Exclude<
  ColumnsOf<M, T>[Cs[number] & keyof ColumnsOf<M, T>],
  "not-personal"
> &
  string;

type Row<DB, T, Cs extends readonly string[]> = T extends keyof DB
  ? string extends Cs[number]
    ? Partial<Selectable<DB[T]>>
    : Pick<Selectable<DB[T]>, Cs[number] & keyof Selectable<DB[T]>>
  : never;

/** One purpose's view of the database; every query it builds is checked before it is sent. */
export interface PurposeScope<DB, D extends PolicyDeclaration, M, P extends PurposeOf<D>> {
  readonly purpose: P;
  /**
   * The guarded database for queries `selectFrom` cannot express (joins, aggregates): reads
   * only, of the purpose's columns; rows are narrowed in SQL exactly as with `selectFrom`.
   */
  readonly db: Kysely<PurposeView<DB, D, M, P>>;
  /**
   * Starts a query of `columns` of `table`. A literal column the purpose may never use does not
   * compile; a column named at runtime (from a request) is refused with the policy's decision
   * before any SQL is sent. Rows come back bound to the purpose and the categories read.
   *
   * @example
   * const rows = await marketing.selectFrom("accounts", ["email", "company"]).where("id", "=", id).execute();
   * // rows: Bound<"marketing", "account", { email: string; company: string }>[]
   */
  selectFrom<T extends keyof Tables<M> & keyof DB & string, const Cs extends readonly string[]>(
    table: T,
    columns: { readonly [I in keyof Cs]: ColumnArgument<D, M, P, T, Cs[I]> },
  ): SelectQueryBuilder<
    PurposeView<DB, D, M, P>,
    T,
    Bound<P, CategoriesOf<M, T, Cs>, Row<DB, T, Cs>>
  >;
}

/** The decision refusing a full card number on its way into a column, citing the card category. */
function cardNumberRefusal(
  policy: PolicyDeclaration,
  purpose: string,
  category: string,
  where: string,
): DeniedUseDecision {
  const declared = policy.categories[category];
  return {
    kind: "use",
    allowed: false,
    purpose,
    category,
    basis: null,
    jurisdiction: null,
    law: null,
    reasons: [
      {
        code: "prohibited",
        message: `${purpose} may not store a full card number (${category}) in ${where}`,
        section: declared?.section ?? "",
        text: declared?.text ?? "",
      },
    ],
    obligations: [],
    policy: { id: policy.id, version: policy.version },
  };
}

/** Options of {@link purposeScopes}. */
export interface PurposeScopeOptions<D extends PolicyDeclaration = PolicyDeclaration> {
  /** The moment consent is judged at; the time each query is built by default. */
  readonly now?: () => Date;
  /**
   * The policy's category of payment card data: a written value holding a full card number
   * is refused with a decision citing that category's section (TrunkIQ: `"payment-card"`,
   * §2(a)). Without it such a value is refused all the same, with a `ScopedQueryError`.
   * `contains` is `containsFullCardNumber` of `@trunkiq/policy-law` by default.
   */
  readonly cardNumbers?: {
    readonly category: CategoryOf<D>;
    readonly contains?: (value: unknown) => boolean;
  };
}

/** What {@link purposeScopes} returns: one scope per purpose. */
export interface PurposeScopes<DB, D extends PolicyDeclaration, M> {
  forPurpose<P extends PurposeOf<D>>(
    purpose: Declared<P, PurposeOf<D>, "purpose">,
    context?: UseContextFor<D, P>,
  ): PurposeScope<DB, D, M, P>;
}

/**
 * Purpose limitation where the data lives: `forPurpose(purpose)` gives a query builder that
 * reads only the columns whose categories the purpose may use, narrows rows in SQL to those of
 * jurisdictions where the use is allowed and, for consent-based uses, to subjects whose consent
 * events show consent now (an `exists` on the consent table; the ledger is never loaded), and
 * never returns a restricted row.
 *
 * @category Queries
 * @example
 * const scopes = purposeScopes(db, guards, dataMap);
 * const marketing = scopes.forPurpose("marketing");
 * await marketing.selectFrom("accounts", ["email"]).execute(); // only consenting subjects
 * marketing.selectFrom("kyc_documents", ["document"]); // compile error: marketing may never use kyc-document (§3)
 */
export function purposeScopes<DB, D extends PolicyDeclaration, M extends DataMapDeclaration>(
  db: Kysely<DB>,
  guards: Guards<D>,
  map: DataMap<D, M>,
  options: PurposeScopeOptions<D> = {},
): PurposeScopes<DB, D, M> {
  const g = loose(guards);
  const now = options.now ?? (() => new Date());
  const contains = options.cardNumbers?.contains ?? containsFullCardNumber;
  const cardCategory: string | undefined = options.cardNumbers?.category;
  return {
    forPurpose(purpose, context) {
      const p = purpose as string;
      const permission = usePermissions(g, map, p, context ?? {});
      const scoped = db.withPlugin(
        new PurposePlugin({
          map,
          purpose: p,
          jurisdictions: g.policy.jurisdictions,
          permission,
          now,
          refuseCardNumber(value, table, column) {
            if (!contains(value)) return;
            const where = `${table}.${column}`;
            if (cardCategory === undefined) {
              throw new ScopedQueryError(
                `the value written to ${where} holds a full card number, which is never stored`,
              );
            }
            throw new PolicyViolationError(cardNumberRefusal(g.policy, p, cardCategory, where));
          },
        }),
      );
      return {
        purpose,
        db: scoped,
        selectFrom(table: string, columns: readonly unknown[]) {
          const t = map.tables[table];
          if (t === undefined)
            throw new ScopedQueryError(`${table} is not a table of the data map`);
          // Checked here too, so a refusal names the column before the query is even built.
          for (const column of columns) {
            const category =
              typeof column === "string" && Object.hasOwn(t.columns, column)
                ? t.columns[column]
                : undefined;
            if (category === undefined) {
              throw new ScopedQueryError(`${String(column)} is not a mapped column of ${table}`);
            }
            const refusal = permission(category).refusal;
            if (refusal !== undefined) throw new PolicyViolationError(refusal);
          }
          return (scoped as unknown as Kysely<Record<string, Record<string, unknown>>>)
            .selectFrom(table)
            .select(columns as string[]);
        },
      } as unknown as PurposeScope<DB, D, M, typeof purpose & PurposeOf<D>>;
    },
  } as PurposeScopes<DB, D, M>;
}
