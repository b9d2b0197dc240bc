import { type DataMap, PolicyViolationError } from "@trunkiq/policy-core";
import {
  AndNode,
  type InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  sql,
  type UnknownRow,
  type UpdateQueryNode,
  WhereNode,
} from "kysely";
import { ScopedQueryError } from "../ScopedQueryError";
import { consentHolds, rowFilter } from "./rowFilter";
import type { ColumnPermission } from "./usePermissions";

interface Name {
  readonly name: string;
}
const nameOf = (node: unknown): string | undefined =>
  (node as { table?: { identifier?: Name } } | undefined)?.table?.identifier?.name;

/** What a query reads: the tables it names, their aliases, and every column reference. */
interface Reads {
  readonly tables: Set<string>;
  readonly aliases: Map<string, string>;
  readonly refs: { readonly table: string | undefined; readonly column: string | "*" }[];
  raw: boolean;
}

/** A raw node that is only `asc` or `desc`, as Kysely's `orderBy(ref, "desc")` writes it. */
function isSortDirection(node: OperationNode & { sqlFragments?: unknown }): boolean {
  const raw = node as OperationNode & { sqlFragments?: unknown; parameters?: unknown };
  return (
    raw.kind === "RawNode" &&
    Array.isArray(raw.sqlFragments) &&
    raw.sqlFragments.length === 1 &&
    (raw.sqlFragments[0] === "asc" || raw.sqlFragments[0] === "desc") &&
    Array.isArray(raw.parameters) &&
    raw.parameters.length === 0
  );
}

function collect(node: unknown, reads: Reads): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, reads);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as OperationNode & Record<string, unknown>;
  switch (n.kind) {
    // A value is data, never a name: it is scanned for card numbers, not for columns.
    case "ValueNode":
    case "PrimitiveValueListNode":
      return;
    case "RawNode":
      reads.raw = true;
      return;
    case "OrderByItemNode": {
      // Kysely writes a sort direction as raw SQL: `asc` or `desc` alone names no column.
      const direction = n.direction as (OperationNode & { sqlFragments?: unknown }) | undefined;
      collect(n.orderBy, reads);
      collect(n.collation, reads);
      if (direction !== undefined && !isSortDirection(direction)) collect(direction, reads);
      return;
    }
    case "TableNode": {
      const name = nameOf(n);
      if (name !== undefined) reads.tables.add(name);
      return;
    }
    case "AliasNode": {
      const inner = n.node as OperationNode;
      if (inner.kind === "TableNode") {
        const table = nameOf(inner);
        const alias = (n.alias as Partial<Name>).name;
        if (table !== undefined && alias !== undefined) reads.aliases.set(alias, table);
      }
      collect(inner, reads);
      return;
    }
    case "ReferenceNode": {
      const column = n.column as OperationNode & { column?: Name };
      const table = n.table === undefined ? undefined : nameOf(n.table);
      reads.refs.push({
        table,
        column: column.kind === "SelectAllNode" ? "*" : (column.column?.name ?? "*"),
      });
      return;
    }
    case "ColumnNode":
      reads.refs.push({ table: undefined, column: (n.column as Name).name });
      return;
    case "SelectAllNode":
      reads.refs.push({ table: undefined, column: "*" });
      return;
  }
  for (const value of Object.values(n)) collect(value, reads);
}

/** The tables of the query's own FROM and JOIN (and UPDATE), each with the name SQL refers to it by. */
function topLevel(node: SelectQueryNode | UpdateQueryNode): { table: string; alias: string }[] {
  const items = [
    ...(node.kind === "UpdateQueryNode" && node.table !== undefined ? [node.table] : []),
    ...(node.from?.froms ?? []),
    ...(node.joins ?? []).map((j) => j.table as OperationNode),
  ];
  const found: { table: string; alias: string }[] = [];
  for (const item of items) {
    if (item.kind === "TableNode") {
      const table = nameOf(item);
      if (table !== undefined) found.push({ table, alias: table });
    } else if (item.kind === "AliasNode") {
      const a = item as OperationNode & { node: OperationNode; alias: Partial<Name> };
      const table = a.node.kind === "TableNode" ? nameOf(a.node) : undefined;
      if (table !== undefined && a.alias.name !== undefined) {
        found.push({ table, alias: a.alias.name });
      }
    }
  }
  return found;
}

