import type { Decision, PolicyRef, Reason, ShareDecision, UseDecision } from "./decision";
import type { PolicyDeclaration, ProhibitionDeclaration } from "./declaration";
import { explain } from "./explain";
import { auditEmitter } from "./internal/audit";
import { contextReader, describe, fieldSpecs } from "./internal/context";
import { questionText } from "./internal/questionText";
import {
  compilePair,
  conditionCompiler,
  type PairQuestion,
  type PairTable,
} from "./internal/ruleTable";
import { validateSchedule } from "./internal/schedule";
import { isValidatedPolicy } from "./internal/validatedPolicies";
import { ownFields } from "./ownFields";
import { PolicyDefinitionError } from "./PolicyDefinitionError";
import { PolicyViolationError } from "./PolicyViolationError";
import { compileRetention, type RetentionSchedule } from "./retention";
import type { AuditHooks } from "./types/AuditHooks";
import type { Guards } from "./types/Guards";
import type { CheckPolicy } from "./types/Policy";
import type { CheckSchedule } from "./types/RetentionSchedule";

/**
 * Options of {@link createGuards}. `S` is the literal type of the retention schedule, so the
 * compiler can check it against the policy's limits ({@link CheckSchedule}).
 */
export interface GuardOptions<
  D extends PolicyDeclaration = PolicyDeclaration,
  S extends RetentionSchedule = RetentionSchedule,
> extends AuditHooks {
  /**
   * A deployment's own retention periods, `{ [category]: { [jurisdiction]: Duration } }`.
   * A period shorter than a rule's legal minimum or longer than its maximum is refused: at
   * compile time where the units allow an exact comparison, otherwise when the guards are made.
   */
  readonly retention?: S & CheckSchedule<D, S>;
}

const NOT_A_POLICY =
  "createGuards takes a policy made by definePolicy; pass the declaration through definePolicy first";

type Lists = {
  readonly purposes?: readonly string[];
  readonly categories?: readonly string[];
  readonly recipients?: readonly string[];
};
const lists = (list: readonly string[] | undefined, id: string) =>
  list === undefined || list.includes(id);

function matchingProhibitions(
  policy: PolicyDeclaration,
  question: "use" | "share",
  matches: (scope: Lists) => boolean,
): [string, ProhibitionDeclaration][] {
  return Object.entries(policy.prohibitions).filter(([, p]) => {
    const scope = question === "use" ? p.use : p.share;
    return scope !== undefined && matches(scope);
  });
}

/** One pair's decision table, compiled on the pair's first question and kept. */
interface PairSlot<Decision> {
  table: PairTable<Decision> | undefined;
  readonly compile: () => PairTable<Decision>;
}

/** The slots of every (row, column) pair, by row id then column id. */
function pairSlots<Decision>(
  rows: readonly string[],
  columns: readonly string[],
  compile: (row: string, column: string) => PairTable<Decision>,
): Map<string, Map<string, PairSlot<Decision>>> {
  const table = new Map<string, Map<string, PairSlot<Decision>>>();
  for (const row of rows) {
    const slots = new Map<string, PairSlot<Decision>>();
    for (const column of columns) {
      const slot: PairSlot<Decision> = {
        table: undefined,
        compile: () => {
          slot.table = compile(row, column);
          return slot.table;
        },
      };
      slots.set(column, slot);
    }
    table.set(row, slots);
  }
  return table;
}

/**
 * Compiles a policy into guards. A decision is computed once, on the first question that needs
 * it, into frozen tables; every later call looks its answer up, so the path without a context
 * allocates nothing. It takes only a
 * policy `definePolicy` made: any other object is a compile error (`NotAPolicy<...>`) and, cast
 * past the compiler, a {@link PolicyDefinitionError}.
 *
 * @category Guards
 * @example
 * const { canUse, canShare, retentionFor } = createGuards(policy, {
 *   onDecision: (event) => audit.log(event),
 * });
 * canUse("marketing", "account", { consent: req.body.consent === true });
 */
export function createGuards<
  const D extends PolicyDeclaration,
  const S extends RetentionSchedule = Record<never, never>,
