import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, type DecisionEvent } from "../src";
import type { LooseGuards } from "./support/hostile";

function recording() {
  const events: DecisionEvent[] = [];
  const guards = createGuards(examplePolicy, { onDecision: (e) => events.push(e) });
  return { guards, loose: guards as unknown as LooseGuards, events };
}
const policy = { id: "example-shop-privacy", version: "2024-01-31" };

describe("onDecision", () => {
  it("receives ids, outcome, reason codes, obligations and the policy version of a use", () => {
    const { guards, events } = recording();
    guards.canUse("newsletter", "email", { consent: true });
    expect(events).toEqual([
      {
        kind: "use",
        allowed: true,
        purpose: "newsletter",
        category: "email",
        recipient: null,
        reasonCodes: ["permitted"],
        obligations: [],
        policy,
      },
    ]);
  });

  it("receives obligation ids of a disclosure", () => {
    const { guards, events } = recording();
    guards.canShare("order", "police", { subpoena: true });
    expect(events[0]).toMatchObject({
      kind: "share",
      recipient: "police",
      obligations: ["notify-customer"],
    });
  });

  it("never receives a value from the context", () => {
    const { loose, events } = recording();
    const secret = "jane.doe@example.com";
    loose.canUse("newsletter", "email", { consent: true, email: secret, name: "Jane Doe" });
    loose.canShare("email", "police", { subpoena: true, note: secret });
    loose.canUse("newsletter", "email", { consent: secret });
    expect(events).toHaveLength(3);
    const serialised = JSON.stringify(events);
    expect(serialised).not.toContain(secret);
    expect(serialised).not.toContain("Jane");
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual([
        "allowed",
        "category",
        "kind",
        "obligations",
        "policy",
        "purpose",
        "reasonCodes",
        "recipient",
      ]);
    }
  });

  it("never receives an undeclared id a caller passed", () => {
    const { loose, events } = recording();
    loose.canUse("jane.doe@example.com", "email");
    loose.canShare("email", "jane.doe@example.com");
    expect(events.map((e) => [e.purpose, e.category, e.recipient])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    expect(events.map((e) => e.reasonCodes)).toEqual([["invalid-input"], ["invalid-input"]]);
  });

  it("receives retention decisions without their dates", () => {
    const { guards, events } = recording();
    const collectedAt = new Date("1999-12-31T00:00:00Z");
    guards.retentionFor("order", { collectedAt, now: new Date("2020-01-01T00:00:00Z") });
    expect(events).toEqual([
      expect.objectContaining({ kind: "retention", allowed: true, category: "order" }),
    ]);
    expect(JSON.stringify(events)).not.toContain("1999");
  });

  it("is called once per decision, for assert and bind as well", () => {
    const { guards, events } = recording();
    guards.assertCanUse("fulfilment", "email");
    guards.bind("fulfilment", "email", 1);
    expect(() => guards.bind("newsletter", "email", 1)).toThrow();
    expect(events.map((e) => e.allowed)).toEqual([true, true, false]);
  });

  it("receives frozen events", () => {
    const { guards, events } = recording();
    guards.canUse("fulfilment", "email");
    expect(Object.isFrozen(events[0])).toBe(true);
    expect(Object.isFrozen(events[0]?.reasonCodes)).toBe(true);
  });
});
