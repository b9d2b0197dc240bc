import type { Obligation, PolicyDeclaration, Reason } from "@trunkiq/policy-core";
import {
  auditEmitter,
  compileRetention,
  describe,
  frozenCopy,
  validateSchedule,
} from "@trunkiq/policy-core/engine";
import { checkRightArguments } from "./rights/checkRightArguments";
import { compileRights, decideRight } from "./rights/decideRight";
import { planRequest as plan } from "./rights/planRequest";
import { createRightsKit } from "./rights/rightsKit";
import type {
  InvalidRequestPlan,
  RequestPlan,
  RightDecision,
  RightsGuards,
  RightsOptions,
} from "./rights/types";

/**
 * Compiles the data subject rights of a policy (GDPR Arts. 15–21) from its declarations:
 * which purposes use a category on which basis, and how long the retention rules keep it.
 *
 * - access and rectification: every declared category (Arts. 15, 16);
 * - erasure (Art. 17) yields while a legal-obligation retention period runs in the subject's
 *   jurisdiction (17(3)(b)) or a legal hold applies (17(3)(e)), and says until when;
 * - restriction (Art. 18): allowed, with the obligation to establish a ground of 18(1);
 * - objection: to legitimate-interest processing, allowed with `assess-compelling-grounds`
 *   (Art. 21(1)); to direct marketing, absolute (Art. 21(3));
 * - portability: a category some consent- or contract-based purpose uses (Art. 20(1)).
 *
 * Rights the policy does not declare, unknown categories and malformed contexts are denied
 * with `invalid-input`; nothing here throws.
 *
 * @category Rights
 * @example
 * const { canExercise, planRequest } = createRightsGuards(policy, { directMarketing: ["marketing"], responseLaws: { us: "ccpa", eea: "gdpr" } });
 * canExercise("erasure", "kyc-document", { jurisdiction: "eea" }).until; // null: relationship open
 */
export function createRightsGuards<const D extends PolicyDeclaration>(
  declaration: D,
  rightsOptions: RightsOptions = {},
): RightsGuards<D> {
  // Private frozen copies: changing the caller's objects afterwards changes no decision.
  const policy = frozenCopy(declaration);
  // The hooks are functions, which a copy cannot clone: they are taken once, apart from the tables.
  const { onDecision: decisionHook, onHookError, ...tables } = rightsOptions;
  const onDecision = auditEmitter({ onDecision: decisionHook, onHookError });
  const options = frozenCopy(tables);
  const schedule = options.retention ?? {};
  validateSchedule(policy, schedule);
  const kit = createRightsKit(policy, options, compileRetention(policy, schedule), schedule);
  const table = compileRights(kit);

  /** One event per public call; ids only when declared, never a date of the context. */
  const emit = (
    kind: "right" | "request-plan",
    allowed: boolean,
    ids: { right: unknown; category: unknown },
    d: { reasons: readonly Reason[]; obligations: readonly Obligation[] },
  ) =>
    onDecision?.({
      kind,
      allowed,
      purpose: null,
      category:
        typeof ids.category === "string" && Object.hasOwn(policy.categories, ids.category)
          ? ids.category
          : null,
      recipient: null,
      right:
        typeof ids.right === "string" && Object.hasOwn(policy.rights, ids.right) ? ids.right : null,
      reasonCodes: Object.freeze(d.reasons.map((r) => r.code)),
      obligations: Object.freeze(d.obligations.map((o) => o.id)),
      policy: kit.policyRef,
    });

  const refuse = (right: unknown, category: unknown, problem: string): RightDecision =>
    kit.decision(
      {
        right: typeof right === "string" ? right : describe(right),
        category: typeof category === "string" ? category : describe(category),
        jurisdiction: policy.jurisdictions[0] as string,
      },
      { allowed: false, reasons: [kit.reason("invalid-input", problem)] },
    );

  const exercise = (right: unknown, category: unknown, context?: unknown): RightDecision => {
    try {
      const checked = checkRightArguments(kit, table, right, category, context);
      return typeof checked === "string" ? refuse(right, category, checked) : decideRight(checked);
    } catch {
      return refuse(right, category, "the context could not be read");
    }
  };

  const canExercise = (right: unknown, category: unknown, context?: unknown): RightDecision => {
    const decision = exercise(right, category, context);
    if (onDecision !== undefined) emit("right", decision.allowed, { right, category }, decision);
    return decision;
  };

  const planRequest = (request: unknown): RequestPlan | InvalidRequestPlan => {
    const planned = plan(kit, table, request);
    // A plan spans categories, so its event names the right only.
    emit(
      "request-plan",
      planned.valid,
      { right: planned.right, category: undefined },
      { reasons: planned.reasons, obligations: [] },
    );
    return planned;
  };

  return Object.freeze({ canExercise, planRequest }) as unknown as RightsGuards<D>;
}
