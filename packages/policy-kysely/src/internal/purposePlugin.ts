import { type DataMap, PolicyViolationError } from "@trunkiq/policy-core";
import {
  AndNode,
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

function collect(node: unknown, reads: Reads): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, reads);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as OperationNode & Record<string, unknown>;
  switch (n.kind) {
    case "RawNode":
      reads.raw = true;
      return;
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

/** The tables of the query's own FROM and JOIN, each with the name SQL refers to it by. */
function topLevel(node: SelectQueryNode): { table: string; alias: string }[] {
  const items = [
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
    if (node.kind !== "SelectQueryNode") {
      throw new ScopedQueryError(
        `a purpose scope only reads: ${node.kind.replace(/Node$/, "")} is refused`,
      );
    }
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
    } as SelectQueryNode;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
