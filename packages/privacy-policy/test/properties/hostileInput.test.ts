// Every guard of the TrunkIQ package under fuzzed hostile input: it answers with a decision that
// fails closed, never a throw, and a field given any way but as an own data property never
// counts as given. The runs per guard are stated in each test's name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as trunkiq from "../../src";
import { categories, policy, purposes, recipients } from "../support/points";

/** Fuzzed inputs per guard; the test names say so. */
const RUNS = 500;
const runs = `${RUNS} fuzzed inputs`;

type Loose = (...args: unknown[]) => unknown;
const loose = (f: unknown) => f as Loose;

const rights = Object.keys(policy.rights ?? {});
const jurisdictions = [...policy.jurisdictions];
const fieldsOf = (question: "use" | "share") =>
  Object.entries(policy.contextFields)
    .filter(([, f]) => (f.appliesTo as readonly string[]).includes(question))
    .map(([name]) => name);

// Honest values of every field a guard reads, and values no guard accepts.
const moment = fc
  .integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2060, 0, 1) })
  .map((t) => new Date(t));
const lyingDate = moment.map((d) => {
  class LyingDate extends Date {
    override getTime() {
      return Number.NaN;
    }
    override valueOf() {
      return Number.NaN;
    }
  }
  return new LyingDate(d.getTime());
});
const contextChoices = new Map<string, fc.Arbitrary<unknown>>(
  Object.entries(policy.contextFields).map(([name, f]) => [
    name,
    f.kind === "flag" ? fc.boolean() : fc.constantFrom<unknown>(...f.values),
  ]),
);
const countries = fc.constantFrom("DE", "FR", "US", "GB", "IN", "CH", "JP");
const honestFields: Record<string, fc.Arbitrary<unknown>> = {
  jurisdiction: fc.constantFrom(...jurisdictions),
  legalHold: fc.oneof(fc.boolean(), fc.array(fc.constantFrom(...categories), { maxLength: 2 })),
  right: fc.constantFrom(...rights),
  categories: fc.array(fc.constantFrom(...categories), { minLength: 1, maxLength: 3 }),
  subject: fc.constantFrom("acct-1", "acct-2"),
  purpose: fc.constantFrom("marketing", "product-development"),
  type: fc.constantFrom("granted", "withdrawn"),
  from: countries,
  to: countries,
  mechanism: fc.constantFrom("scc", "dpf", "uk-addendum", "idta", "bcr"),
  age: fc.integer({ min: 0, max: 90 }),
  pan: fc.constantFrom("4111 1111 1111 1111", "411111******1111"),
  note: fc.string(),
};
const honest = (name: string) => honestFields[name] ?? contextChoices.get(name) ?? moment; // every other field is a moment
const junk = fc.oneof(
  fc.anything(),
  lyingDate,
  fc.constantFrom<unknown>(null, Number.NaN, "", "__proto__", new Date(Number.NaN), [undefined]),
);
const value = (name: string) =>
  fc.oneof({ weight: 6, arbitrary: honest(name) }, { weight: 1, arbitrary: junk });

/** How a field reaches the guard: only `own` is an own data property. */
type Placement = "own" | "getter" | "prototype" | "class-getter";
const placement = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Placement>("own") },
  { weight: 1, arbitrary: fc.constantFrom<Placement>("getter", "prototype", "class-getter") },
);

interface Built {
  readonly input: unknown;
  /** Fields given through a getter or a prototype. */
  readonly hidden: readonly string[];
}

