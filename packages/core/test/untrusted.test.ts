import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { createGuards, type DecisionEvent } from "../src";

function recording() {
  const events: DecisionEvent[] = [];
  const guards = createGuards(examplePolicy, { onDecision: (e) => void events.push(e) });
  return { guards, events };
}

/** What a JSON request body holds: nothing the compiler knows. */
const fromRequest = (json: string): Record<string, unknown> => JSON.parse(json);

describe("untrusted guards", () => {
  it("decide declared ids read from a request as the typed guards do", () => {
    const { guards } = recording();
    const body = fromRequest(
      '{"purpose":"newsletter","category":"email","context":{"consent":true}}',
    );
    expect(guards.untrusted.canUse(body.purpose, body.category, body.context)).toEqual(
      guards.canUse("newsletter", "email", { consent: true }),
    );
    const share = fromRequest(
      '{"category":"email","recipient":"police","context":{"subpoena":true}}',
    );
    expect(guards.untrusted.canShare(share.category, share.recipient, share.context)).toEqual(
      guards.canShare("email", "police", { subpoena: true }),
    );
  });

  it.each([
    ["purpose", ["marketing", "email"], /^unknown purpose "marketing"/],
    ["category", ["fulfilment", "phone"], /^unknown data category "phone"/],
    ["purpose that is not a string", [7, "email"], /^unknown purpose 7/],
  ] as const)(
    "deny an undeclared %s as invalid input naming it",
    (_, [purpose, category], message) => {
      const decision = recording().guards.untrusted.canUse(purpose, category);
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toHaveLength(1);
      expect(decision.reasons[0]?.code).toBe("invalid-input");
      expect(decision.reasons[0]?.message).toMatch(message);
    },
  );

  it("deny an undeclared recipient as invalid input naming it", () => {
    const [reason] = recording().guards.untrusted.canShare("email", "printer").reasons;
    expect(reason?.code).toBe("invalid-input");
    expect(reason?.message).toMatch(/^unknown recipient "printer"/);
  });

  it("deny a context field of the wrong type as invalid input naming the field", () => {
    const context = fromRequest('{"consent":"yes"}');
    const decision = recording().guards.untrusted.canUse("newsletter", "email", context);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]?.code).toBe("invalid-input");
    expect(decision.reasons[0]?.message).toContain("consent");
  });

  it("never report a record of an undeclared category as due for deletion", () => {
    const { guards } = recording();
    const context = { collectedAt: new Date("2000-01-01T00:00:00Z"), now: new Date() };
    const decision = guards.untrusted.retentionFor("phone", context);
    expect(decision.expired).toBe(false);
    expect(decision.reasons[0]?.code).toBe("invalid-input");
    expect(guards.untrusted.retentionCutoff("phone", { now: new Date() }).cutoff).toBeNull();
  });

  it("emit one event per decision, like every guard", () => {
    const { guards, events } = recording();
    guards.untrusted.canUse("fulfilment", "email");
    guards.untrusted.canUse("nope", "email");
    guards.untrusted.canShare("email", "courier");
    guards.untrusted.retentionFor("order", { collectedAt: new Date(), now: new Date() });
    expect(events.map((e) => [e.kind, e.purpose, e.category])).toEqual([
      ["use", "fulfilment", "email"],
      ["use", null, null],
      ["share", null, "email"],
      ["retention", null, "order"],
    ]);
  });
});
