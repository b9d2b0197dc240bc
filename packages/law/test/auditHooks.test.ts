import { type AuditHooks, createGuards, type DecisionEvent } from "@trunkiq/policy-core";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { rightsPolicy } from "../../../test-support/fixtures/rightsPolicy";
import { createAgeGate, createRightsGuards, createTransferGuard, type TransferLaw } from "../src";

const at = new Date("2025-07-07T00:00:00Z");

const law: TransferLaw = {
  section: "§8",
  text: "We protect data leaving Switzerland.",
  notCountries: {},
  regions: {
    switzerland: {
      section: "§8",
      text: "Swiss exports",
      members: ["CH"],
      adequate: { DE: { decision: "FADP Annex 1", from: "2023-09-01" } },
      mechanisms: {
        scc: { law: "FADP Art. 16(2)(d)", obligation: { id: "apply-scc", message: "sign SCCs" } },
      },
    },
  },
};
const ageRule = { minimumAge: 16, law: "GDPR Art. 8(1)", section: "§10", text: "not under 16" };
const now = new Date("2030-06-15T12:00:00Z");

type Call = (...args: unknown[]) => unknown;
/** Every public guard call, built from the same hooks, with the arguments it is called with. */
const guardsWith = (hooks: AuditHooks): Record<string, Call> => {
  const g = createGuards(examplePolicy, hooks) as unknown as Record<string, Call>;
  const rights = createRightsGuards(rightsPolicy, {
    ...hooks,
    responseLaws: { us: "ccpa", eea: "gdpr" },
  }) as unknown as Record<string, Call>;
  return {
    canUse: g.canUse as Call,
    canShare: g.canShare as Call,
    assertCanUse: g.assertCanUse as Call,
    assertCanShare: g.assertCanShare as Call,
    bind: g.bind as Call,
    isBoundTo: g.isBoundTo as Call,
    retentionFor: g.retentionFor as Call,
    retentionCutoff: g.retentionCutoff as Call,
    canCollect: createAgeGate(examplePolicy, ageRule, hooks).canCollect as Call,
    canTransfer: createTransferGuard(examplePolicy, law, hooks).canTransfer as Call,
    canExercise: rights.canExercise as Call,
    planRequest: rights.planRequest as Call,
  };
};

/** Arguments each guard is asked with: allowed, denied, invalid and unreadable. */
const unreadable = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("unreadable");
      },
      ownKeys() {
        throw new Error("unreadable");
      },
      getOwnPropertyDescriptor() {
        throw new Error("unreadable");
      },
    },
  );
const asked: Record<string, readonly (() => unknown[])[]> = {
  canUse: [
    () => ["fulfilment", "email"],
    () => ["newsletter", "email"],
    () => [1, 2, unreadable()],
  ],
  canShare: [() => ["order", "courier"], () => ["email", "police"], () => ["order", "nobody"]],
  assertCanUse: [() => ["fulfilment", "email"], () => ["newsletter", "email"]],
  assertCanShare: [() => ["order", "courier"], () => ["email", "police"]],
  bind: [() => ["fulfilment", "email", 1], () => ["newsletter", "email", 1], () => [null, null, 1]],
  isBoundTo: [
    () => [{ purpose: "fulfilment", category: "email", data: 1 }, "fulfilment", "email"],
    () => [null, "fulfilment", "email"],
    () => [unreadable(), "fulfilment", "email"],
  ],
  retentionFor: [
    () => ["order", { collectedAt: new Date("2000-01-01"), now }],
    () => ["order", { collectedAt: new Date(Number.NaN), now }],
    () => ["order", unreadable()],
  ],
  retentionCutoff: [
    () => ["order", { now }],
    () => ["order", { now: "today" }],
    () => ["nothing", { now }],
  ],
  canCollect: [() => [{ age: 30 }], () => [{ age: 10 }], () => [{ birthDate: "x" }], () => [null]],
  canTransfer: [
    () => ["order", { at, from: "CH", to: "DE" }],
    () => ["order", { at, from: "CH", to: "US" }],
    () => ["order", unreadable()],
  ],
  canExercise: [
    () => ["access", "order"],
    () => ["erasure", "invoice", { relationshipEndedAt: now, now }],
    () => ["nothing", "order"],
  ],
  planRequest: [
    () => [{ right: "erasure", receivedAt: now, jurisdiction: "us" }],
    () => [{ right: "erasure", receivedAt: "today", jurisdiction: "us" }],
    () => [unreadable()],
  ],
};

/** The outcome of a call: its return value, or the decision a thrown error carries. */
const outcome = (call: () => unknown) => {
  try {
    return { returned: call() };
  } catch (error) {
    return { thrown: (error as { decision?: unknown }).decision ?? String(error) };
  }
};

const names = Object.keys(asked);

