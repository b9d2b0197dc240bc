import { runInAuditScope } from "@trunkiq/policy-core/audit";
import { policyRoutes } from "@trunkiq/policy-fastify";
import { purposeScopes } from "@trunkiq/policy-kysely";
import { createTrunkiqGuards, type TrunkiqGuards } from "@trunkiq/privacy-policy";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AuditTrail } from "./audit";
import { dataMap } from "./dataMap";
import type { Database } from "./schema";

/** Where marketing messages go: a mail provider in production, a list in tests. */
export interface Mailer {
  send(message: { customerId: string; email: string; campaign: string }): Promise<void>;
}

/** Everything a route module needs, built once per service. */
export interface Service {
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly mailer: Mailer;
  readonly audit: AuditTrail;
  /** Guards whose every decision goes to the audit trail: shares, rights, retention. */
  readonly guards: TrunkiqGuards;
  /** Purpose-scoped reads of the database (`scopes.forPurpose(scope.purpose)`). */
  readonly scopes: ReturnType<typeof scopesOf>;
  /** Builds purpose routes whose policy context comes from `context`. */
  readonly routes: (
    context?: (request: FastifyRequest) => object | Promise<object>,
  ) => ReturnType<typeof policyRoutes<TrunkiqGuards["policy"]>>;
}

// The gate of a purpose route and the column permissions of a purpose scope ask the guards
// without hooks: the gate writes its own record (with the route and request), and a scope's
// questions are about columns, not about a request.
const quiet = createTrunkiqGuards();

const scopesOf = (db: Kysely<Database>, now: () => Date) =>
  purposeScopes(db, quiet, dataMap, { now });

// An opaque id of the caller (a user or service id) for the audit trail; never a name.
const ACTOR = /^[\w.:@-]{1,64}$/;
export const actorOf = (request: FastifyRequest): string | null => {
  const actor = request.headers["x-actor"];
  return typeof actor === "string" && ACTOR.test(actor) ? actor : null;
};

const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;
const customerIdOf = (value: unknown): string | null =>
  typeof value === "string" && SUBJECT.test(value) ? value : null;
// The customer a request is about: the one its path names, or the one its body names (a
// disclosure). Read after validation, so a body here has passed its schema.
const subjectOf = (request: FastifyRequest): string | null =>
  customerIdOf((request.params as { id?: unknown } | undefined)?.id) ??
  customerIdOf((request.body as { customerId?: unknown } | undefined)?.customerId);

/**
 * Runs `work` in the audit scope of a request that is not a purpose route (those open their
 * own): every decision it causes is recorded with the request's id, who asked and, once the
 * handler knows it, whose data it is about.
 *
 * @example
 * return inAuditScope(request, customerId, () => carryOut(plan));
 */
export const inAuditScope = <T>(
  request: FastifyRequest,
  subject: string | null,
  work: () => T,
): T => runInAuditScope({ requestId: request.id, actor: actorOf(request), subject }, work);

/**
 * Wires the guards, the purpose scopes and the audit trail together.
 *
 * @example
 * const service = createService({ db, logger, now: () => new Date(), mailer, audit });
 */
export function createService(options: {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  mailer: Mailer;
  audit: AuditTrail;
}): Service {
  const { db, now, audit } = options;
  const guards = createTrunkiqGuards({
    onDecision: audit.onDecision,
    onHookError: audit.onHookError,
  });
  return {
    ...options,
    guards,
    scopes: scopesOf(db, now),
    routes: (context) =>
      policyRoutes(quiet, {
        ...(context === undefined ? {} : { context }),
        actor: actorOf,
        subject: subjectOf,
        audit: audit.route,
      }),
  };
}
