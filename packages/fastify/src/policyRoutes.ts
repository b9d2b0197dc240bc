import type {
  CategoryOf,
  DecisionEvent,
  Guards,
  PolicyDeclaration,
  PurposeOf,
  UseContextFor,
  UseDecision,
} from "@trunkiq/policy-core";
import { type AuditScope, currentAuditScope, runInAuditScope } from "@trunkiq/policy-core/audit";
import type { Declared, UsableCategory, UseRefusal } from "@trunkiq/policy-core/types";
import type { FastifyReply, FastifyRequest, HTTPMethods, RouteOptions } from "fastify";
import type { PurposeScope } from "./PurposeScope";
import { type RefusalBody, refusalOf } from "./refusal";

/** One decision a route made for a request, with who asked and where: the audit record. */
export interface RouteDecisionEvent {
  readonly kind: "route-use";
  readonly allowed: boolean;
  readonly purpose: string;
  readonly category: string;
  readonly reasonCodes: readonly DecisionEvent["reasonCodes"][number][];
  readonly obligations: readonly string[];
  readonly policy: { readonly id: string; readonly version: string };
  readonly method: string;
  /** The route's URL pattern (`/customers/:id/cdrs`), never the URL with its values. */
  readonly route: string;
  readonly requestId: string;
  readonly actor: string | null;
  readonly subject: string | null;
}

/** Options of {@link policyRoutes}. */
export interface PolicyRoutesOptions<D extends PolicyDeclaration> {
  /**
   * The facts of a request the policy reads (consent, jurisdiction, …), taken from the request
   * by your code. The result is untrusted: a malformed value is a 400 naming the field.
   */
  readonly context?: (request: FastifyRequest) => object | Promise<object>;
  /**
   * Who is asking, for the audit record (a user or service id; never a name or email). With
   * `subject` and the request id it forms the request's audit scope, opened for the route's
   * decisions and its handler, so every guard's event records them (`@trunkiq/policy-core/audit`).
   */
  readonly actor?: (request: FastifyRequest) => string | null | undefined;
  /** Whose data the request is about, for the audit record (an opaque reference). */
  readonly subject?: (request: FastifyRequest) => string | null | undefined;
  /** Receives one record per decision a route makes. A hook that throws is logged, never fatal. */
  readonly audit?: (event: RouteDecisionEvent) => void;
  /** @internal keeps `D` in the options' type, so they are checked against the guards' policy. */
  readonly __policy?: (policy: D) => void;
}

/** The categories a route lists, each refused with a sentence if its purpose may never use it. */
export type ReadsArgument<
  D extends PolicyDeclaration,
  P extends string,
  R extends readonly CategoryOf<D>[],
> = [P] extends [PurposeOf<D>]
  ? { readonly [K in keyof R]: R[K] extends UsableCategory<D, P> ? R[K] : UseRefusal<D, P, R[K]> }
  : R;

// Any other string, so a misspelt purpose reaches its own refusal instead of the constraint's.
type Undeclared = string & {};

/** A route that serves one purpose and reads the categories it lists. */
export type PurposeRouteOptions<
  D extends PolicyDeclaration,
  P extends string,
  R extends readonly [CategoryOf<D>, ...CategoryOf<D>[]],
> = Omit<RouteOptions, "handler" | "preHandler"> & {
  readonly method: HTTPMethods | HTTPMethods[];
  readonly url: string;
  /** The purpose this route serves, from the policy. */
  readonly purpose: Declared<P, PurposeOf<D>, "purpose">;
  /** The categories the handler reads; a category the purpose may never use does not compile. */
  readonly reads: ReadsArgument<D, P, R>;
  /** Facts fixed by the route itself, merged over what `context` reads from the request. */
  readonly facts?: UseContextFor<D, P & PurposeOf<D>>;
  readonly handler: (
    request: FastifyRequest,
    reply: FastifyReply,
    scope: PurposeScope<P, R[number] & UsableCategory<D, P & PurposeOf<D>>>,
  ) => unknown;
};

/** What {@link policyRoutes} returns: the builder of purpose-scoped routes for one policy. */
export interface PolicyRoutes<D extends PolicyDeclaration> {
  /**
   * Builds a Fastify route that serves `purpose`: before the handler runs, every category in
   * `reads` is decided for this request; a denial answers 403, invalid input 400, each with the
   * reasons and policy sections. The handler receives the {@link PurposeScope}.
   */
  route<
    P extends PurposeOf<D> | Undeclared,
    const R extends readonly [CategoryOf<D>, ...CategoryOf<D>[]],
  >(options: PurposeRouteOptions<D, P, R>): RouteOptions;
}

/** A reference read by the caller's function; one that throws leaves the reference out. */
function referenceOf(
  request: FastifyRequest,
  read: ((request: FastifyRequest) => string | null | undefined) | undefined,
): string | null {
  try {
    return read?.(request) ?? null;
  } catch (error) {
    request.log.warn({ err: error }, "the request's audit reference could not be read");
    return null;
  }
}

type LooseCanUse = (purpose: string, category: string, context?: object) => UseDecision;

/**
 * Fastify routes that declare their purpose. The handler of a route receives a scope that
 * reaches only the categories the route declared, for the purpose it declared; a request the
 * policy denies never reaches the handler.
 *
 * @example
 * const routes = policyRoutes(createTrunkiqGuards(), {
 *   context: (request) => ({ jurisdiction: request.headers["x-jurisdiction"] }),
 *   actor: ({ headers }) => (typeof headers["x-user-id"] === "string" ? headers["x-user-id"] : null),
 * });
 * app.route(routes.route({
 *   method: "GET", url: "/cdrs", purpose: "abuse-prevention", reads: ["call-detail-record"],
 *   handler: async (request, reply, scope) => scope.bind("call-detail-record", await loadCdrs()),
 * }));
 */
