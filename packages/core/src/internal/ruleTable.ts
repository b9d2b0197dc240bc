import type { Obligation, PolicyRef, Reason } from "../decision";
import type { PolicyDeclaration, ProhibitionDeclaration, RuleDeclaration } from "../declaration";
import { type FieldSpec, type Question, unstatedJurisdiction } from "./context";
import { type Actor, ruleIn } from "./jurisdictionRules";
import { pairFields } from "./tableSize";

/** A condition as the engine evaluates it. */
export interface CompiledCondition {
  readonly id: string;
  readonly spec: FieldSpec;
  /** The values of its field for which it holds: one, unless declared with `oneOf`. */
  readonly holdsFor: readonly (string | boolean)[];
}

/**
 * Every possible decision for one pair: one cell per combination of the values of the fields
 * the pair reads, numbered in mixed radix with `fields[0]` the lowest digit. A cell's decision
 * is built the first time it is asked for and kept, so making guards costs nothing per cell and
 * a repeated question allocates nothing.
 */
export interface PairTable<Decision> {
  readonly fields: readonly FieldSpec[];
  /** The place value of each field of the question in a cell number, 0 where the pair ignores it. */
  readonly strides: readonly number[];
  /** The decision of a cell number made with `strides`. */
  readonly decision: (cell: number) => Decision;
  readonly defaultDecision: Decision;
}

/** What a decision looks like apart from its verdict: the question and the actor it asks about. */
export interface PairQuestion<Decision> {
  readonly describe: string;
  /** The purpose or recipient: its basis, law, variants and citation. */
  readonly actor: Actor;
  readonly make: (verdict: {
    allowed: boolean;
    basis: string | null;
    jurisdiction: string | null;
    law: string | null;
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
  const fields = pairFields(policy, pair.question, pair.actor, pair.category, rule, specs);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const scope = policy.scopes[pair.question];

  const decide = (cell: number): Decision => {
    const values = new Map<string, string | boolean>();
    let rest = cell;
    let unstated: FieldSpec | undefined;
    for (const f of fields) {
      const digit = rest % f.slots;
      if (digit === f.unstated && unstatedJurisdiction(f)) unstated = f;
      else values.set(f.name, f.values[digit] as string | boolean);
      rest = Math.floor(rest / f.slots);
    }
    const jurisdiction = (values.get("jurisdiction") as string | undefined) ?? null;
    const verdict = (v: {
      allowed: boolean;
      basis?: string;
      law?: string | null;
      reasons: Reason[];
      obligations?: Obligation[];
    }) =>
      question.make({
        allowed: v.allowed,
        basis: v.basis ?? null,
        jurisdiction,
        law: v.law ?? null,
        reasons: v.reasons,
        obligations: v.obligations ?? [],
        policy: policyRef,
      });
    // INVARIANT: the answer depends on the jurisdiction, so a context without one is refused.
    if (unstated !== undefined) {
      return question.make({
        allowed: false,
        basis: null,
        jurisdiction: null,
        law: null,
        reasons: [
          {
            code: "invalid-input",
            message: `${question.describe} depends on the jurisdiction: the context must give "jurisdiction" (${unstated.values.join(" | ")})`,
            section: scope.section,
            text: scope.text,
          },
        ],
        obligations: [],
        policy: policyRef,
      });
    }
    const holds = (id: string) => {
      const c = compile(id);
      return c.holdsFor.includes(values.get(c.spec.name) as string | boolean);
    };
    const cite = (id: string) => policy.conditions[id] ?? { section: "", text: "" };
    const where = jurisdiction === null ? "" : ` in ${jurisdiction}`;

    const active = prohibitions.filter(([, p]) => (p.when ?? []).every(holds));
    if (active.length > 0) {
      return verdict({
        allowed: false,
        reasons: active.map(([id, p]) => ({
          code: "prohibited",
          message: `${question.describe} is prohibited (${id})`,
          section: p.section,
          text: p.text,
        })),
      });
    }
    if (!rule) {
      return verdict({
        allowed: false,
        reasons: [
          {
            code: "not-permitted",
            message: `no rule of the policy permits ${question.describe}`,
            section: question.actor.section,
            text: question.actor.text,
          },
        ],
      });
    }
    const decided = ruleIn(question.actor, rule, jurisdiction);
    if (decided.denied) {
      return verdict({
        allowed: false,
        law: decided.law,
        reasons: [
          {
            code: "not-permitted",
            message: `${question.describe} is not permitted${where} under ${decided.law}`,
            section: decided.section,
            text: decided.text,
          },
        ],
      });
    }
    const unmet: Reason[] = [];
    for (const alternative of decided.alternatives) {
      const before = unmet.length;
      for (const id of alternative.when) {
        if (!holds(id)) {
          const c = compile(id);
          unmet.push({
            code: "condition-unmet",
            message: `${question.describe}${where} requires "${id}" (${c.spec.name} = ${c.holdsFor.map((v) => JSON.stringify(v)).join(" or ")})`,
            ...pick(cite(id)),
          });
        }
      }
      for (const id of alternative.unless) {
        if (holds(id)) {
          unmet.push({
            code: "condition-unmet",
            message: `${question.describe}${where} is excluded while "${id}" holds`,
            ...pick(cite(id)),
          });
        }
      }
      if (unmet.length > before) continue;
      const obligations: Obligation[] = [];
      for (const ref of alternative.obligations) {
        const id = typeof ref === "string" ? ref : ref.id;
        const lifted = typeof ref === "string" ? false : (ref.unless ?? []).some(holds);
        const declared = policy.obligations[id];
        if (!lifted && declared && !obligations.some((o) => o.id === id))
          obligations.push({ id, message: declared.text, section: declared.section });
      }
      const law = alternative.law === null ? "" : ` under ${alternative.law}`;
      return verdict({
        allowed: true,
        basis: alternative.basis,
        law: alternative.law,
        reasons: [
          {
            code: "permitted",
            message: `${question.describe} is permitted${where} on the basis of ${alternative.basis}${law}`,
            section: alternative.section,
            text: alternative.text,
          },
        ],
        obligations,
      });
    }
    // No alternative applies: each says what it lacks, a shared condition once.
    const seen = new Set<string>();
    const reasons = unmet.filter((r) => {
      if (seen.has(r.message)) return false;
      seen.add(r.message);
      return true;
    });
    return verdict({ allowed: false, reasons });
  };

  // INVARIANT: createGuards has refused a pair past MAX_PAIR_CELLS, so the product is small.
  const cells = fields.reduce((n, f) => n * f.slots, 1);
  // Filled with `undefined`, not holes, so reading a cell not built yet stays a fast lookup.
  const decisions: (Decision | undefined)[] = new Array(cells).fill(undefined);
  const decision = (cell: number): Decision => {
    let built = decisions[cell];
    if (built === undefined) {
      built = deepFreezeDecision(decide(cell));
      decisions[cell] = built;
    }
    return built;
  };
  let stride = 1;
  let defaultCell = 0;
  const strideOf = new Map<FieldSpec, number>();
  for (const f of fields) {
    strideOf.set(f, stride);
    defaultCell += f.unstated * stride;
    stride *= f.slots;
  }
  const strides = Object.freeze(specs.map((s) => strideOf.get(s) ?? 0));
  return Object.freeze({ fields, strides, decision, defaultDecision: decision(defaultCell) });
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
