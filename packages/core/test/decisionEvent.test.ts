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
const throwingContext = () =>
  Object.defineProperty({}, "consent", {
    enumerable: true,
    get() {
      throw new Error("unreadable");
    },
  });

describe("decision events", () => {
  it("name the category and recipient of a disclosure, and no purpose", () => {
    const { guards, events } = recording();
    guards.canShare("order", "courier");
    expect(events).toEqual([
      {
        kind: "share",
        allowed: true,
        purpose: null,
        category: "order",
        recipient: "courier",
        reasonCodes: ["permitted"],
        obligations: [],
        policy,
      },
    ]);
  });

  it("name the pair asked when no context is given", () => {
    const { guards, events } = recording();
    guards.canUse("newsletter", "email");
    guards.canShare("email", "police");
    expect(events.map((e) => [e.purpose, e.category, e.recipient, e.allowed])).toEqual([
      ["newsletter", "email", null, false],
      [null, "email", "police", false],
    ]);
  });

  it("name the declared pair asked when only the context is malformed or unreadable", () => {
    const { loose, events } = recording();
    loose.canUse("newsletter", "email", { consent: "yes" });
    loose.canShare("email", "police", "subpoena");
    loose.canUse("newsletter", "email", throwingContext());
    expect(events.map((e) => [e.purpose, e.category, e.recipient, e.reasonCodes])).toEqual([
      ["newsletter", "email", null, ["invalid-input"]],
      [null, "email", "police", ["invalid-input"]],
      ["newsletter", "email", null, ["invalid-input"]],
    ]);
  });

  it("give a retention decision's reason codes and no obligations", () => {
    const { guards, events } = recording();
    guards.retentionFor("order", {
      collectedAt: new Date("2000-01-01T00:00:00Z"),
      now: new Date("2020-01-01T00:00:00Z"),
    });
    expect(events).toEqual([
      {
        kind: "retention",
        allowed: true,
        purpose: null,
        category: "order",
        recipient: null,
        reasonCodes: ["retention-expired"],
        obligations: [],
        policy,
      },
    ]);
  });

  it("never repeat an undeclared category passed to retentionFor", () => {
    const { guards, events } = recording();
    const retentionFor = guards.retentionFor as (category: unknown, context: unknown) => unknown;
    retentionFor("jane.doe@example.com", { collectedAt: new Date() });
    expect(events).toEqual([
      expect.objectContaining({ category: null, reasonCodes: ["invalid-input"], allowed: false }),
    ]);
    expect(JSON.stringify(events)).not.toContain("jane");
  });
});
