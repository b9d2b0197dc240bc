import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as privacy from "../src";

// The loose faces of the guards: an untyped caller can pass anything.
const loose = privacy as unknown as Record<string, (...args: unknown[]) => unknown>;
const call = (name: string, ...args: unknown[]) =>
  (loose[name] as (...a: unknown[]) => unknown)(...args);
const scheduled = privacy.withRetention({}) as unknown as Record<
  string,
  (...a: unknown[]) => unknown
>;

const at = new Date("2026-01-01T00:00:00Z");
const earlier = new Date("2020-01-01T00:00:00Z");
const ledger = [{ subject: "a", purpose: "marketing", type: "granted", at: earlier }];
const query = { subject: "a", purpose: "marketing", at };

/** What a guard said: refused as invalid input (with the message), or something else. */
type Verdict = { invalid: true; message: string } | { invalid: false };
const verdict = (result: unknown): Verdict => {
  const r = result as { reasons?: readonly { code: string; message: string }[] };
  const reason = r.reasons?.find((x) => x.code === "invalid-input");
  return reason ? { invalid: true, message: reason.message } : { invalid: false };
};

/**
 * Every guard that takes a context, request, route, query or ledger event: the fields it
 * reads, a well-formed input and a value for each field that would change its answer.
 */
interface Case {
  readonly name: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly base: Readonly<Record<string, unknown>>;
  readonly decide: (input: object) => Verdict;
}
const contextCase = (
  name: string,
  decide: (input: object) => unknown,
  fields: Record<string, unknown>,
  base: Record<string, unknown> = {},
): Case => ({ name, fields, base, decide: (input) => verdict(decide(input)) });

const retentionFields = {
  collectedAt: earlier,
  relationshipEndedAt: earlier,
  jurisdiction: "eea",
  legalHold: true,
  now: at,
};
const rightsFields = { relationshipEndedAt: earlier, legalHold: true, now: at, jurisdiction: "uk" };

const cases: Case[] = [
  contextCase("canUse", (c) => call("canUse", "marketing", "account", c), {
    consent: true,
    storage: "transient",
    customerDirected: true,
    legalProcess: true,
    jurisdiction: "eea",
  }),
  contextCase("canShare", (c) => call("canShare", "account", "cloud-hosting", c), {
    sale: true,
    legalProcess: true,
    disclosureProhibited: true,
    businessTransfer: true,
    necessaryToPreventHarm: true,
    customerDirected: true,
    storage: "transient",
    jurisdiction: "eea",
  }),
  contextCase("retentionFor", (c) => call("retentionFor", "account", c), retentionFields, {
    collectedAt: earlier,
  }),
  contextCase("retentionCutoff", (c) => call("retentionCutoff", "account", c), retentionFields, {
    now: at,
    jurisdiction: "us",
  }),
  contextCase(
    "withRetention(...).retentionFor",
    (c) => scheduled.retentionFor?.("account", c),
    retentionFields,
    { collectedAt: earlier },
  ),
  contextCase("canExercise", (c) => call("canExercise", "erasure", "account", c), rightsFields),
  contextCase(
    "planRequest",
    (r) => call("planRequest", r),
    { right: "erasure", receivedAt: at, categories: ["account"], ...rightsFields },
    { right: "access", receivedAt: at, jurisdiction: "eea" },
  ),
  contextCase(
    "canCollect",
    (c) => call("canCollect", c),
    { age: 12, birthDate: earlier, at },
    {
      age: 30,
    },
  ),
  contextCase(
    "canTransfer",
    (r) => call("canTransfer", "account", r),
    { at, from: "DE", to: "IN", mechanism: "scc" },
    { at, from: "US", to: "IN" },
  ),
  contextCase(
    "planChildDataDiscovery",
    (d) => call("planChildDataDiscovery", d),
    {
      categories: ["account"],
      discoveredAt: at,
      jurisdiction: "uk",
      relationshipEndedAt: earlier,
      legalHold: true,
    },
    { discoveredAt: at, jurisdiction: "eea" },
  ),
  {
    name: "consentAt (query)",
    fields: { subject: "a", purpose: "marketing", at },
    base: query,
    decide: (q) =>
      call("consentAt", ledger, q) === true
        ? { invalid: false }
        : { invalid: true, message: "refused" },
  },
  {
    name: "consentAt (ledger event)",
    fields: { subject: "a", purpose: "marketing", type: "withdrawn", at: earlier },
    base: { subject: "a", purpose: "marketing", type: "granted", at: earlier },
    decide: (event) =>
      call("consentAt", [...ledger, event], query) === false
        ? { invalid: true, message: "refused" }
        : { invalid: false },
  },
];

/** The base input without `field`, so the field can be given another way. */
const without = (base: object, field: string): object =>
  Object.fromEntries(Object.entries(base).filter(([key]) => key !== field));

// Ways to give a field without making it an own data property of the object itself.
const forms = {
  "an own getter": (base: object, field: string, value: unknown) =>
    Object.defineProperty(without(base, field), field, { get: () => value, enumerable: true }),
  "an own setter only": (base: object, field: string) =>
    Object.defineProperty(without(base, field), field, { set: () => {}, enumerable: true }),
  "a class getter": (base: object, field: string, value: unknown) => {
    class Input {
      get [field]() {
        return value;
      }
    }
    return Object.assign(new Input(), without(base, field));
  },
  "a prototype": (base: object, field: string, value: unknown) =>
    Object.assign(Object.create({ [field]: value }), without(base, field)),
} as const;