>(declaration: D & CheckPolicy<D>, options: GuardOptions<D, S> = {}): Guards<D> {
  // Fail closed: only a declaration definePolicy has checked is compiled.
  if (!isValidatedPolicy(declaration)) {
    throw new PolicyDefinitionError([{ path: "", message: NOT_A_POLICY }]);
  }
  // definePolicy froze the whole declaration, so no one can change a decision afterwards.
  const policy: PolicyDeclaration = declaration;
  const schedule: RetentionSchedule = options.retention ?? {};
  validateSchedule(policy, schedule);
  // definePolicy has refused a pair past MAX_PAIR_CELLS, so every table it compiles is small.
  // INVARIANT: each public guard call emits exactly one event, after deciding; a hook's failure
  // never reaches the caller (see AuditHooks).
  const onDecision = auditEmitter(options);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });

  const useFields = fieldSpecs(policy, "use");
  const shareFields = fieldSpecs(policy, "share");
  const compileUseCondition = conditionCompiler(policy, useFields);
  const compileShareCondition = conditionCompiler(policy, shareFields);

  /** The table of one pair: its actor's rule for the category and the prohibitions matching it. */
  const compileQuestion = <Decision extends UseDecision | ShareDecision>(
    question: "use" | "share",
    actorId: string,
    categoryId: string,
    make: PairQuestion<Decision>["make"],
  ): PairTable<Decision> => {
    const actor =
      question === "use"
        ? (policy.purposes[actorId] as (typeof policy.purposes)[string])
        : (policy.recipients[actorId] as (typeof policy.recipients)[string]);
    const rules = "uses" in actor ? actor.uses : actor.receives;
    const rule = Object.hasOwn(rules, categoryId) ? rules[categoryId] : undefined;
    const prohibitions = matchingProhibitions(
      policy,
      question,
      (s) =>
        lists(question === "use" ? s.purposes : s.recipients, actorId) &&
        lists(s.categories, categoryId),
    );
    const specs = question === "use" ? useFields : shareFields;
    return compilePair<Decision>(
      policy,
      { question, actor: actorId, category: categoryId },
      { describe: questionText(question, actorId, categoryId), actor, make },
      rule,
      prohibitions,
      specs,
      question === "use" ? compileUseCondition : compileShareCondition,
    );
  };
  const compileUse = (purposeId: string, categoryId: string) =>
    compileQuestion<UseDecision>(
      "use",
      purposeId,
      categoryId,
      (v) => ({ kind: "use", purpose: purposeId, category: categoryId, ...v }) as UseDecision,
    );
  const compileShare = (categoryId: string, recipientId: string) =>
    compileQuestion<ShareDecision>(
      "share",
      recipientId,
      categoryId,
      (v) =>
        ({ kind: "share", category: categoryId, recipient: recipientId, ...v }) as ShareDecision,
    );
  // A pair is compiled on its first question (importing the guards builds no decision), and
  // its table is kept: every later call is two lookups.
  const useTable = pairSlots<UseDecision>(
    Object.keys(policy.purposes),
    Object.keys(policy.categories),
    compileUse,
  );
  const shareTable = pairSlots<ShareDecision>(
    Object.keys(policy.categories),
    Object.keys(policy.recipients),
    compileShare,
  );

  const retention = compileRetention(policy, schedule);

  const invalidReason = (message: string, question: "use" | "share"): Reason =>
    Object.freeze({
      code: "invalid-input",
      message,
      section: policy.scopes[question].section,
      text: policy.scopes[question].text,
    });
  const echo = (value: unknown) => (typeof value === "string" ? value : describe(value));
  const known = (map: Map<string, unknown>, value: unknown) =>
    typeof value === "string" && map.has(value);
  const declared = (record: object) => Object.keys(record).join(", ");

  const emit = (decision: Decision, valid: boolean) => {
    if (onDecision === undefined) return;
    onDecision({
      kind: decision.kind,
      allowed: decision.allowed,
      purpose: valid && decision.kind === "use" ? decision.purpose : null,
      category: valid ? decision.category : null,
      recipient: valid && decision.kind === "share" ? decision.recipient : null,
      reasonCodes: Object.freeze(decision.reasons.map((r) => r.code)),
      obligations: Object.freeze(decision.obligations.map((o) => o.id)),
      policy: policyRef,
    });
  };

  const readUse = contextReader(useFields);
  const readShare = contextReader(shareFields);
  const invalidUse = (purpose: unknown, category: unknown, problem: string): UseDecision =>
    Object.freeze({
      kind: "use",
      allowed: false,
      purpose: echo(purpose),
      category: echo(category),
      basis: null,
      jurisdiction: null,
      law: null,
      reasons: Object.freeze([invalidReason(problem, "use")]),
      obligations: Object.freeze([]),
      policy: policyRef,
    });
  const invalidShare = (category: unknown, recipient: unknown, problem: string): ShareDecision =>
    Object.freeze({
      kind: "share",
      allowed: false,
      category: echo(category),
      recipient: echo(recipient),
      basis: null,
      jurisdiction: null,
      law: null,
      reasons: Object.freeze([invalidReason(problem, "share")]),
      obligations: Object.freeze([]),
      policy: policyRef,
    });

  // The answer is looked up; only a refused input builds a decision, so a call allocates nothing.
  const canUse = (purpose: unknown, category: unknown, context?: unknown): UseDecision => {
    const slot =
      typeof purpose === "string" && typeof category === "string"
        ? useTable.get(purpose)?.get(category)
        : undefined;
    if (slot === undefined) {
      const problem = !known(useTable, purpose)
        ? `unknown purpose ${describe(purpose)} (declared: ${declared(policy.purposes)})`
        : `unknown data category ${describe(category)} (declared: ${declared(policy.categories)})`;
      const decision = invalidUse(purpose, category, problem);
      emit(decision, false);
      return decision;
    }
    const table = slot.table ?? slot.compile();
    let decision = table.defaultDecision;
    if (context !== undefined) {
      const cell = readUse(context, table.strides);
      decision =
        typeof cell === "number" ? table.decision(cell) : invalidUse(purpose, category, cell);
    }
    emit(decision, true);
    return decision;
  };

  const canShare = (category: unknown, recipient: unknown, context?: unknown): ShareDecision => {
    const slot =
      typeof category === "string" && typeof recipient === "string"
        ? shareTable.get(category)?.get(recipient)
        : undefined;
    if (slot === undefined) {
      const problem = !known(shareTable, category)
        ? `unknown data category ${describe(category)} (declared: ${declared(policy.categories)})`
        : `unknown recipient ${describe(recipient)} (declared: ${declared(policy.recipients)})`;
      const decision = invalidShare(category, recipient, problem);
      emit(decision, false);
      return decision;
    }
    const table = slot.table ?? slot.compile();
    let decision = table.defaultDecision;
    if (context !== undefined) {
      const cell = readShare(context, table.strides);
      decision =
        typeof cell === "number" ? table.decision(cell) : invalidShare(category, recipient, cell);
    }
    emit(decision, true);
    return decision;
  };

  const emitRetention = (
    kind: "retention" | "retention-cutoff",
    allowed: boolean,
    decision: { category: string; rule: unknown; reasons: readonly Reason[] },
  ) =>
    onDecision?.({
      kind,
      allowed,
      purpose: null,
      // A rule was found only for a declared category.
      category: decision.rule !== null ? decision.category : null,
      recipient: null,
      reasonCodes: Object.freeze(decision.reasons.map((r) => r.code)),
      obligations: Object.freeze([]),
      policy: policyRef,
    });

  const retentionFor = (category: unknown, context: unknown) => {
    const decision = retention.retentionFor(category, context);
    emitRetention("retention", decision.expired, decision);
    return decision;
  };

  const retentionCutoff = (category: unknown, context: unknown) => {
    const decision = retention.retentionCutoff(category, context);
    emitRetention("retention-cutoff", decision.cutoff !== null, decision);
    return decision;
  };

  const guards = {
    policy,
    canUse,
    canShare,
    assertCanUse: (purpose: unknown, category: unknown, context?: unknown) => {
      const decision = canUse(purpose, category, context);
      if (!decision.allowed) throw new PolicyViolationError(decision);
      return decision;
    },
    assertCanShare: (category: unknown, recipient: unknown, context?: unknown) => {
      const decision = canShare(category, recipient, context);
      if (!decision.allowed) throw new PolicyViolationError(decision);
      return decision;
    },
    retentionFor,
    retentionCutoff,
    bind: (purpose: unknown, category: unknown, value: unknown, context?: unknown) => {
      const decision = canUse(purpose, category, context);
      if (!decision.allowed) throw new PolicyViolationError(decision);
      return value;
    },
    clear: (category: unknown, recipient: unknown, value: unknown, context?: unknown) => {
      const decision = canShare(category, recipient, context);
      if (!decision.allowed) throw new PolicyViolationError(decision);
      return value;
    },
    isBoundTo: (message: unknown, purpose: unknown, category: unknown): boolean => {
      // The pair is decided first, so every check emits one event whatever the message holds.
      const permitted = canUse(purpose, category).allowed;
      if (message === null || typeof message !== "object") return false;
      try {
        // Own data fields only: a polluted prototype must not bind a message to a purpose.
        const read = ownFields(message, ["purpose", "category"], "message");
        return (
          read.problem === undefined &&
          read.fields.purpose === purpose &&
          read.fields.category === category &&
          Object.hasOwn(message, "data") &&
          permitted
        );
      } catch {
        return false;
      }
    },
    // The typed guards already refuse anything undeclared at runtime; these only type it as such.
    untrusted: Object.freeze({ canUse, canShare, retentionFor, retentionCutoff }),
    explain,
  };
  return Object.freeze(guards) as unknown as Guards<D>;
}
