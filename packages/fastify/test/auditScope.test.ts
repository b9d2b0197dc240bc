import { auditTrail, type ScopedDecisionEvent } from "@trunkiq/policy-core/audit";
import { createTrunkiqGuards } from "@trunkiq/privacy-policy";
import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { policyRoutes, type RouteDecisionEvent } from "../src";

let app = Fastify();
afterEach(async () => {
  await app.close();
  app = Fastify();
});

describe("the audit scope of a request", () => {
  it("is opened per request: the route's decisions and the handler's guards record its references", async () => {
    const events: ScopedDecisionEvent[] = [];
    const records: RouteDecisionEvent[] = [];
    const guards = createTrunkiqGuards({ onDecision: auditTrail((e) => void events.push(e)) });
    const routes = policyRoutes(guards, {
      actor: ({ headers }) =>
        typeof headers["x-user-id"] === "string" ? headers["x-user-id"] : null,
      subject: (request) => (request.params as { customer: string }).customer,
      audit: (event) => void records.push(event),
    });
    app.route(
      routes.route({
        method: "GET",
        url: "/customers/:customer/calls",
        purpose: "customer-support",
        reads: ["call-detail-record"],
        handler: async (_request, _reply, scope) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          // A guard the handler calls after an await still knows the request.
          guards.retentionFor("call-detail-record", {
            collectedAt: new Date("2025-01-01T00:00:00Z"),
          });
          return scope.read(scope.bind("call-detail-record", []));
        },
      }),
    );
    const first = await app.inject({
      method: "GET",
      url: "/customers/sub-1/calls",
      headers: { "x-user-id": "agent-7" },
    });
    const second = await app.inject({ method: "GET", url: "/customers/jane@example.com/calls" });
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const firstScope = { requestId: records[0]?.requestId, actor: "agent-7", subject: "sub-1" };
    // An email address is personal data: it never reaches the trail, as a subject or otherwise.
    const secondScope = { requestId: records[1]?.requestId, actor: null, subject: null };
    // The route's decision, the handler's retention question, and the decision `bind` makes.
    expect(events.map((e) => [e.kind, e.scope])).toEqual([
      ["use", firstScope],
      ["retention", firstScope],
      ["use", firstScope],
      ["use", secondScope],
      ["retention", secondScope],
      ["use", secondScope],
    ]);
    expect(records[0]?.requestId).not.toBe(records[1]?.requestId);
    expect(records.map((r) => [r.actor, r.subject])).toEqual([
      ["agent-7", "sub-1"],
      [null, null],
    ]);
  });
});