/** An object holding some of `names`, each placed one way; sometimes a Proxy whose traps throw. */
function hostileObject(names: readonly string[], required = false): fc.Arbitrary<Built> {
  const fields = fc.record(
    Object.fromEntries(names.map((name) => [name, fc.tuple(value(name), placement)])),
    { requiredKeys: required ? [...names] : [] },
  );
  const built = fields.map((entries): Built => {
    const proto: Record<string, unknown> = {};
    const getters: PropertyDescriptorMap = {};
    const own: Record<string, unknown> = {};
    const hidden: string[] = [];
    for (const [name, [v, how]] of Object.entries(entries) as [string, [unknown, Placement]][]) {
      if (how === "own") own[name] = v;
      else hidden.push(name);
      if (how === "prototype") proto[name] = v;
      if (how === "getter") getters[name] = { get: () => v, enumerable: true };
      if (how === "class-getter") Object.defineProperty(proto, name, { get: () => v });
    }
    const input = Object.create(proto);
    Object.assign(input, own);
    Object.defineProperties(input, getters);
    return { input, hidden };
  });
  const trap = () => {
    throw new Error("trap");
  };
  const throwing: Built = {
    input: new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap }),
    hidden: names,
  };
  return fc.oneof({ weight: 8, arbitrary: built }, { weight: 1, arbitrary: fc.constant(throwing) });
}

const id = (ids: readonly string[]) => fc.oneof(fc.constantFrom(...ids), junk);

interface GuardCase {
  readonly name: string;
  /** The arguments, and the fields of them given other than as own data. */
  readonly args: fc.Arbitrary<{ args: unknown[]; hidden: readonly string[] }>;
  readonly call: (args: unknown[]) => unknown;
  /** Whether the answer lets something happen (an allow, an expiry, a cutoff, a plan). */
  readonly permits: (answer: unknown) => boolean;
}

const object = (names: readonly string[]) => hostileObject(names);
const withContext = (ids: fc.Arbitrary<unknown[]>, names: readonly string[]): GuardCase["args"] =>
  fc
    .tuple(ids, fc.option(object(names), { nil: undefined }))
    .map(([head, ctx]) => ({ args: [...head, ctx?.input], hidden: ctx?.hidden ?? [] }));
const allowed = (a: unknown) => (a as { allowed?: unknown }).allowed === true;

const useFields = fieldsOf("use");
const shareFields = fieldsOf("share");
const retentionFields = [
  "collectedAt",
  "relationshipEndedAt",
  "lastContactAt",
  "jurisdiction",
  "legalHold",
  "now",
];

/** A record of any category, collected and ended long before the moment asked about. */
const expiredRecord: GuardCase["args"] = fc
  .tuple(
    fc.constantFrom(...categories),
    fc.constantFrom(...jurisdictions),
    fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2000, 0, 1) }),
    fc.integer({ min: Date.UTC(2040, 0, 1), max: Date.UTC(2060, 0, 1) }),
  )
  .map(([category, jurisdiction, then, later]) => ({
    args: [
      category,
      {
        collectedAt: new Date(then),
        relationshipEndedAt: new Date(then),
        jurisdiction,
        now: new Date(later),
      },
    ],
    hidden: [],
  }));

