import type { DecisionEvent } from "@trunkiq/policy-core";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { consentAt, createConsentGuard } from "../src";

const at = new Date("2025-02-01T00:00:00Z");
const ledger = [
  {
    subject: "acct-1",
    purpose: "newsletter",
    type: "granted",
    at: new Date("2025-01-01T00:00:00Z"),
  },
  {
    subject: "acct-1",
    purpose: "newsletter",
    type: "withdrawn",
    at: new Date("2025-03-01T00:00:00Z"),
  },
] as const;

function recording() {
  const events: DecisionEvent[] = [];
  const failures: unknown[] = [];
  const consentHeld = createConsentGuard(examplePolicy, {
    onDecision: (e) => void events.push(e),
    onHookError: (error) => void failures.push(error),
  }).consentAt;
  return { consentHeld, events, failures };
}

describe("createConsentGuard", () => {
  it.each([at, new Date("2025-03-01T00:00:00Z")])(
    "answers as consentAt does at %s, with one consent event",
    (moment) => {
      const { consentHeld, events } = recording();
      const query = { subject: "acct-1", purpose: "newsletter", at: moment } as const;
      const held = consentHeld(ledger, query);
      expect(held).toBe(consentAt(ledger, query));
      expect(events).toEqual([
        {
          kind: "consent",
          allowed: held,
          purpose: "newsletter",
          category: null,
          recipient: null,
          reasonCodes: [],
          obligations: [],
          policy: { id: examplePolicy.id, version: examplePolicy.version },
        },
      ]);
    },
  );

  it("never puts the subject or the moment on the event, and names no undeclared purpose", () => {
    const { consentHeld, events } = recording();
    const loose = consentHeld as (events: unknown, query: unknown) => boolean;
    expect(loose(ledger, { subject: "acct-1", purpose: "spying", at })).toBe(false);
    expect(loose(null, null)).toBe(false);
    expect(events.map((e) => e.purpose)).toEqual([null, null]);
    expect(JSON.stringify(events)).not.toMatch(/acct-1|2025/);
  });

  it("keeps its answer when the hook throws", () => {
    const { failures } = recording();
    const { consentAt: consentHeld } = createConsentGuard(examplePolicy, {
      onDecision: () => {
        throw new Error("audit store down");
      },
      onHookError: (error) => void failures.push(error),
    });
    expect(consentHeld(ledger, { subject: "acct-1", purpose: "newsletter", at })).toBe(true);
    expect(failures).toHaveLength(1);
  });
});
