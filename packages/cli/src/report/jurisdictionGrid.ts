import {
  type Decision,
  matrixCellLines,
  type Obligation,
  type PolicyDeclaration,
  policyMatrix,
  type Reason,
} from "@trunkiq/policy-core";
import { UsageError } from "../internal/errors";
import {
  type FieldValue,
  type Pair,
  pairFields,
  questionFields,
  type SpaceField,
  spacePoints,
} from "../internal/questionSpace";
import type { PolicyKit } from "../PolicyKit";
import { allowedWhen, type FieldSpace } from "./allowedWhen";

/** How a pair is answered in one jurisdiction across every context. */
export type CellState = "allowed" | "conditional" | "denied";

/** One cell of a jurisdiction's grid, as the guards answer it. */
export interface GridCell {
  readonly row: string;
  readonly column: string;
  readonly state: CellState;
  /** Contexts asked, and how many of them allowed the pair. */
  readonly contexts: number;
  readonly allowedIn: number;
  /** The bases of the allowing answers. */
  readonly bases: readonly string[];
  /** The contexts that allow, as terms over the fields the answer depends on. */
  readonly allowedWhen: readonly string[];
  /** Obligations of the allowing answers; `always` is false for one lifted in some contexts. */
  readonly obligations: readonly (Obligation & { readonly always: boolean })[];
  /** The reasons of the allowing answers: the rule and the sentence that grant the pair. */
  readonly grants: readonly Reason[];
  /** The reasons of the denying answers. */
  readonly denials: readonly Reason[];
  /** The cell as declared, worded by core's `matrixCellLines`: the same lines as `matrix`. */
  readonly declared: readonly string[];
}

/** One jurisdiction's purpose × category or category × recipient grid. */
export interface JurisdictionGrid {
  readonly question: "use" | "share";
  readonly jurisdiction: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** `cells[row][column]` */
  readonly cells: Readonly<Record<string, Readonly<Record<string, GridCell>>>>;
}

// Every combination of a pair's fields is asked; beyond this the report would take minutes.
const MAX_CONTEXTS = 2 ** 16;

const reasonKey = (r: Reason) => `${r.code}\u0000${r.message}\u0000${r.section}`;
const distinct = (reasons: readonly Reason[]) => [
  ...new Map(reasons.map((r) => [reasonKey(r), r])).values(),
];

/** Every condition id under a `when` or `unless` key anywhere in a declaration's value. */
function conditionIds(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) conditionIds(v, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if ((key === "when" || key === "unless") && Array.isArray(v)) {
        for (const id of v) if (typeof id === "string") into.add(id);
      }
      conditionIds(v, into);
    }
  }
  return into;
}

/**
 * The context fields a pair's answer can depend on, each with every value it takes: those its
 * prohibitions read (`pairFields`, as `diff` asks them) and those any condition in the
 * purpose's or recipient's own declaration and the pair's rule reads, wherever it sits, so a
 * rule that differs by jurisdiction is asked in full. `jurisdiction` is set by the grid.
 */
function pairSpace(
  policy: PolicyDeclaration,
  pair: Pair,
  fields: readonly SpaceField[],
): FieldSpace {
  const actors = pair.question === "use" ? policy.purposes : policy.recipients;
  const actor = Object.hasOwn(actors, pair.actor) ? actors[pair.actor] : undefined;
  const rules = actor && ("uses" in actor ? actor.uses : actor.receives);
  const { uses: _u, receives: _r, ...own } = (actor ?? {}) as Record<string, unknown>;
  const ids = conditionIds([own, rules?.[pair.category]], new Set());
  const read = new Set(pairFields(policy, policy, pair, fields).map((f) => f.name));
  for (const id of ids) {
    const field = Object.hasOwn(policy.conditions, id) ? policy.conditions[id]?.field : undefined;
    if (field !== undefined) read.add(field);
  }
  const space = fields.filter((f) => f.name !== "jurisdiction" && read.has(f.name));
  const count = space.reduce((n, f) => n * f.values.length, 1);
  if (count > MAX_CONTEXTS) {
    throw new UsageError(
      `the report asks ${pair.question} ${pair.actor} → ${pair.category} in every context: ${count} combinations of context values, more than ${MAX_CONTEXTS}`,
    );
  }
  return space.map((f) => ({ name: f.name, values: f.values }));
}

function gridCell(
  row: string,
  column: string,
  decisions: readonly { context: Readonly<Record<string, FieldValue>>; decision: Decision }[],
  space: FieldSpace,
  declared: readonly string[],
): GridCell {
  const allowed = decisions.filter((d) => d.decision.allowed);
  const obligations = new Map<string, Obligation & { always: boolean }>();
  for (const { decision } of allowed) {
    for (const o of decision.obligations) obligations.set(o.id, { ...o, always: true });
  }
  for (const o of obligations.values()) {
    o.always = allowed.every(({ decision }) => decision.obligations.some((x) => x.id === o.id));
  }
  const state: CellState =
    allowed.length === 0
      ? "denied"
      : allowed.length === decisions.length
        ? "allowed"
        : "conditional";
  return {
    row,
    column,
    state,
    contexts: decisions.length,
    allowedIn: allowed.length,
    bases: [...new Set(allowed.map(({ decision }) => decision.basis as string))],
    allowedWhen: allowedWhen(
      space,
      decisions.map(({ context, decision }) => ({ context, allowed: decision.allowed })),
    ),
    obligations: [...obligations.values()],
    grants: distinct(allowed.flatMap(({ decision }) => decision.reasons)),
    denials: distinct(
      decisions.filter((d) => !d.decision.allowed).flatMap(({ decision }) => decision.reasons),
    ),
    declared,
  };
}

/**
 * A jurisdiction's grid for one question, asked of the guards with `jurisdiction` in every
 * context: each pair in every combination of the values of the context fields it can depend on. Rows and columns and
 * the declared wording come from core's `policyMatrix`, as the `matrix` command reads them.
 *
 * @example
 * jurisdictionGrid(kit, "use", "eea").cells.marketing?.account?.state; // "conditional"
 */
export function jurisdictionGrid(
  kit: PolicyKit,
  question: "use" | "share",
  jurisdiction: string,
): JurisdictionGrid {
  const { policy } = kit;
  const m = policyMatrix(policy);
  const fields = questionFields(policy, policy, question);
  const [rows, columns] =
    question === "use" ? [m.purposes, m.categories] : [m.categories, m.recipients];
  const cells: Record<string, Record<string, GridCell>> = {};
  for (const row of rows) {
    cells[row] = {};
    for (const column of columns) {
      const pair: Pair =
        question === "use"
          ? { question, actor: row, category: column }
          : { question, actor: column, category: row };
      const space = pairSpace(policy, pair, fields);
      const contexts = [...spacePoints(space.map((f) => ({ ...f, omittable: false })))];
      const decisions = contexts.map(({ context }) => {
        const asked = { ...context, jurisdiction };
        return {
          context,
          decision:
            question === "use" ? kit.canUse(row, column, asked) : kit.canShare(row, column, asked),
        };
      });
      const matrixCell = question === "use" ? m.uses[row]?.[column] : m.shares[row]?.[column];
      const declared = matrixCell ? matrixCellLines(policy, matrixCell) : [];
      cells[row][column] = gridCell(row, column, decisions, space, declared);
    }
  }
  return { question, jurisdiction, rows, columns, cells };
}
