import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards } from "../src";
import {
  auditTrail,
  currentAuditScope,
  pinoAuditSink,
  runInAuditScope,
  type ScopedDecisionEvent,
} from "../src/audit";

function recording(...more: ((event: ScopedDecisionEvent) => unknown)[]) {
  const events: ScopedDecisionEvent[] = [];
  const failures: unknown[] = [];
  const guards = createGuards(examplePolicy, {
    onDecision: auditTrail((e) => void events.push(e), ...more),
    onHookError: (error) => void failures.push(error),
  });
  return { guards, events, failures };
}

describe("the request scope of decision events", () => {
  it("carries the request id, actor and subject to every decision made in it, after awaits too", async () => {
    const { guards, events } = recording();
    await runInAuditScope(
      { requestId: "req-1", actor: "svc-billing", subject: "s-81c2" },
      async () => {
        guards.canUse("fulfilment", "email");
        await new Promise((resolve) => setTimeout(resolve, 1));
        guards.canShare("email", "courier");
      },
    );
    expect(events.map((e) => e.scope)).toEqual([
      { requestId: "req-1", actor: "svc-billing", subject: "s-81c2" },
      { requestId: "req-1", actor: "svc-billing", subject: "s-81c2" },
    ]);
  });

  it("is null outside a scope, and each scope sees only its own references", async () => {
    const { guards, events } = recording();
    guards.canUse("fulfilment", "email");
    await Promise.all(
      ["a", "b"].map((id) =>
        runInAuditScope({ requestId: id }, async () => {
          await Promise.resolve();
          guards.canUse("fulfilment", "order");
          return currentAuditScope()?.requestId;
        }),
      ),
    );
    expect(events.map((e) => e.scope?.requestId ?? null)).toEqual([null, "a", "b"]);
  });

  it.each([
    ["an email address", "jane@example.com"],
    ["a phone number", "+1 555 010 0199"],
    ["a long text", "x".repeat(129)],
  ])("drops a reference that looks like %s: never personal data in the trail", (_, value) => {
    const scope = runInAuditScope(
      { requestId: "r", actor: value, subject: value },
      currentAuditScope,
    );
    expect(scope).toEqual({ requestId: "r", actor: null, subject: null });
  });

  it("gives every sink each event once, and a throwing sink changes no decision", () => {
    const reached: string[] = [];
    const { guards, events, failures } = recording(
      () => {
        throw new Error("audit table down");
      },
      (e) => void reached.push(e.kind),
    );
    const quiet = createGuards(examplePolicy);
    const decision = runInAuditScope({ requestId: "r" }, () =>
      guards.canUse("newsletter", "email"),
    );
    expect(decision).toEqual(quiet.canUse("newsletter", "email"));
    expect(decision.allowed).toBe(false);
    expect(events).toHaveLength(1);
    expect(reached).toEqual(["use"]);
    expect(failures).toEqual([new Error("audit table down")]);
  });

  it("reports a sink's rejected promise without changing the decision", async () => {
    const { guards, failures } = recording(() => Promise.reject(new Error("slow store gave up")));
    const decision = guards.canShare("email", "courier");
    expect(decision.allowed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(failures).toEqual([new Error("slow store gave up")]);
  });
});

describe("pinoAuditSink", () => {
  it("writes one log line per decision with the event and the request's references", () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const { guards } = recording(pinoAuditSink(pino({ base: null }, stream)));
    runInAuditScope({ requestId: "req-9", actor: "ops-1", subject: "s-1" }, () =>
      guards.canShare("email", "police", { subpoena: true }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "policy decision",
      policyDecision: {
        kind: "share",
        allowed: true,
        category: "email",
        recipient: "police",
        obligations: ["notify-customer"],
        scope: { requestId: "req-9", actor: "ops-1", subject: "s-1" },
      },
    });
  });
});
