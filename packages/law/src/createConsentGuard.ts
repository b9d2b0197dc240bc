import type { AuditHooks, PolicyDeclaration, PolicyRef, PurposeOf } from "@trunkiq/policy-core";
import { auditEmitter } from "@trunkiq/policy-core/engine";
import { type ConsentEvent, type ConsentQuery, consentAt } from "./consentLedger";

/** What {@link createConsentGuard} returns. */
export interface ConsentGuard<P extends string = string> {
  /** Whether consent held, as {@link consentAt} answers, with one `consent` event. */
  readonly consentAt: (events: readonly ConsentEvent<P>[], query: ConsentQuery<P>) => boolean;
}

/**
 * {@link consentAt} with an audit trail: each answer emits one `consent` event (`allowed`:
 * whether consent held), naming the purpose if the policy declares it, never the subject, the
 * ledger or the moment asked about (the request's references come from its audit scope).
 *
 * @category Consent
 * @example
 * const { consentAt } = createConsentGuard(policy, { onDecision: (event) => audit.write(event) });
 * canUse("marketing", "account", { consent: consentAt(ledger, { subject: "acct-1", purpose: "marketing", at: new Date() }) });
 */
export function createConsentGuard<D extends PolicyDeclaration>(
  policy: D,
  hooks: AuditHooks = {},
): ConsentGuard<PurposeOf<D>> {
  const onDecision = auditEmitter(hooks);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const purposes = new Set(Object.keys(policy.purposes));
  const ask: ConsentGuard<PurposeOf<D>>["consentAt"] = (events, query) => {
    const held = consentAt(events, query);
    if (onDecision !== undefined) {
      let purpose: unknown;
      try {
        purpose =
          query !== null && typeof query === "object" && Object.hasOwn(query, "purpose")
            ? query.purpose
            : null;
      } catch {
        purpose = null;
      }
      onDecision({
        kind: "consent",
        allowed: held,
        purpose: typeof purpose === "string" && purposes.has(purpose) ? purpose : null,
        category: null,
        recipient: null,
        reasonCodes: Object.freeze([]),
        obligations: Object.freeze([]),
        policy: policyRef,
      });
    }
    return held;
  };
  return Object.freeze({ consentAt: ask });
}
