import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConsentEvent, consentAt } from "../../src";
import { consentLedgerSchema } from "../../src/schemas";
import { policy } from "../support/points";

type Purpose = ConsentEvent["purpose"];
type Ledger = ConsentEvent[];
type ConsentQuery = { subject: string; purpose: Purpose; at: Date };

// Few subjects, purposes and instants, so events collide: the same pair, equal timestamps and
// grants appended after later withdrawals all happen often.
const subjects = ["acct-1", "acct-2"] as const;
const purposes = Object.keys(policy.purposes).slice(0, 2) as Purpose[];
const DAY = 86_400_000;
const base = Date.UTC(2024, 1, 28);
const instantArb = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(0, 0, 0, 1, DAY - 1))
  .map(([day, ms]) => new Date(base + day * DAY + ms));
const momentArb = fc
  .tuple(instantArb, fc.constantFrom(-1, 0, 0, 1))
  .map(([instant, shift]) => new Date(instant.getTime() + shift));
const eventArb: fc.Arbitrary<ConsentEvent> = fc.record({
  subject: fc.constantFrom(...subjects),
  purpose: fc.constantFrom(...purposes),
  type: fc.constantFrom("granted" as const, "withdrawn" as const),
  at: instantArb,
});
const ledgerArb = fc.array(eventArb, { maxLength: 25 });
const queryArb = fc.record({
  subject: fc.constantFrom(...subjects),
  purpose: fc.constantFrom(...purposes),
  at: momentArb,
});

/**
 * The model: replay the pair's events in time order, a grant switching consent on and a
 * withdrawal switching it off, stopping after `at`. At equal timestamps withdrawals replay last,
 * so a withdrawal wins a tie.
 */
function modelConsent(events: readonly ConsentEvent[], q: ConsentQuery): boolean {
  const relevant = events
    .filter((e) => e.subject === q.subject && e.purpose === q.purpose)
    .filter((e) => e.at.getTime() <= q.at.getTime())
    .sort(
      (a, b) =>
        a.at.getTime() - b.at.getTime() ||
        Number(a.type === "withdrawn") - Number(b.type === "withdrawn"),
    );
  let consented = false;
  for (const e of relevant) consented = e.type === "granted";
  return consented;
}

interface Model {
  events: ConsentEvent[];
}
interface Real {
  ledger: Ledger;
}

class Append implements fc.Command<Model, Real> {
  constructor(readonly event: ConsentEvent) {}
  check = () => true;
  run(m: Model, r: Real) {
    m.events.push(this.event);
    r.ledger = [...r.ledger, this.event];
  }
  toString = () =>
    `${this.event.type}(${this.event.subject}, ${this.event.purpose}, ${this.event.at.toISOString()})`;
}

class Check implements fc.Command<Model, Real> {
  constructor(readonly query: ConsentQuery) {}
  check = () => true;
  run(m: Model, r: Real) {
    expect(consentAt(r.ledger, this.query)).toBe(modelConsent(m.events, this.query));
  }
  toString = () =>
    `consentAt(${this.query.subject}, ${this.query.purpose}, ${this.query.at.toISOString()})`;
}

const commandsArb = fc.commands(
  [
    eventArb.filter((e) => e.type === "granted").map((e) => new Append(e)),
    eventArb.filter((e) => e.type === "withdrawn").map((e) => new Append(e)),
    queryArb.map((q) => new Check(q)),
  ],
  { maxCommands: 40 },
);

describe("consent ledger (§3; GDPR Art. 7(1), 7(3))", () => {
  it("§3: answers like a replay of the ledger at every moment, whatever order events arrive in", () => {
    fc.assert(
      fc.property(commandsArb, (cmds) => {
        fc.modelRun(() => ({ model: { events: [] }, real: { ledger: [] } }), cmds);
      }),
      { numRuns: 300 },
    );
  });

  it("§3: a withdrawal at equal time beats a grant, in either order of appending", () => {
    fc.assert(
      fc.property(queryArb, instantArb, (q, t) => {
        const grant: ConsentEvent = { ...q, type: "granted", at: t };
        const withdraw: ConsentEvent = { ...q, type: "withdrawn", at: t };
        const moment = { ...q, at: t };
        expect(consentAt([grant, withdraw], moment)).toBe(false);
        expect(consentAt([withdraw, grant], moment)).toBe(false);
        expect(consentAt([grant], moment)).toBe(true);
      }),
    );
  });

  it("§3: a withdrawal never reaches back to moments before it", () => {
    fc.assert(
      fc.property(ledgerArb, eventArb, queryArb, (ledger, event, q) => {
        const withdrawal: ConsentEvent = { ...event, type: "withdrawn" };
        fc.pre(q.at.getTime() < withdrawal.at.getTime());
        expect(consentAt([...ledger, withdrawal], q)).toBe(consentAt(ledger, q));
      }),
      { numRuns: 300 },
    );
  });

  it("§3: a later grant never makes an earlier moment consented", () => {
    fc.assert(
      fc.property(ledgerArb, eventArb, queryArb, (ledger, event, q) => {
        const grant: ConsentEvent = { ...event, type: "granted" };
        fc.pre(q.at.getTime() < grant.at.getTime());
        expect(consentAt([...ledger, grant], q)).toBe(consentAt(ledger, q));
      }),
      { numRuns: 300 },
    );
  });

  it("§3: a ledger stored as JSON reloads through consentLedgerSchema with the same answers", () => {
    fc.assert(
      fc.property(ledgerArb, fc.array(queryArb, { maxLength: 10 }), (ledger, queries) => {
        const reloaded = consentLedgerSchema.parse(JSON.parse(JSON.stringify(ledger)));
        expect(reloaded).toEqual(ledger);
        for (const q of queries) expect(consentAt(reloaded, q)).toBe(consentAt(ledger, q));
      }),
    );
  });
});