export interface PurposePluginOptions {
  readonly map: DataMap;
  readonly purpose: string;
  readonly jurisdictions: readonly string[];
  readonly permission: (category: string) => ColumnPermission;
  readonly now: () => Date;
  /** Refuses a written value that holds a full card number, naming the column. */
  readonly refuseCardNumber: (value: unknown, table: string, column: string) => void;
}

/** Every value a write stores, with the column it goes to. */
function writtenValues(
  node: InsertQueryNode | UpdateQueryNode,
): { column: string; values: unknown[] }[] {
  const found: { column: string; values: unknown[] }[] = [];
  const nameOfColumn = (c: OperationNode) => (c as { column?: Partial<Name> }).column?.name ?? "?";
  const visit = (n: unknown, column: string | undefined): void => {
    if (Array.isArray(n)) {
      for (const item of n) visit(item, column);
      return;
    }
    if (n === null || typeof n !== "object") return;
    const o = n as OperationNode & Record<string, unknown>;
    switch (o.kind) {
      case "ValueNode":
        if (column !== undefined) found.push({ column, values: [o.value] });
        return;
      case "PrimitiveValueListNode":
        if (column !== undefined) found.push({ column, values: [...(o.values as unknown[])] });
        return;
      case "ColumnUpdateNode":
        visit(o.value, nameOfColumn(o.column as OperationNode));
        return;
      case "ValuesNode": {
        const columns = (node.kind === "InsertQueryNode" ? (node.columns ?? []) : []).map((c) =>
          nameOfColumn(c as OperationNode),
        );
        for (const row of o.values as OperationNode[]) {
          const items = (row as unknown as { values: readonly unknown[] }).values;
          items.forEach((item, i) => {
            const name = columns[i] ?? "?";
            if (row.kind === "PrimitiveValueListNode") found.push({ column: name, values: [item] });
            else visit(item, name);
          });
        }
        return;
      }
    }
    for (const value of Object.values(o)) visit(value, column);
  };
  visit(node, undefined);
  return found;
}

/**
 * Checks every query of a purpose scope before it is compiled: only reads of mapped tables,
 * no raw SQL, no column the purpose may never use (refused with the policy's decision), and
 * rows narrowed in SQL to those the purpose may use: by jurisdiction, by consent events and
 * never a restricted row.
 */
export class PurposePlugin implements KyselyPlugin {
  readonly #o: PurposePluginOptions;

  constructor(options: PurposePluginOptions) {
    this.#o = options;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const { node } = args;
    switch (node.kind) {
      case "SelectQueryNode":
        return this.#narrow(node, this.#uses(node));
      case "UpdateQueryNode":
        this.#scanWrites(node);
        return this.#narrow(node, this.#uses(node));
      case "InsertQueryNode": {
        if (node.values?.kind !== "ValuesNode") {
          throw new ScopedQueryError("a purpose scope inserts only values, not a query's rows");
        }
        this.#scanWrites(node);
        const conditional = this.#uses(node);
        if (conditional.size > 0) {
          throw new ScopedQueryError(
            `${[...conditional.keys()].join(", ")} holds data ${this.#o.purpose} may use only on some rows, which an insert cannot be narrowed to`,
          );
        }
        return node;
      }
      default:
        throw new ScopedQueryError(
          `a purpose scope reads, inserts and updates: ${node.kind.replace(/QueryNode$|Node$/, "")} is refused`,
        );
    }
  }