const named = (c: Case, field: string, v: Verdict) =>
  c.name.startsWith("consentAt")
    ? v.invalid
    : v.invalid && v.message.includes(`"${field}"`) && !v.message.includes("undefined");

describe("guards read only own data fields of what they are given", () => {
  it("answer each well-formed base input without refusing it", () => {
    for (const c of cases)
      expect([c.name, c.decide({ ...c.base }).invalid]).toEqual([c.name, false]);
  });

  it("refuse a field given through a getter or a prototype as invalid input naming the field", () => {
    const caseField = fc
      .constantFrom(...cases)
      .chain((c) => fc.tuple(fc.constant(c), fc.constantFrom(...Object.keys(c.fields))));
    fc.assert(
      fc.property(
        caseField,
        fc.constantFrom(...(Object.keys(forms) as (keyof typeof forms)[])),
        fc.boolean(),
        fc.anything(),
        ([c, field], form, restrictive, anything) => {
          const value = restrictive ? c.fields[field] : anything;
          const input = forms[form](c.base, field, value);
          const v = c.decide(input);
          expect(
            named(c, field, v),
            `${c.name}: ${field} as ${form} gave ${JSON.stringify(v)}`,
          ).toBe(true);
        },
      ),
    );
  });

  it("denies a sale given through a class getter", () => {
    class Disclosure {
      get sale() {
        return true;
      }
    }
    const d = privacy.canShare("account", "cloud-hosting", new Disclosure() as { sale: boolean });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]?.message).toMatch(/^context field "sale" is inherited/);
  });

  it("denies a sale whose property answers true once and false after", () => {
    let asked = 0;
    const context = new Proxy(
      { sale: false },
      {
        getOwnPropertyDescriptor(t, key) {
          const own = Reflect.getOwnPropertyDescriptor(t, key);
          return key === "sale" && own && asked++ === 0 ? { ...own, value: true } : own;
        },
      },
    );
    const d = privacy.canShare("account", "cloud-hosting", context);
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => r.code)).toEqual(["prohibited"]);
  });

  it("keeps a record under a legal hold given through a getter", () => {
    const context = { collectedAt: earlier, now: new Date("2090-01-01T00:00:00Z") };
    Object.defineProperty(context, "legalHold", { get: () => true, enumerable: true });
    const d = privacy.retentionFor("account", context);
    expect(d).toMatchObject({ expired: false, until: null });
    expect(d.reasons[0]?.message).toMatch(/^retention context field "legalHold"/);
  });

  it("refuse a field inherited from a polluted Object.prototype, and answer as before once it is restored", () => {
    const caseField = fc
      .constantFrom(...cases)
      .chain((c) => fc.tuple(fc.constant(c), fc.constantFrom(...Object.keys(c.fields))));
    fc.assert(
      fc.property(caseField, fc.boolean(), fc.anything(), ([c, field], restrictive, anything) => {
        const input = () => without(c.base, field);
        const before = c.decide(input());
        const proto = Object.prototype as Record<string, unknown>;
        let polluted: Verdict;
        try {
          proto[field] = restrictive ? c.fields[field] : anything;
          polluted = c.decide(input());
        } finally {
          delete proto[field];
        }
        expect(named(c, field, polluted), `${c.name}: Object.prototype.${field}`).toBe(true);
        expect(c.decide(input())).toEqual(before);
      }),
    );
  });

  it("refuse a hole or a getter in a ledger or a list of categories", () => {
    const holey = <T>(items: T[]) => {
      Reflect.deleteProperty(items, 1);
      return items;
    };
    const withGetter = <T>(items: T[]) =>
      Object.defineProperty(items, 1, { get: () => items[0], enumerable: true });
    for (const events of [holey([...ledger, ...ledger]), withGetter([...ledger, ...ledger])]) {
      expect(privacy.consentAt(events as never, query as never)).toBe(false);
    }
    for (const categories of [
      holey(["account", "kyc-document", "ip-address"]),
      withGetter(["account", "kyc-document"]),
    ]) {
      const plan = call("planRequest", {
        right: "access",
        receivedAt: at,
        jurisdiction: "eea",
        categories,
      });
      expect(verdict(plan)).toEqual({
        invalid: true,
        message: expect.stringMatching(/^categories\[1\]/),
      });
      const child = call("planChildDataDiscovery", {
        discoveredAt: at,
        jurisdiction: "eea",
        categories,
      });
      expect(verdict(child)).toEqual({
        invalid: true,
        message: expect.stringMatching(/^categories\[1\]/),
      });
    }
  });

  it("read each field's property once, so a Proxy cannot answer differently the second time", () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.infiniteStream(fc.boolean()), (c, flips) => {
        const reads = new Map<PropertyKey, number>();
        const target = { ...c.fields };
        const answers = flips[Symbol.iterator]();
        const input = new Proxy(target, {
          getOwnPropertyDescriptor(t, key) {
            reads.set(key, (reads.get(key) ?? 0) + 1);
            const own = Reflect.getOwnPropertyDescriptor(t, key);
            // Each read may answer the field's value or the base input's: only the first counts.
            return own && answers.next().value ? { ...own, value: c.base[key as string] } : own;
          },
          get(t, key, receiver) {
            // A field read with [[Get]] would run a getter a second time: count it as a read.
            if (typeof key === "string" && Object.hasOwn(c.fields, key))
              reads.set(key, (reads.get(key) ?? 0) + 1);
            return Reflect.get(t, key, receiver);
          },
        });
        c.decide(input);
        for (const [key, count] of reads) expect([c.name, key, count]).toEqual([c.name, key, 1]);
      }),
      { numRuns: 60 },
    );
  });
});
