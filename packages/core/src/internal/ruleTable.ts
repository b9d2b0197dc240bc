import type { Obligation, PolicyRef, Reason } from "../decision";
import type { PolicyDeclaration, ProhibitionDeclaration, RuleDeclaration } from "../declaration";
import type { FieldSpec, Question } from "./context";
import { fieldsRead, pairConditionIds } from "./tableSize";

/** A condition as the engine evaluates it. */
export interface CompiledCondition {
  readonly id: string;
  readonly spec: FieldSpec;
  /** The values of its field for which it holds: one, unless declared with `oneOf`. */
  readonly holdsFor: readonly (string | boolean)[];
}

/**
 * Every possible decision for one pair, precomputed: one cell per combination of the values
 * of the fields the pair reads, numbered in mixed radix with `fields[0]` the lowest digit.
 */
export interface PairTable<Decision> {
  readonly fields: readonly FieldSpec[];
  /** The place value of each field of the question in a cell number, 0 where the pair ignores it. */
  readonly strides: readonly number[];
  readonly decisions: readonly Decision[];
  readonly defaultDecision: Decision;
}

/** What a decision looks like apart from its verdict: the question and the basis it would have. */
export interface PairQuestion<Decision> {
  readonly describe: string;
  readonly basis: string;
  readonly citation: { readonly section: string; readonly text: string };
  readonly make: (verdict: {
    allowed: boolean;
    basis: string | null;
    reasons: readonly Reason[];
    obligations: readonly Obligation[];
    policy: PolicyRef;
  }) => Decision;
}

/** Looks up and compiles conditions by id; a policy's conditions are compiled once. */
export function conditionCompiler(policy: PolicyDeclaration, specs: readonly FieldSpec[]) {
  const compiled = new Map<string, CompiledCondition>();
  return (id: string): CompiledCondition => {
    let condition = compiled.get(id);
    if (!condition) {
      const declared = policy.conditions[id];
      const spec = specs.find((s) => s.name === declared?.field);
      // INVARIANT: definePolicy has checked every reference, so both exist.
      if (!declared || !spec) throw new Error(`condition "${id}" does not apply to this question`);
      condition = { id, spec, holdsFor: declared.oneOf ?? [declared.equals ?? true] };
      compiled.set(id, condition);
    }
    return condition;
  };
}

/** Builds the decision table of one pair from its rule (if any) and the prohibitions matching it. */
export function compilePair<Decision extends object>(
  policy: PolicyDeclaration,
  pair: { readonly question: Question; readonly actor: string; readonly category: string },
  question: PairQuestion<Decision>,
  rule: RuleDeclaration | undefined,
  prohibitions: readonly [string, ProhibitionDeclaration][],
  specs: readonly FieldSpec[],
  compile: (id: string) => CompiledCondition,
): PairTable<Decision> {
  const ids = pairConditionIds(policy, pair.question, pair.actor, pair.category, rule);
  const fields = fieldsRead(policy, ids, specs);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });

  const decide = (cell: number): Decision => {
    const values = new Map<string, string | boolean>();
    let rest = cell;
    for (const f of fields) {
      values.set(f.name, f.values[rest % f.values.length] as string | boolean);
      rest = Math.floor(rest / f.values.length);
    }
    const holds = (id: string) => {
      const c = compile(id);
      return c.holdsFor.includes(values.get(c.spec.name) as string | boolean);
    };
    const cite = (id: string) => policy.conditions[id] ?? { section: "", text: "" };
    const deny = (reasons: Reason[]) =>
      question.make({ allowed: false, basis: null, reasons, obligations: [], policy: policyRef });

    const active = prohibitions.filter(([, p]) => (p.when ?? []).every(holds));
    if (active.length > 0) {
      return deny(
        active.map(([id, p]) => ({
          code: "prohibited",
          message: `${question.describe} is prohibited (${id})`,
          section: p.section,
          text: p.text,
        })),
      );
    }
    if (!rule) {
      return deny([
        {
          code: "not-permitted",
          message: `no rule of the policy permits ${question.describe}`,
          section: question.citation.section,
          text: question.citation.text,
        },
      ]);
    }
    const unmet: Reason[] = [];
    for (const id of rule.when ?? []) {
      if (!holds(id)) {
        const c = compile(id);
        unmet.push({
          code: "condition-unmet",
          message: `${question.describe} requires "${id}" (${c.spec.name} = ${c.holdsFor.map((v) => JSON.stringify(v)).join(" or ")})`,
          ...pick(cite(id)),
        });
      }
    }
    for (const id of rule.unless ?? []) {
      if (holds(id)) {
        unmet.push({
          code: "condition-unmet",
          message: `${question.describe} is excluded while "${id}" holds`,
          ...pick(cite(id)),
        });
      }
    }
    if (unmet.length > 0) return deny(unmet);

    const ruleCitation = {
      section: rule.section ?? question.citation.section,
      text: rule.text ?? question.citation.text,
    };
    const obligations: Obligation[] = [];
    for (const ref of rule.obligations ?? []) {
      const id = typeof ref === "string" ? ref : ref.id;
      const lifted = typeof ref === "string" ? false : (ref.unless ?? []).some(holds);
      const declared = policy.obligations[id];
      if (!lifted && declared)
        obligations.push({ id, message: declared.text, section: declared.section });
    }
    return question.make({
      allowed: true,
      basis: question.basis,
      reasons: [
        {
          code: "permitted",
          message: `${question.describe} is permitted on the basis of ${question.basis}`,
          ...ruleCitation,
        },
      ],
      obligations,
      policy: policyRef,
    });
  };

  // INVARIANT: createGuards has refused a pair past MAX_PAIR_CELLS, so the product is small.
  const cells = fields.reduce((n, f) => n * f.values.length, 1);
  const decisions = Array.from({ length: cells }, (_, cell) => deepFreezeDecision(decide(cell)));
  let stride = 1;
  let defaultCell = 0;
  const strideOf = new Map<FieldSpec, number>();
  for (const f of fields) {
    strideOf.set(f, stride);
    defaultCell += f.values.indexOf(f.default) * stride;
    stride *= f.values.length;
  }
  const strides = Object.freeze(specs.map((s) => strideOf.get(s) ?? 0));
  const defaultDecision = decisions[defaultCell] as Decision;
  return Object.freeze({ fields, strides, decisions: Object.freeze(decisions), defaultDecision });
}

function pick(c: { section: string; text: string }) {
  return { section: c.section, text: c.text };
}

function deepFreezeDecision<T extends object>(decision: T): T {
  const d = decision as { reasons?: readonly object[]; obligations?: readonly object[] };
  for (const r of d.reasons ?? []) Object.freeze(r);
  for (const o of d.obligations ?? []) Object.freeze(o);
  if (d.reasons) Object.freeze(d.reasons);
  if (d.obligations) Object.freeze(d.obligations);
  return Object.freeze(decision);
}
