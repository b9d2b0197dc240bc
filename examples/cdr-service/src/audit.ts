import type { DecisionEvent } from "@trunkiq/policy-core";
import {
  type AuditScope,
  pinoAuditSink,
  type ScopedDecisionEvent,
  auditTrail as scopedTrail,
} from "@trunkiq/policy-core/audit";
import type { RouteDecisionEvent } from "@trunkiq/policy-fastify";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "./schema";

/** One row of `audit_decisions`: ids, the outcome and references, never personal data. */
export interface AuditRecord {
  readonly at: Date;
  readonly kind: string;
  readonly allowed: boolean;
  readonly purpose: string | null;
  readonly category: string | null;
  readonly recipient: string | null;
  readonly right: string | null;
  readonly reasonCodes: readonly string[];
  readonly obligations: readonly string[];
  readonly policyVersion: string;
  readonly requestId: string | null;
  readonly actor: string | null;
  readonly subject: string | null;
  /**
   * The method and route pattern, on a route's gate records only; a guard's decision inside
   * the handler names its request by `requestId`, as the gate's record does.
   */
  readonly method: string | null;
  readonly route: string | null;
}

/** Where decisions go: the `audit_decisions` table and the log. */
export interface AuditTrail {
  /** For `policyRoutes`' `audit` option: the decision of a route's gate. */
  readonly route: (event: RouteDecisionEvent) => void;
  /**
   * For the guards' `onDecision`: every other decision, with the references of the request's
   * audit scope (`@trunkiq/policy-core/audit`).
   */
  readonly onDecision: (event: DecisionEvent) => unknown;
  /** For the guards' `onHookError`. */
  readonly onHookError: (error: unknown, event: DecisionEvent) => void;
  /** Resolves once every record written so far is in the table. */
  readonly flush: () => Promise<void>;
}

const NO_SCOPE: AuditScope = { requestId: null, actor: null, subject: null };

/**
 * The audit trail of the service. Each decision is logged at once and written to
 * `audit_decisions` outside the request's own transaction, so a rolled-back request keeps its
 * record; a failed write is logged and never changes the decision or fails the request.
 *
 * @example
 * const audit = auditTrail(db, logger, () => new Date());
 * const guards = createTrunkiqGuards({ onDecision: audit.onDecision, onHookError: audit.onHookError });
 */
export function auditTrail(db: Kysely<Database>, logger: Logger, now: () => Date): AuditTrail {
  const pending = new Set<Promise<void>>();
  const store = (record: AuditRecord) => {
    // Started on the next tick: a store that throws at once fails like one that rejects.
    const insert = Promise.resolve()
      .then(() =>
        db
          .insertInto("audit_decisions")
          .values({
            at: record.at,
            kind: record.kind,
            allowed: record.allowed,
            purpose: record.purpose,
            category: record.category,
            recipient: record.recipient,
            requested_right: record.right,
            reason_codes: JSON.stringify(record.reasonCodes),
            obligations: JSON.stringify(record.obligations),
            policy_version: record.policyVersion,
            request_id: record.requestId,
            actor: record.actor,
            subject: record.subject,
            method: record.method,
            route: record.route,
          })
          .execute(),
      )
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, "the audit record could not be written"),
      );
    pending.add(insert);
    void insert.finally(() => pending.delete(insert));
  };
  const tableSink = (event: ScopedDecisionEvent) => {
    const scope = event.scope ?? NO_SCOPE;
    store({
      at: now(),
      kind: event.kind,
      allowed: event.allowed,
      purpose: event.purpose,
      category: event.category,
      recipient: event.recipient,
      right: event.right ?? null,
      reasonCodes: event.reasonCodes,
      obligations: event.obligations,
      policyVersion: event.policy.version,
      requestId: scope.requestId,
      actor: scope.actor,
      subject: scope.subject,
      method: null,
      route: null,
    });
  };
  const log = pinoAuditSink(logger);
  return {
    route: (event) => {
      logger.info({ policyDecision: event }, "policy decision");
      store({
        at: now(),
        kind: event.kind,
        allowed: event.allowed,
        purpose: event.purpose,
        category: event.category,
        recipient: null,
        right: null,
        reasonCodes: event.reasonCodes,
        obligations: event.obligations,
        policyVersion: event.policy.version,
        requestId: event.requestId,
        actor: event.actor,
        subject: event.subject,
        method: event.method,
        route: event.route,
      });
    },
    onDecision: scopedTrail(log, tableSink),
    onHookError: (error, event) =>
      logger.error({ err: error, kind: event.kind }, "the audit hook failed"),
    flush: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
