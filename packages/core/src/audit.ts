// The audit trail of a Node service (`@trunkiq/policy-core/audit`): who asked, in which request,
// about whom, attached to every decision event from the request's async scope. Node-only
// (`node:async_hooks`), so it stays off the main entry, which runs anywhere.
import { AsyncLocalStorage } from "node:async_hooks";
import type { DecisionEvent } from "./types/Guards";

/**
 * The references of one request, as decision events carry them: opaque ids, never personal
 * data. A value that looks like an email address or a phone number, or is longer than 128
 * characters, is dropped (`null`) rather than written to the audit trail.
 */
export interface AuditScope {
  /** The request's id (Fastify's `request.id`, a trace id, a job id). */
  readonly requestId: string | null;
  /** Who is asking: a user or service id. */
  readonly actor: string | null;
  /** Whose data the request is about: a pseudonymous reference, never a name, email or number. */
  readonly subject: string | null;
}

/** A decision event with the references of the request it was made in, `null` outside one. */
export interface ScopedDecisionEvent extends DecisionEvent {
  readonly scope: AuditScope | null;
}

/** Where scoped decision events go: a log, a table, a span. It may return a promise. */
export type AuditSink = (event: ScopedDecisionEvent) => unknown;

const storage = new AsyncLocalStorage<AuditScope>();

// What would make a reference personal data rather than a pseudonym.
const EMAIL = /@/;
const PHONE = /^\+?[\d\s().-]{7,}$/;
const reference = (value: unknown): string | null =>
  typeof value === "string" &&
  value.length > 0 &&
  value.length <= 128 &&
  !EMAIL.test(value) &&
  !PHONE.test(value)
    ? value
    : null;

/**
 * Runs `work` with `scope` as the request scope: every decision made inside it, in any
 * callback or `await` it starts, carries the scope's references. `@trunkiq/policy-fastify`
 * opens one per request itself.
 *
 * @category Audit
 * @example
 * await runInAuditScope({ requestId: job.id, actor: "purge-job", subject: null }, () => purge());
 */
export function runInAuditScope<T>(scope: Partial<AuditScope>, work: () => T): T {
  const frozen: AuditScope = Object.freeze({
    requestId: reference(scope.requestId),
    actor: reference(scope.actor),
    subject: reference(scope.subject),
  });
  return storage.run(frozen, work);
}

/**
 * The references of the request scope this code runs in, or `null` outside one.
 *
 * @category Audit
 * @example
 * currentAuditScope()?.requestId;
 */
export function currentAuditScope(): AuditScope | null {
  return storage.getStore() ?? null;
}

/**
 * An `onDecision` hook that hands each event, with the current request scope's references,
 * to every sink. Each event reaches each sink exactly once; a sink that throws or rejects does
 * not keep the others from it, and its failure goes to the guards' `onHookError`.
 *
 * @category Audit
 * @example
 * const guards = createGuards(policy, {
 *   onDecision: auditTrail(pinoAuditSink(logger), otelAuditSink(), (event) => db.insert(event)),
 * });
 */
export function auditTrail(...sinks: readonly AuditSink[]): (event: DecisionEvent) => unknown {
  return (event) => {
    const scoped: ScopedDecisionEvent = Object.freeze({ ...event, scope: currentAuditScope() });
    const failures: unknown[] = [];
    const pending: Promise<unknown>[] = [];
    for (const sink of sinks) {
      try {
        const returned: unknown = sink(scoped);
        if (returned instanceof Promise) pending.push(returned);
      } catch (error) {
        failures.push(error);
      }
    }
    // Reported after every sink has had the event, as one failure the guard passes on.
    if (failures.length > 0)
      throw failures.length === 1 ? failures[0] : new AggregateError(failures);
    if (pending.length > 0) {
      return Promise.allSettled(pending).then((results) => {
        const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
        if (rejected.length > 0)
          throw rejected.length === 1 ? rejected[0] : new AggregateError(rejected);
      });
    }
    return undefined;
  };
}

/** The part of a pino logger the adapter uses (pino 10's `Logger` has it). */
export interface AuditLogger {
  info(object: object, message: string): void;
}

/**
 * A sink writing each decision as one pino log line, under `policyDecision`: ids, outcome,
 * reason codes, obligations, policy version and the request's references, never a value of
 * the context.
 *
 * @category Audit
 * @example
 * import pino from "pino";
 * const onDecision = auditTrail(pinoAuditSink(pino()));
 */
export function pinoAuditSink(logger: AuditLogger, message = "policy decision"): AuditSink {
  return (event) => logger.info({ policyDecision: event }, message);
}