export function policyRoutes<D extends PolicyDeclaration>(
  guards: Pick<Guards<D>, "canUse" | "bind" | "policy">,
  options: PolicyRoutesOptions<D> = {},
): PolicyRoutes<D> {
  const canUse = guards.canUse as unknown as LooseCanUse;
  const categories = new Set(Object.keys(guards.policy.categories));
  const purposes = new Set(Object.keys(guards.policy.purposes));

  const route = <
    P extends PurposeOf<D> | Undeclared,
    const R extends readonly [CategoryOf<D>, ...CategoryOf<D>[]],
  >(
    spec: PurposeRouteOptions<D, P, R>,
  ): RouteOptions => {
    type C = R[number] & UsableCategory<D, P & PurposeOf<D>>;
    const { facts, handler, ...rest } = spec;
    const purpose = spec.purpose as P;
    const reads = spec.reads as readonly string[];
    // The types refuse these already; a route built from untyped values is refused here, at start-up.
    if (!purposes.has(purpose)) {
      throw new TypeError(`route ${spec.url}: "${String(purpose)}" is not a purpose of the policy`);
    }
    const unknown = reads.filter((c) => !categories.has(c));
    if (reads.length === 0 || unknown.length > 0) {
      throw new TypeError(
        `route ${spec.url}: reads must list categories of the policy${unknown.length ? `; not declared: ${unknown.join(", ")}` : ""}`,
      );
    }
    const scopes = new WeakMap<FastifyRequest, PurposeScope<P, C>>();
    const preHandler = (request: FastifyRequest, reply: FastifyReply) =>
      runInAuditScope(auditScopeOf(request), () => decide(request, reply));
    const decide = async (request: FastifyRequest, reply: FastifyReply) => {
      let context: object;
      try {
        context = { ...((await options.context?.(request)) ?? {}), ...(facts ?? {}) };
      } catch (error) {
        request.log.warn({ err: error }, "the request's policy context could not be read");
        return reply.code(400).send({
          error: "invalid-input",
          purpose,
          category: reads[0] ?? "",
          reasons: [
            {
              code: "invalid-input",
              message: "the request's context could not be read",
              section: "",
            },
          ],
          policy: { id: guards.policy.id, version: guards.policy.version },
        } satisfies RefusalBody);
      }
      const decisions: Record<string, UseDecision> = {};
      for (const category of reads) {
        const decision = canUse(purpose, category, context);
        emit(request, spec, decision, purpose, category);
        if (!decision.allowed) {
          const { status, body } = refusalOf(decision, purpose, category);
          return reply.code(status).send(body);
        }
        decisions[category] = decision;
      }
      scopes.set(request, {
        purpose,
        decisions: Object.freeze(decisions) as PurposeScope<P, C>["decisions"],
        bind: (category: unknown, value: unknown) => {
          // A category cast past the types is refused here rather than bound unchecked.
          if (typeof category !== "string" || !Object.hasOwn(decisions, category)) {
            throw new TypeError(`"${String(category)}" is not a category this route reads`);
          }
          return (guards.bind as unknown as (p: string, c: string, v: unknown) => never)(
            purpose,
            category,
            value,
          );
        },
        // The binding lives in the types only: the value bound is the value.
        read: <T>(value: unknown) => value as T,
      });
    };
    return {
      ...rest,
      preHandler,
      handler: (request, reply) => {
        const scope = scopes.get(request);
        // INVARIANT: the preHandler has answered every request it did not scope.
        if (!scope) throw new Error("a purpose route ran without its policy decision");
        // Every guard the handler calls, after any await, records this request's references.
        return runInAuditScope(auditScopeOf(request), () => handler(request, reply, scope));
      },
    } as RouteOptions;
  };

  // Read once per request: the same references go to the route's record and the guards' events.
  const auditScopes = new WeakMap<FastifyRequest, AuditScope>();
  const auditScopeOf = (request: FastifyRequest): AuditScope => {
    let scope = auditScopes.get(request);
    if (scope === undefined) {
      // Opened and read back, so the route's record carries the references exactly as the
      // guards' events do (a value that looks like an email or phone number is dropped).
      scope = runInAuditScope(
        {
          requestId: request.id,
          actor: referenceOf(request, options.actor),
          subject: referenceOf(request, options.subject),
        },
        currentAuditScope,
      ) ?? { requestId: null, actor: null, subject: null };
      auditScopes.set(request, scope);
    }
    return scope;
  };

  const emit = (
    request: FastifyRequest,
    spec: { method: HTTPMethods | HTTPMethods[]; url: string },
    decision: UseDecision,
    purpose: string,
    category: string,
  ) => {
    if (!options.audit) return;
    try {
      options.audit(
        Object.freeze({
          kind: "route-use",
          allowed: decision.allowed,
          purpose,
          category,
          reasonCodes: Object.freeze(decision.reasons.map((r) => r.code)),
          obligations: Object.freeze(decision.obligations.map((o) => o.id)),
          policy: decision.policy,
          method: request.method,
          route: request.routeOptions.url ?? spec.url,
          requestId: request.id,
          actor: auditScopeOf(request).actor,
          subject: auditScopeOf(request).subject,
        }),
      );
    } catch (error) {
      request.log.error({ err: error }, "the policy audit hook failed");
    }
  };

  return { route };
}
