import { createTrunkiqGuards } from "@trunkiq/privacy-policy";
import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { policyRoutes, type RouteDecisionEvent } from "../src";

const guards = createTrunkiqGuards();
let app = Fastify();
afterEach(async () => {
  await app.close();
  app = Fastify();
});

const jurisdictionOf = (headers: Record<string, unknown>) => headers["x-jurisdiction"];

describe("a route that declares its purpose", () => {
  it("runs the handler with the allowed decision of every category it reads", async () => {
    const routes = policyRoutes(guards);
    app.route(
      routes.route({
        method: "GET",
        url: "/cdrs",
        purpose: "abuse-prevention",
        reads: ["call-detail-record", "ip-address"],
        handler: async (_request, _reply, scope) => ({
          purpose: scope.purpose,
          bases: Object.values(scope.decisions).map((d) => d.basis),
          rows: scope.read(scope.bind("call-detail-record", [{ calling: "+15550100" }])),
        }),
      }),
    );
    const response = await app.inject({ method: "GET", url: "/cdrs" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      purpose: "abuse-prevention",
      bases: ["legitimate-interest", "legitimate-interest"],
      rows: [{ calling: "+15550100" }],
    });
  });

  it("answers 403 with the reasons and sections when the policy denies, without running the handler", async () => {
    let ran = false;
    const routes = policyRoutes(guards, {
      context: (r) => ({ consent: r.headers["x-consent"] === "yes" }),
    });
    app.route(
      routes.route({
        method: "POST",
        url: "/campaigns",
        purpose: "marketing",
        reads: ["account"],
        handler: async () => {
          ran = true;
          return "sent";
        },
      }),
    );
    const denied = await app.inject({ method: "POST", url: "/campaigns" });
    expect(denied.statusCode).toBe(403);
    expect(ran).toBe(false);
    const body = denied.json();
    expect(body).toMatchObject({
      error: "denied",
      purpose: "marketing",
      category: "account",
      policy: { id: "trunkiq-privacy-policy", version: "2025-07-07" },
    });
    expect(body.reasons).toEqual([
      expect.objectContaining({ code: "condition-unmet", section: expect.stringMatching(/^§/) }),
    ]);
    // The policy's internals (sentences, rule tables) stay on the server.
    expect(Object.keys(body.reasons[0]).sort()).toEqual(["code", "message", "section"]);

    const allowed = await app.inject({
      method: "POST",
      url: "/campaigns",
      headers: { "x-consent": "yes" },
    });
    expect(allowed.statusCode).toBe(200);
    expect(ran).toBe(true);
  });

  it("answers 400 naming the field for a malformed fact, and never echoes the value sent", async () => {
    const routes = policyRoutes(guards, {
      context: (r) => ({ jurisdiction: jurisdictionOf(r.headers) }),
    });
    app.route(
      routes.route({
        method: "GET",
        url: "/accounts",
        purpose: "account-management",
        reads: ["account"],
        handler: async () => "ok",
      }),
    );
    const secret = "alice@example.com";
    const response = await app.inject({
      method: "GET",
      url: "/accounts",
      headers: { "x-jurisdiction": secret },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe("invalid-input");
    expect(response.json().reasons[0].message).toContain("jurisdiction");
    expect(response.body).not.toContain(secret);
  });

  it("answers 400, not 500, when reading the request's facts throws", async () => {
    const routes = policyRoutes(guards, {
      context: () => {
        throw new Error("consent store down");
      },
    });
    app.route(
      routes.route({
        method: "GET",
        url: "/x",
        purpose: "account-management",
        reads: ["account"],
        handler: async () => "ok",
      }),
    );
    const response = await app.inject({ method: "GET", url: "/x" });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain("consent store down");
  });

  it("takes facts fixed by the route over what the request says", async () => {
    const routes = policyRoutes(guards, {
      context: () => ({ legalProcess: false, jurisdiction: "us" }),
    });
    app.route(
      routes.route({
        method: "GET",
        url: "/subpoena",
        purpose: "lawful-request",
        reads: ["account"],
        facts: { legalProcess: true },
        handler: async (_r, _reply, scope) => scope.decisions.account.allowed,
      }),
    );
    const response = await app.inject({ method: "GET", url: "/subpoena" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("true");
  });
});

describe("the audit record", () => {
  it("records every decision with the route pattern, request id, actor and subject, never the URL's values", async () => {
    const events: RouteDecisionEvent[] = [];
    const routes = policyRoutes(guards, {
      audit: (event) => events.push(event),
      actor: (r) => (r.headers["x-user-id"] as string | undefined) ?? null,
      subject: (r) => (r.params as { customer?: string }).customer ?? null,
    });
    app.route(
      routes.route({
        method: "GET",
        url: "/customers/:customer/cdrs",
        purpose: "customer-support",
        reads: ["call-detail-record", "account"],
        handler: async () => "ok",
      }),
    );
    await app.inject({
      method: "GET",
      url: "/customers/c-42/cdrs",
      headers: { "x-user-id": "agent-7" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      kind: "route-use",
      allowed: true,
      purpose: "customer-support",
      category: "call-detail-record",
      method: "GET",
      route: "/customers/:customer/cdrs",
      actor: "agent-7",
      subject: "c-42",
      reasonCodes: ["permitted"],
    });
    expect(typeof events[0]?.requestId).toBe("string");
    expect(Object.isFrozen(events[0])).toBe(true);
  });

  it("keeps serving when the audit hook throws", async () => {
    const routes = policyRoutes(guards, {
      audit: () => {
        throw new Error("audit store down");
      },
    });
    app.route(
      routes.route({
        method: "GET",
        url: "/y",
        purpose: "account-management",
        reads: ["account"],
        handler: async () => "ok",
      }),
    );
    const response = await app.inject({ method: "GET", url: "/y" });
    expect(response.statusCode).toBe(200);
  });
});

describe("routes built from untyped values", () => {
  const routes = policyRoutes(guards);
  const loose = routes.route as unknown as (options: object) => unknown;

  it("refuses an undeclared purpose or category when the route is built", () => {
    expect(() =>
      loose({ method: "GET", url: "/a", purpose: "spying", reads: ["account"], handler: () => 1 }),
    ).toThrow('"spying" is not a purpose of the policy');
    expect(() =>
      loose({ method: "GET", url: "/a", purpose: "marketing", reads: ["dna"], handler: () => 1 }),
    ).toThrow("not declared: dna");
    expect(() =>
      loose({ method: "GET", url: "/a", purpose: "marketing", reads: [], handler: () => 1 }),
    ).toThrow("reads must list categories");
  });

  it("refuses to bind a category the route does not read, even past the types", async () => {
    app.route(
      routes.route({
        method: "GET",
        url: "/c",
        purpose: "customer-support",
        reads: ["account"],
        handler: async (_request, reply, scope) => {
          const bindAny = scope.bind as unknown as (category: string, value: unknown) => unknown;
          expect(() => bindAny("support-communication", [])).toThrow(
            '"support-communication" is not a category this route reads',
          );
          return reply.code(204).send();
        },
      }),
    );
    expect((await app.inject({ method: "GET", url: "/c" })).statusCode).toBe(204);
  });

  it("refuses at request time a category the purpose may never use", async () => {
    app.route(
      loose({
        method: "GET",
        url: "/b",
        purpose: "marketing",
        reads: ["kyc-document"],
        handler: () => "leaked",
      }) as never,
    );
    const response = await app.inject({ method: "GET", url: "/b" });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain("leaked");
  });
});