const cases: readonly GuardCase[] = [
  {
    name: "canUse",
    args: withContext(fc.tuple(id(purposes), id(categories)), [...useFields, "jurisdiction"]),
    call: (a) => loose(trunkiq.canUse)(...a),
    permits: allowed,
  },
  {
    name: "canShare",
    args: withContext(fc.tuple(id(categories), id(recipients)), [...shareFields, "jurisdiction"]),
    call: (a) => loose(trunkiq.canShare)(...a),
    permits: allowed,
  },
  {
    name: "retentionFor",
    // Six optional fields, any of which can be junk or hidden, rarely line up into a record
    // that has expired; a share of plainly honest old records keeps the permit check biting.
    args: fc.oneof(
      { weight: 4, arbitrary: withContext(fc.tuple(id(categories)), retentionFields) },
      { weight: 1, arbitrary: expiredRecord },
    ),
    call: (a) => loose(trunkiq.retentionFor)(...a),
    permits: (a) => (a as { expired?: unknown }).expired === true,
  },
  {
    name: "retentionCutoff",
    args: withContext(fc.tuple(id(categories)), ["now", "jurisdiction"]),
    call: (a) => loose(trunkiq.retentionCutoff)(...a),
    permits: (a) => (a as { cutoff?: unknown }).cutoff instanceof Date,
  },
  {
    name: "canExercise",
    args: withContext(fc.tuple(id(rights), id(categories)), [
      "relationshipEndedAt",
      "lastContactAt",
      "legalHold",
      "now",
      "jurisdiction",
    ]),
    call: (a) => loose(trunkiq.canExercise)(...a),
    permits: allowed,
  },
  {
    name: "planRequest",
    args: object(["right", "receivedAt", "categories", "lastContactAt", "now", "jurisdiction"]).map(
      (o) => ({
        args: [o.input],
        hidden: o.hidden,
      }),
    ),
    call: (a) => loose(trunkiq.planRequest)(...a),
    permits: (a) => (a as { valid?: unknown }).valid === true,
  },
  {
    name: "canCollect",
    args: object(["age", "birthDate", "at"]).map((o) => ({ args: [o.input], hidden: o.hidden })),
    call: (a) => loose(trunkiq.canCollect)(...a),
    permits: allowed,
  },
  {
    name: "planChildDataDiscovery",
    args: object([
      "categories",
      "discoveredAt",
      "jurisdiction",
      "relationshipEndedAt",
      "legalHold",
    ]).map((o) => ({
      args: [o.input],
      hidden: o.hidden,
    })),
    call: (a) => loose(trunkiq.planChildDataDiscovery)(...a),
    permits: (a) => (a as { valid?: unknown }).valid === true,
  },
  {
    name: "canTransfer",
    args: withContext(fc.tuple(id(categories)), ["from", "to", "at", "origin", "mechanism"]),
    call: (a) => loose(trunkiq.canTransfer)(...a),
    permits: allowed,
  },
  {
    name: "consentAt",
    args: fc
      .tuple(
        fc.array(hostileObject(["subject", "purpose", "type", "at"], true), { maxLength: 4 }),
        hostileObject(["subject", "purpose", "at"], true),
      )
      .map(([events, query]) => ({
        args: [events.map((e) => e.input), query.input],
        hidden: [...events.flatMap((e) => e.hidden), ...query.hidden],
      })),
    call: (a) => loose(trunkiq.consentAt)(...a),
    permits: (a) => a === true,
  },
];

describe("every guard under hostile input", () => {
  for (const guard of cases) {
    it(`${guard.name}: ${runs}, each answered without a throw, none counting a field not given as own data`, () => {
      let permitted = 0;
      let hiddenCases = 0;
      fc.assert(
        fc.property(guard.args, ({ args, hidden }) => {
          let answer: unknown;
          expect(() => {
            answer = guard.call(args);
          }).not.toThrow();
          expect(answer).not.toBeUndefined();
          if (hidden.length > 0) {
            hiddenCases++;
            expect(guard.permits(answer)).toBe(false);
          } else if (guard.permits(answer)) permitted++;
        }),
        { numRuns: RUNS },
      );
      // Both kinds of input occur, and honest ones reach answers that permit something, so the
      // check above can fail.
      expect(permitted).toBeGreaterThan(0);
      expect(hiddenCases).toBeGreaterThan(RUNS / 20);
    });
  }

  it(`containsFullCardNumber: ${runs}, each answered with a boolean, an unreadable value counting as holding one`, () => {
    // Wrapped, so fast-check never reads a Proxy whose traps throw.
    const values = fc.oneof(
      junk.map((input) => ({ input })),
      hostileObject(["pan", "note"]),
    );
    fc.assert(
      fc.property(values, ({ input }) => {
        let answer: unknown;
        expect(() => {
          answer = trunkiq.containsFullCardNumber(input);
        }).not.toThrow();
        expect(typeof answer).toBe("boolean");
      }),
      { numRuns: RUNS },
    );
  });
});