describe("audit hooks", () => {
  afterEach(() => vi.restoreAllMocks());

  it("cover every guard", () => {
    expect(Object.keys(guardsWith({})).sort()).toEqual([...names].sort());
  });

  it.each(names)("%s emits exactly one event per call", (name) => {
    for (const args of asked[name] ?? []) {
      const events: DecisionEvent[] = [];
      const guard = guardsWith({ onDecision: (e) => events.push(e) })[name] as Call;
      outcome(() => guard(...args()));
      expect(events).toHaveLength(1);
      expect(Object.isFrozen(events[0])).toBe(true);
    }
  });

  it.each(names)("%s decides the same when its hook throws", (name) => {
    for (const args of asked[name] ?? []) {
      const failure = new Error("audit store down");
      const failures: [unknown, DecisionEvent][] = [];
      const hooked = guardsWith({
        onDecision: () => {
          throw failure;
        },
        onHookError: (error, event) => failures.push([error, event]),
      })[name] as Call;
      const plain = guardsWith({})[name] as Call;
      expect(outcome(() => hooked(...args()))).toEqual(outcome(() => plain(...args())));
      expect(failures).toHaveLength(1);
      expect(failures[0]?.[0]).toBe(failure);
    }
  });

  it("emits one event for any arguments a caller passes, and decides as without a hook", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.anything({ withDate: true, withNullPrototype: true }), { maxLength: 4 }),
        (name, args) => {
          let events = 0;
          const counted = guardsWith({
            onDecision: () => {
              events++;
              throw new Error("audit store down");
            },
            onHookError: () => {},
          })[name] as Call;
          const plain = guardsWith({})[name] as Call;
          expect(outcome(() => counted(...args))).toEqual(outcome(() => plain(...args)));
          expect(events).toBe(1);
        },
      ),
    );
  });

  it("bind emits one event, not one for its check and one for canUse", () => {
    const events: DecisionEvent[] = [];
    const { bind } = createGuards(examplePolicy, { onDecision: (e) => events.push(e) });
    bind("fulfilment", "email", { id: 1 });
    expect(events.map((e) => [e.kind, e.purpose, e.allowed])).toEqual([
      ["use", "fulfilment", true],
    ]);
  });

  it("retentionCutoff emits a retention-cutoff event without its dates", () => {
    const events: DecisionEvent[] = [];
    const { retentionCutoff } = createGuards(examplePolicy, { onDecision: (e) => events.push(e) });
    retentionCutoff("order", { now, jurisdiction: "us" });
    expect(events).toEqual([
      {
        kind: "retention-cutoff",
        allowed: true,
        purpose: null,
        category: "order",
        recipient: null,
        reasonCodes: ["retention-expired"],
        obligations: [],
        policy: { id: "example-shop-privacy", version: "2024-01-31" },
      },
    ]);
  });

  it("names the right of a rights decision and never a date or an age", () => {
    const events: DecisionEvent[] = [];
    const onDecision = (e: DecisionEvent) => events.push(e);
    const { canExercise, planRequest } = createRightsGuards(rightsPolicy, {
      onDecision,
      responseLaws: { us: "ccpa" },
    });
    canExercise("erasure", "invoice", { relationshipEndedAt: now, now });
    planRequest({ right: "access", receivedAt: now, jurisdiction: "us" });
    createAgeGate(examplePolicy, ageRule, { onDecision }).canCollect({
      birthDate: new Date("2001-02-03"),
    });
    expect(events.map((e) => [e.kind, e.right, e.category, e.allowed])).toEqual([
      ["right", "erasure", "invoice", false],
      ["request-plan", "access", null, true],
      ["collect", undefined, null, true],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/2030|2001|age"/);
  });

  it("reports a rejected promise of an async hook, so no rejection goes unhandled", async () => {
    const failure = new Error("audit store down");
    let onHookError: (error: unknown) => void = () => {};
    const reported = new Promise<unknown>((resolve) => {
      onHookError = resolve;
    });
    const { canUse } = createGuards(examplePolicy, {
      onDecision: async () => {
        throw failure;
      },
      onHookError,
    });
    expect(canUse("fulfilment", "email").allowed).toBe(true);
    await expect(reported).resolves.toBe(failure);
  });

  it("writes a hook's failure with console.error when no onHookError is given", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("audit store down");
    const { canUse } = createGuards(examplePolicy, {
      onDecision: () => {
        throw failure;
      },
    });
    expect(canUse("fulfilment", "email").allowed).toBe(true);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]).toContain(failure);
  });

  it("drops an error thrown by onHookError itself, and keeps the decision", () => {
    const { canUse } = createGuards(examplePolicy, {
      onDecision: () => {
        throw new Error("audit store down");
      },
      onHookError: () => {
        throw new Error("logger down");
      },
    });
    expect(canUse("newsletter", "email")).toEqual(
      createGuards(examplePolicy).canUse("newsletter", "email"),
    );
  });
});