  /** Refuses a written column the map does not declare, and a value holding a card number. */
  #scanWrites(node: InsertQueryNode | UpdateQueryNode): void {
    const table = node.kind === "InsertQueryNode" ? nameOf(node.into) : topLevel(node)[0]?.table;
    if (table === undefined) throw new ScopedQueryError("the table written to cannot be read");
    const declared = this.#o.map.tables[table]?.columns;
    if (declared === undefined)
      throw new ScopedQueryError(`${table} is not a table of the data map`);
    for (const { column, values } of writtenValues(node)) {
      if (!Object.hasOwn(declared, column)) {
        throw new ScopedQueryError(`${column} is not a mapped column of ${table}`);
      }
      for (const value of values) this.#o.refuseCardNumber(value, table, column);
    }
  }

  /**
   * Checks the tables and columns a query names, refusing what the purpose may never use, and
   * returns, per table, the permissions of the columns it may use only on some rows.
   */
  #uses(node: RootOperationNode): Map<string, ColumnPermission[]> {
    const { map } = this.#o;
    const consentTable = map.consent?.table;
    const reads: Reads = { tables: new Set(), aliases: new Map(), refs: [], raw: false };
    collect(node, reads);
    if (reads.raw) {
      throw new ScopedQueryError("raw SQL in a purpose-scoped query cannot be checked");
    }
    for (const table of reads.tables) {
      if (table !== consentTable && !Object.hasOwn(map.tables, table)) {
        throw new ScopedQueryError(`${table} is not a table of the data map`);
      }
    }
    const mapped = [...reads.tables].filter((t) => Object.hasOwn(map.tables, t));
    // Which columns of which tables the query reads; an unqualified name is taken as a read of
    // every table that has such a column, so a name never slips past its table.
    const used = new Map<string, Set<string>>(mapped.map((t) => [t, new Set<string>()]));
    for (const ref of reads.refs) {
      const tables = ref.table === undefined ? mapped : [reads.aliases.get(ref.table) ?? ref.table];
      for (const table of tables) {
        const declared = map.tables[table]?.columns;
        if (declared === undefined) continue;
        const columns = ref.column === "*" ? Object.keys(declared) : [ref.column];
        for (const column of columns) {
          if (Object.hasOwn(declared, column)) used.get(table)?.add(column);
        }
      }
    }
    const conditional = new Map<string, ColumnPermission[]>();
    for (const [table, columns] of used) {
      const declared = map.tables[table]?.columns ?? {};
      for (const column of columns) {
        const permission = this.#o.permission(declared[column] as string);
        if (permission.refusal !== undefined) throw new PolicyViolationError(permission.refusal);
        if (permission.plain.size < this.#o.jurisdictions.length) {
          conditional.set(table, [...(conditional.get(table) ?? []), permission]);
        }
      }
    }
    return conditional;
  }

  /** Narrows the rows a read or an update reaches to those the purpose may use. */
  #narrow<N extends SelectQueryNode | UpdateQueryNode>(
    node: N,
    conditional: ReadonlyMap<string, readonly ColumnPermission[]>,
  ): N {
    const { map } = this.#o;
    const instances = topLevel(node);
    for (const table of conditional.keys()) {
      if (!instances.some((i) => i.table === table)) {
        throw new ScopedQueryError(
          `${table} holds data ${this.#o.purpose} may use only on some rows; read it from the query's FROM or JOIN`,
        );
      }
    }
    const filters: OperationNode[] = [];
    for (const { table, alias } of instances) {
      const t = map.tables[table];
      if (t === undefined) continue;
      if (t.restrictedAt !== undefined) {
        filters.push(sql`${sql.ref(`${alias}.${t.restrictedAt}`)} is null`.toOperationNode());
      }
      const permissions = conditional.get(table);
      if (permissions !== undefined) {
        const { consent } = map;
        const now = this.#o.now();
        filters.push(
          rowFilter({
            map,
            purpose: this.#o.purpose,
            jurisdictions: this.#o.jurisdictions,
            table,
            alias,
            permissions,
            consented: (subject) =>
              consent === undefined
                ? sql`false`
                : consentHolds(consent, subject, sql`${this.#o.purpose}`, sql`${now}`),
          }).toOperationNode(),
        );
      }
    }
    if (filters.length === 0) return node;
    const added = filters
      .map((f) => ParensNode.create(f) as OperationNode)
      .reduce((left, right) => AndNode.create(left, right));
    return {
      ...node,
      where: WhereNode.create(
        node.where === undefined
          ? added
          : AndNode.create(ParensNode.create(node.where.where), added),
      ),
    };
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
