import type { DecisionEvent } from "@trunkiq/policy-core";
import { auditTrail, runInAuditScope, type ScopedDecisionEvent } from "@trunkiq/policy-core/audit";
import { describe, expect, it } from "vitest";
import * as trunkiq from "../src";
import { createTrunkiqGuards, type TrunkiqGuards } from "../src";

const at = new Date("2025-07-07T00:00:00Z");

/** One call of each guard, as the ready-made guards and a built set both answer it. */
const calls: [string, (g: Omit<TrunkiqGuards, "policy">) => unknown][] = [
  ["canUse", (g) => g.canUse("marketing", "account", { consent: true })],
  [
    "canShare",
    (g) => g.canShare("account", "authority", { legalProcess: true, jurisdiction: "us" }),
  ],
  ["assertCanUse", (g) => g.assertCanUse("call-routing", "call-detail-record")],
  ["retentionFor", (g) => g.retentionFor("call-detail-record", { collectedAt: at, now: at })],
  [
    "retentionCutoff",
    (g) => g.retentionCutoff("call-detail-record", { now: at, jurisdiction: "us" }),
  ],
  ["isBoundTo", (g) => g.isBoundTo({}, "marketing", "account")],
  ["bind", (g) => g.bind("call-routing", "call-detail-record", [])],
  ["clear", (g) => g.clear("account", "support-vendor", [])],
  ["untrusted.canUse", (g) => g.untrusted.canUse("marketing", "account", { consent: "yes" })],
  ["untrusted.canShare", (g) => g.untrusted.canShare("account", "printer")],
  ["untrusted.retentionFor", (g) => g.untrusted.retentionFor("tattoo", { collectedAt: at })],
  [
    "untrusted.retentionCutoff",
    (g) => g.untrusted.retentionCutoff("account", { now: at, jurisdiction: "mars" }),
  ],
  ["canExercise", (g) => g.canExercise("erasure", "account", { jurisdiction: "eea" })],
  ["planRequest", (g) => g.planRequest({ right: "access", receivedAt: at, jurisdiction: "eea" })],
  ["canCollect", (g) => g.canCollect({ birthDate: new Date("2000-01-01"), at })],
  [
    "consentAt",
    (g) =>
      g.consentAt([{ subject: "acct-1", purpose: "marketing", type: "granted", at }], {
        subject: "acct-1",
        purpose: "marketing",
        at,
      }),
  ],
  ["canTransfer", (g) => g.canTransfer("account", { at, from: "DE", to: "US", mechanism: "scc" })],
  [
    "planChildDataDiscovery",
    (g) =>
      g.planChildDataDiscovery({
        categories: ["account", "call-detail-record", "website-usage"],
        discoveredAt: at,
        jurisdiction: "us",
      }),
  ],
];

describe("createTrunkiqGuards", () => {
  it.each(calls)("emits exactly one event for %s", (_, call) => {
    const events: DecisionEvent[] = [];
    call(createTrunkiqGuards({ onDecision: (e) => void events.push(e) }));
    expect(events).toHaveLength(1);
    expect(events[0]?.policy).toEqual({ id: trunkiq.policy.id, version: trunkiq.policy.version });
  });

  it.each(calls)(
    "answers %s as the ready-made guard does, even when the hook throws",
    (_, call) => {
      const failures: unknown[] = [];
      const built = createTrunkiqGuards({
        onDecision: () => {
          throw new Error("audit store down");
        },
        onHookError: (error) => void failures.push(error),
      });
      expect(call(built)).toEqual(call(trunkiq));
      expect(failures).toHaveLength(1);
    },
  );

  it("gives the rights guards the retention schedule the purge uses", () => {
    const built = createTrunkiqGuards({
      retention: { "payment-transaction": { us: { years: 9 } } },
    });
    const context = {
      jurisdiction: "us",
      relationshipEndedAt: new Date("2025-01-15T00:00:00Z"),
      now: at,
    } as const;
    const purge = built.retentionFor("payment-transaction", {
      ...context,
      collectedAt: context.relationshipEndedAt,
    });
    const erasure = built.canExercise("erasure", "payment-transaction", context);
    expect(erasure.allowed).toBe(false);
    expect(erasure.until).toEqual(purge.until);
    // Nine years from the last transaction, not the declared seven the ready-made guards keep.
    expect(erasure.until?.getUTCFullYear()).toBe(2034);
    expect(
      trunkiq.canExercise("erasure", "payment-transaction", context).until?.getUTCFullYear(),
    ).toBe(2032);
  });

  it("dates a child's data kept by a legal duty from the deployment's schedule", () => {
    const built = createTrunkiqGuards({
      retention: { "payment-transaction": { us: { years: 9 } } },
    });
    const discovery = {
      categories: ["payment-transaction", "website-usage"],
      discoveredAt: at,
      relationshipEndedAt: new Date("2025-01-15T00:00:00Z"),
      jurisdiction: "us",
    } as const;
    const plan = built.planChildDataDiscovery(discovery);
    const kept = built.canExercise("erasure", "payment-transaction", {
      jurisdiction: "us",
      relationshipEndedAt: discovery.relationshipEndedAt,
      now: at,
    });
    expect(plan.actions).toContainEqual(
      expect.objectContaining({
        category: "payment-transaction",
        action: "restrict",
        until: kept.until,
      }),
    );
    expect(kept.until?.getUTCFullYear()).toBe(2034);
    // The ready-made plan keeps the declared seven years.
    const ready = trunkiq.planChildDataDiscovery(discovery);
    const readyKept = ready.actions.find((a) => a.category === "payment-transaction");
    expect(readyKept?.until?.getUTCFullYear()).toBe(2032);
  });

  it("records a child-data plan as one erasure plan with its steps' reason codes", () => {
    const events: DecisionEvent[] = [];
    const built = createTrunkiqGuards({ onDecision: (e) => void events.push(e) });
    built.planChildDataDiscovery({
      categories: ["call-detail-record", "website-usage"],
      discoveredAt: at,
      jurisdiction: "us",
    });
    built.planChildDataDiscovery({ discoveredAt: at } as never);
    expect(events).toEqual([
      expect.objectContaining({
        kind: "request-plan",
        right: "erasure",
        allowed: true,
        reasonCodes: ["retention-running", "under-age"],
      }),
      expect.objectContaining({
        kind: "request-plan",
        right: "erasure",
        allowed: false,
        reasonCodes: ["invalid-input"],
      }),
    ]);
  });

  it("refuses a schedule below a legal minimum when the guards are made", () => {
    const schedule = { account: { us: { years: 1 } } };
    expect(() => createTrunkiqGuards({ retention: schedule as never })).toThrow(
      trunkiq.PolicyDefinitionError,
    );
  });

  it("returns a frozen set of guards", () => {
    expect(Object.isFrozen(createTrunkiqGuards())).toBe(true);
  });
});

describe("the audit trail of a request", () => {
  it.each(calls)("records the request's references on the event of %s", async (_, call) => {
    const events: ScopedDecisionEvent[] = [];
    const guards = createTrunkiqGuards({ onDecision: auditTrail((e) => void events.push(e)) });
    const scope = { requestId: "req-7", actor: "agent-12", subject: "sub-3f9a" };
    await runInAuditScope(scope, async () => {
      await Promise.resolve();
      call(guards);
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.scope).toEqual(scope);
  });
});
