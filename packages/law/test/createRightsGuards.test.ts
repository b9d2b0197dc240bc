import { type Obligation, PolicyDefinitionError } from "@trunkiq/policy-core";
import { definePolicy } from "@trunkiq/policy-core/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { rightsPolicy } from "../../../test-support/fixtures/rightsPolicy";
import {
  createRightsGuards,
  type InvalidRequestPlan,
  type RequestPlan,
  type RightDecision,
} from "../src";

const fcOptions = { numRuns: 200, ...(process.env.CI ? { seed: 20250707 } : {}) };

const judgement = (id: string, section: string): Obligation => ({
  id,
  message: `${id}, as the controller judged`,
  section,
});
const verify = judgement("verify-identity", "§9(a)");
const purge = judgement("purge-backups", "§9(c)");
const log = judgement("log-objection", "§9(e)");
// The example shop with every GDPR right declared, bases recognised by their Art. 6(1) letters.
const shop = definePolicy({
  ...examplePolicy,
  rights: {
    access: { section: "§9", text: "copies of your data", gdpr: "Art. 15" },
    rectification: { section: "§9", text: "corrections", gdpr: "Art. 16" },
    erasure: { section: "§9", text: "erasure, under conditions", gdpr: "Art. 17" },
    restriction: { section: "§9", text: "restriction", gdpr: "Art. 18" },
    objection: { section: "§9", text: "objection", gdpr: "Art. 21" },
    portability: { section: "§9", text: "portability", gdpr: "Art. 20" },
    complaint: { section: "§9", text: "complain to us" },
  },
});
const responseLaws = { us: "ccpa", eea: "gdpr" } as const;
const shopGuards = () =>
  createRightsGuards(shop, { directMarketing: ["newsletter"], responseLaws });

describe("§9 rights from declarations, GDPR Arts. 15–21", () => {
  it("finds the lawful basis of each purpose from its GDPR letter", () => {
    // "order" is used by fulfilment (contract) and tax-filing (legal obligation).
    expect(shopGuards().canExercise("portability", "order").purposes).toEqual([
      "fulfilment",
      "newsletter",
    ]);
    expect(
      shopGuards()
        .canExercise("objection", "email")
        .obligations.map((o) => o.id),
    ).toEqual(["stop-direct-marketing"]);
    expect(shopGuards().canExercise("objection", "card").allowed).toBe(false);
  });

  it("denies a declared right the engine has no GDPR semantics for", () => {
    const d = shopGuards().canExercise("complaint" as "access", "email");
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]?.code).toBe("invalid-input");
  });

  it("keeps collection-anchored legal records until the period from the relationship's end runs out", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2090-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (ended) => {
          const d = shopGuards().canExercise("erasure", "order", {
            relationshipEndedAt: ended,
            now: ended,
          });
          // INVARIANT: 7 years from the UTC day of the end, the whole last day included.
          const y = ended.getUTCFullYear() + 7;
          const m = ended.getUTCMonth();
          const day = Math.min(ended.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
          expect(d.allowed).toBe(false);
          expect(d.until?.getTime()).toBe(Date.UTC(y, m, day + 1));
        },
      ),
      fcOptions,
    );
  });

  it("ends a period anchored on February 29 with February 28 of a non-leap year", () => {
    const d = shopGuards().canExercise("erasure", "order", {
      relationshipEndedAt: new Date("2024-02-29T18:00:00Z"),
      now: new Date("2024-03-01T00:00:00Z"),
    });
    expect(d.until?.toISOString()).toBe("2031-03-01T00:00:00.000Z");
  });

  it("plans restriction with the retention end for each yielding category", () => {
    const plan = shopGuards().planRequest({
      jurisdiction: "us",
      right: "erasure",
      receivedAt: new Date("2025-01-31T00:00:00Z"),
      relationshipEndedAt: new Date("2025-01-01T00:00:00Z"),
    });
    if (!plan.valid) throw new Error("expected a plan");
    expect(plan.actions.map((a) => [a.category, a.action])).toEqual([
      ["email", "delete"],
      ["order", "restrict"],
      ["card", "delete"],
    ]);
  });
});

const options = {
  directMarketing: ["newsletter", "promotion"],
  responseLaws,
  judgements: {
    access: { email: [verify] },
    rectification: { email: [verify] },
    erasure: { email: [purge], order: [purge] },
    restriction: { device: [log] },
    objection: { email: [log], order: [log] },
    portability: { email: [verify], device: [verify] },
  },
};
/** The guards as an untyped caller sees them. */
interface LooseRightsGuards {
  canExercise(right: unknown, category: unknown, context?: unknown): RightDecision;
  planRequest(request: unknown): RequestPlan | InvalidRequestPlan;
}
// Built per call, so that every decision also exercises the construction of the guards.
const build = () => createRightsGuards(rightsPolicy, options);
const canExercise: ReturnType<typeof build>["canExercise"] = (right, category, context) =>
  build().canExercise(right, category, context);
const planRequest: ReturnType<typeof build>["planRequest"] = (request) =>
  build().planRequest(request);
const loose: LooseRightsGuards = {
  canExercise: (right, category, context) =>
    (build() as unknown as LooseRightsGuards).canExercise(right, category, context),
  planRequest: (request) => (build() as unknown as LooseRightsGuards).planRequest(request),
};

const ref = { id: "example-rights", version: "2025-01-01" };
const utc = (iso: string) => new Date(iso);
const ended = utc("2020-03-15T10:00:00Z");
const open2025 = utc("2025-01-01T00:00:00Z");

/** Asserts the shape of a refusal of bad input, and returns its message. */
const refused = (d: RightDecision): string => {
  expect(d).toMatchObject({
    kind: "right",
    allowed: false,
    until: null,
    purposes: [],
    obligations: [],
    policy: ref,
  });
  expect(d.reasons).toHaveLength(1);
  // Bad input is not about one right: it cites the policy's first rights clause.
  expect(d.reasons[0]).toMatchObject({
    code: "invalid-input",
    section: "§9(a)",
    text: "a copy of your data",
  });
  return d.reasons[0]?.message ?? "";
};

const refusedPlan = (plan: RequestPlan | InvalidRequestPlan): string => {
  expect(plan).toMatchObject({
    valid: false,
    receivedAt: null,
    deadline: null,
    extendedDeadline: null,
    actions: [],
    policy: ref,
  });
  expect(Object.isFrozen(plan)).toBe(true);
  expect(Object.isFrozen(plan.actions)).toBe(true);
  expect(plan.reasons).toHaveLength(1);
  expect(plan.reasons[0]?.code).toBe("invalid-input");
  return plan.reasons[0]?.message ?? "";
};

describe("§9(a)–(b) access and rectification, GDPR Arts. 15–16", () => {
  it("grants access to every declared category, citing the access clause", () => {
    expect(canExercise("access", "order")).toEqual({
      kind: "right",
      allowed: true,
      right: "access",
      category: "order",
      jurisdiction: "us",
      until: null,
      purposes: [],
      reasons: [
        {
          code: "right-applies",
          message: "access applies to every declared category (GDPR Art. 15)",
          section: "§9(a)",
          text: "a copy of your data",
        },
      ],
      obligations: [],
      policy: ref,
    });
  });

  it("grants rectification, citing the rectification clause", () => {
    const d = canExercise("rectification", "location", { jurisdiction: "eea" });
    expect(d).toMatchObject({ allowed: true, right: "rectification", jurisdiction: "eea" });
    expect(d.reasons).toEqual([
      {
        code: "right-applies",
        message: "rectification applies to every declared category (GDPR Art. 16)",
        section: "§9(b)",
        text: "corrections",
      },
    ]);
  });

  it("adds the obligations a deployment judged necessary for that right and category only", () => {
    expect(canExercise("access", "email").obligations).toEqual([verify]);
    expect(canExercise("rectification", "email").obligations).toEqual([verify]);
    expect(canExercise("access", "order").obligations).toEqual([]);
  });

  it("needs no judgement for a right the deployment left out", () => {
    const accessOnly = createRightsGuards(rightsPolicy, {
      judgements: { access: { email: [verify] } },
    });
    expect(accessOnly.canExercise("access", "email").obligations).toEqual([verify]);
    expect(accessOnly.canExercise("access", "order").obligations).toEqual([]);
    expect(accessOnly.canExercise("rectification", "email")).toMatchObject({
      allowed: true,
      obligations: [],
    });
  });

  it("needs no judgements at all", () => {
    const plain = createRightsGuards(rightsPolicy);
    for (const right of ["access", "rectification", "restriction", "erasure"] as const) {
      expect(plain.canExercise(right, "email").allowed).toBe(true);
    }
    expect(plain.canExercise("access", "email").obligations).toEqual([]);
    expect(plain.canExercise("objection", "device").obligations.map((o) => o.id)).toEqual([
      "assess-compelling-grounds",
    ]);
  });
});

describe("§9(d) restriction, GDPR Art. 18", () => {
  it("grants restriction with the duty to record its ground and to warn before lifting it", () => {
    const d = canExercise("restriction", "device");
    expect(d.allowed).toBe(true);
    expect(d.reasons).toEqual([
      {
        code: "right-applies",
        message: "restriction of processing (GDPR Art. 18)",
        section: "§9(d)",
        text: "restriction",
      },
    ]);
    expect(d.obligations.map((o) => [o.id, o.section])).toEqual([
      ["establish-restriction-ground", "§9(d)"],
      ["notify-before-lifting", "§9(d)"],
      ["log-objection", "§9(e)"],
    ]);
    expect(canExercise("restriction", "order").obligations).toHaveLength(2);
  });
});

describe("§9(f) portability, GDPR Art. 20", () => {
  it("covers a category used on consent or contract, naming those purposes", () => {
    const d = canExercise("portability", "email");
    expect(d.allowed).toBe(true);
    // The contract basis has no GDPR letter and is recognised by its id.
    expect(d.purposes).toEqual(["fulfilment", "newsletter"]);
    expect(d.reasons[0]).toEqual({
      code: "right-applies",
      message: "processed on consent or contract by fulfilment, newsletter (GDPR Art. 20(1)(a))",
      section: "§9(f)",
      text: "portability",
    });
    expect(d.obligations).toEqual([verify]);
    expect(canExercise("portability", "order").purposes).toEqual(["fulfilment"]);
  });

  it.each([
    ["used only on legitimate interests", "device"],
    ["used only on a legal obligation", "invoice"],
    ["used on a basis the engine gives no rights semantics", "location"],
  ])("does not cover a category %s, and adds no judged obligation", (_, category) => {
    const d = canExercise("portability", category as "device");
    expect(d).toMatchObject({ allowed: false, purposes: [], obligations: [] });
    expect(d.reasons).toEqual([
      {
        code: "right-not-applicable",
        message: `no consent- or contract-based purpose uses "${category}": portability covers only such processing (GDPR Art. 20(1)(a))`,
        section: "§9(f)",
        text: "portability",
      },
    ]);
  });
});

describe("§9(e) objection, GDPR Art. 21", () => {
  it("makes an objection to direct marketing absolute and one to legitimate interests conditional", () => {
    const d = canExercise("objection", "email");
    expect(d.allowed).toBe(true);
    // promotion rests on legitimate interests but is direct marketing, so it is stopped outright.
    expect(d.purposes).toEqual(["newsletter", "promotion", "analytics"]);
    expect(d.reasons).toEqual([
      {
        code: "right-applies",
        message:
          "objection to direct marketing (newsletter, promotion) always wins (GDPR Art. 21(2)–(3))",
        section: "§9(e)",
        text: "objection",
      },
      {
        code: "right-applies",
        message: "objection to legitimate-interest processing (analytics) (GDPR Art. 21(1))",
        section: "§9(e)",
        text: "objection",
      },
    ]);
    expect(d.obligations.map((o) => [o.id, o.section])).toEqual([
      ["stop-direct-marketing", "§9(e)"],
      ["assess-compelling-grounds", "§9(e)"],
      ["log-objection", "§9(e)"],
    ]);
    expect(d.obligations[0]?.message).toBe(
      'stop processing "email" for newsletter, promotion (GDPR Art. 21(3))',
    );
    expect(d.obligations[1]?.message).toMatch(
      /^stop analytics unless compelling legitimate grounds/,
    );
  });

  it("recognises legitimate interests by GDPR letter and by basis id alike", () => {
    const d = canExercise("objection", "device");
    expect(d.allowed).toBe(true);
    expect(d.purposes).toEqual(["analytics", "fraud"]);
    expect(d.reasons.map((r) => r.message)).toEqual([
      "objection to legitimate-interest processing (analytics, fraud) (GDPR Art. 21(1))",
    ]);
    expect(d.obligations.map((o) => o.id)).toEqual(["assess-compelling-grounds"]);
  });

  it("treats marketing on legitimate interests as legitimate interests unless declared direct marketing", () => {
    const plain = createRightsGuards(rightsPolicy);
    const d = plain.canExercise("objection", "email");
    expect(d.purposes).toEqual(["promotion", "analytics"]);
    expect(d.obligations.map((o) => o.id)).toEqual(["assess-compelling-grounds"]);
  });

  it("stops consent-based direct marketing even when nothing else is objectionable", () => {
    const onlyNewsletter = createRightsGuards(rightsPolicy, { directMarketing: ["newsletter"] });
    const d = onlyNewsletter.canExercise("objection", "email");
    expect(d.purposes).toEqual(["newsletter", "promotion", "analytics"]);
    expect(d.obligations.map((o) => o.id)).toEqual([
      "stop-direct-marketing",
      "assess-compelling-grounds",
    ]);
  });

  it.each([
    ["used on contract and legal obligation", "order"],
    ["used on a basis the engine gives no rights semantics", "location"],
  ])("does not apply to a category %s, and adds no judged obligation", (_, category) => {
    const d = canExercise("objection", category as "order");
    expect(d).toMatchObject({ allowed: false, purposes: [], obligations: [] });
    expect(d.reasons).toEqual([
      {
        code: "right-not-applicable",
        message: `no legitimate-interest or direct-marketing purpose uses "${category}": objection covers only such processing (GDPR Art. 21(1)–(2))`,
        section: "§9(e)",
        text: "objection",
      },
    ]);
  });
});

describe("§9(c) erasure, GDPR Art. 17", () => {
  it("erases a category no legal obligation keeps, even while the relationship is open", () => {
    const d = canExercise("erasure", "email");
    expect(d).toMatchObject({ allowed: true, until: null, obligations: [purge] });
    expect(d.reasons).toEqual([
      {
        code: "right-applies",
        message: 'no legal obligation or legal hold keeps "email" in us (GDPR Art. 17(1))',
        section: "§9(c)",
        text: "erasure, under conditions",
      },
    ]);
  });

  it("yields to a legal obligation whose collection-anchored period has not started", () => {
    const d = canExercise("erasure", "order", { now: open2025 });
    expect(d).toMatchObject({ allowed: false, until: null });
    expect(d.reasons).toEqual([
      {
        code: "retention-not-started",
        message:
          'a legal obligation keeps "order" and its period has not started: the relationship is still open, so new records still start their own periods (26 CFR 1.6001-1; GDPR Art. 17(3)(b))',
        section: "§9(c)",
        text: "erasure, under conditions",
      },
    ]);
    expect(d.obligations).toEqual([
      {
        id: "restrict-processing",
        message:
          'restrict processing of "order" (GDPR Art. 18) and delete it when the keeping ends',
        section: "§9(c)",
      },
    ]);
  });

  it("yields to a legal obligation that runs from the end of an open relationship", () => {
    const d = canExercise("erasure", "invoice", { now: open2025 });
    expect(d).toMatchObject({ allowed: false, until: null });
    expect(d.reasons[0]).toMatchObject({
      code: "retention-not-started",
      message:
        'a legal obligation keeps "invoice" and its period has not started: the relationship is still open (tax code; GDPR Art. 17(3)(b))',
    });
  });

  it("says until when a running legal period keeps the data, and asks to restrict meanwhile", () => {
    const d = canExercise("erasure", "order", { relationshipEndedAt: ended, now: open2025 });
    expect(d.allowed).toBe(false);
    // Seven years from the UTC day of the end, that whole last day included.
    expect(d.until).toEqual(utc("2027-03-16T00:00:00Z"));
    expect(d.reasons).toEqual([
      {
        code: "retention-running",
        message:
          'a legal obligation keeps "order" until 2027-03-16T00:00:00.000Z (26 CFR 1.6001-1; GDPR Art. 17(3)(b))',
        section: "§9(c)",
        text: "erasure, under conditions",
      },
    ]);
    expect(d.obligations).toEqual([
      {
        id: "restrict-processing",
        message:
          'restrict processing of "order" (GDPR Art. 18) and delete it when the keeping ends (2027-03-16T00:00:00.000Z)',
        section: "§9(c)",
      },
    ]);
  });

  it("erases once the legal period has run out, and not a millisecond before", () => {
    const at = (now: string) =>
      canExercise("erasure", "order", { relationshipEndedAt: ended, now: utc(now) });
    expect(at("2027-03-15T23:59:59.999Z").allowed).toBe(false);
    const d = at("2027-03-16T00:00:00Z");
    expect(d).toMatchObject({ allowed: true, until: null, obligations: [purge] });
    expect(d.reasons[0]?.code).toBe("right-applies");
  });

  it("decides by the current time when no moment is given", () => {
    // Ended in 2000: the seven years ran out in 2007.
    const d = canExercise("erasure", "order", { relationshipEndedAt: utc("2000-01-01T00:00:00Z") });
    expect(d.allowed).toBe(true);
  });

  it("applies the retention rule of the subject's jurisdiction", () => {
    const eea = canExercise("erasure", "order", {
      relationshipEndedAt: ended,
      now: open2025,
      jurisdiction: "eea",
    });
    expect(eea).toMatchObject({ allowed: false, jurisdiction: "eea" });
    expect(eea.until).toEqual(utc("2030-03-16T00:00:00Z"));
    expect(eea.reasons[0]?.message).toMatch(/\(HGB §257; GDPR Art\. 17\(3\)\(b\)\)$/);
    // Invoices are a legal obligation in the US only.
    expect(canExercise("erasure", "invoice", { jurisdiction: "eea" })).toMatchObject({
      allowed: true,
      jurisdiction: "eea",
    });
    expect(canExercise("erasure", "invoice", { jurisdiction: "us" }).allowed).toBe(false);
  });

  it("counts a deployment's configured retention period", () => {
    const longer = createRightsGuards(rightsPolicy, {
      retention: { invoice: { us: { years: 6 } } },
    });
    const context = { relationshipEndedAt: ended, now: open2025 };
    expect(longer.canExercise("erasure", "invoice", context).until).toEqual(
      utc("2026-03-16T00:00:00Z"),
    );
    expect(canExercise("erasure", "invoice", context).until).toEqual(utc("2025-03-16T00:00:00Z"));
  });

  it("refuses a retention schedule the policy does not allow when the guards are built", () => {
    expect(() =>
      createRightsGuards(rightsPolicy, { retention: { tattoo: { us: { years: 1 } } } } as never),
    ).toThrow(PolicyDefinitionError);
  });

  it("yields to a legal hold on any category until it is lifted", () => {
    const d = canExercise("erasure", "email", { legalHold: true, relationshipEndedAt: ended });
    expect(d).toMatchObject({ allowed: false, until: null });
    expect(d.reasons).toEqual([
      {
        code: "legal-hold",
        message:
          "a legal hold keeps the data for legal claims until it is lifted (GDPR Art. 17(3)(e))",
        section: "§9(c)",
        text: "erasure, under conditions",
      },
    ]);
    expect(d.obligations).toEqual([
      {
        id: "restrict-processing",
        message:
          'restrict processing of "email" (GDPR Art. 18) and delete it when the keeping ends',
        section: "§9(c)",
      },
    ]);
    expect(canExercise("erasure", "email", { legalHold: false }).allowed).toBe(true);
  });
});

describe("§9 rights decisions", () => {
  it("decides in the policy's first jurisdiction unless told otherwise", () => {
    expect(canExercise("access", "email").jurisdiction).toBe("us");
    expect(canExercise("access", "email", {}).jurisdiction).toBe("us");
    expect(canExercise("access", "email", { jurisdiction: undefined }).jurisdiction).toBe("us");
    expect(canExercise("access", "email", { jurisdiction: "eea" }).jurisdiction).toBe("eea");
  });

  it("returns deeply frozen decisions", () => {
    // Judged obligations are the caller's own objects; those the engine makes are frozen.
    for (const d of [
      canExercise("objection", "device"),
      canExercise("erasure", "order", { relationshipEndedAt: ended, now: open2025 }),
      loose.canExercise("nope", "email"),
    ]) {
      expect(Object.isFrozen(d)).toBe(true);
      expect(Object.isFrozen(d.purposes)).toBe(true);
      expect(Object.isFrozen(d.reasons)).toBe(true);
      expect(Object.isFrozen(d.obligations)).toBe(true);
      expect(Object.isFrozen(d.policy)).toBe(true);
      for (const r of d.reasons) expect(Object.isFrozen(r)).toBe(true);
      for (const o of d.obligations) expect(Object.isFrozen(o)).toBe(true);
    }
  });

  it("cites the use scope when the policy declares no rights at all", () => {
    const silent = definePolicy({ ...rightsPolicy, rights: {} });
    const d = (createRightsGuards(silent) as unknown as LooseRightsGuards).canExercise(
      "access",
      "email",
    );
    expect(d.reasons[0]).toMatchObject({
      code: "invalid-input",
      message: 'unknown right "access" (declared: )',
      section: "§3",
      text: "We use your information only for these purposes.",
    });
  });
});

describe("§9 rights guards refuse bad input", () => {
  it("names an unknown right and category as given, or by kind when they are not strings", () => {
    expect(loose.canExercise("deletion", "email")).toMatchObject({
      right: "deletion",
      category: "email",
      jurisdiction: "us",
    });
    expect(loose.canExercise(42, { id: "email" })).toMatchObject({
      right: "42",
      category: "an object",
    });
    expect(refused(loose.canExercise("deletion", "email"))).toBe(
      'unknown right "deletion" (declared: access, rectification, erasure, restriction, objection, portability, complaint)',
    );
  });

  it("denies a declared right the engine has no GDPR semantics for", () => {
    expect(refused(loose.canExercise("complaint", "email"))).toBe(
      'the right "complaint" has no GDPR semantics here (known: access, rectification, erasure, restriction, objection, portability)',
    );
  });

  it.each([
    ["an object whose toString names a right", { toString: (): string => "access" }],
    ["a String object", new String("access")],
    ['"toString"', "toString"],
    ['"__proto__"', "__proto__"],
  ])("refuses a right given as %s", (_, right) => {
    expect(refused(loose.canExercise(right, "email"))).toMatch(/^unknown right /);
  });

  it.each([
    ["an undeclared id", "tattoo"],
    ["an object whose toString names a category", { toString: (): string => "email" }],
    ['"constructor"', "constructor"],
    ["a number", 1],
  ])("refuses a category given as %s", (_, category) => {
    expect(refused(loose.canExercise("access", category))).toMatch(
      /^unknown data category .* \(declared: email, order, invoice, device, location\)$/,
    );
  });

  it.each([
    ["null", null],
    ["a string", "eea"],
    ["a number", 1],
    ["an array, even one carrying a legal hold", Object.assign([], { legalHold: true })],
  ])("refuses a context that is %s", (_, context) => {
    expect(refused(loose.canExercise("erasure", "email", context))).toMatch(
      /^the context must be an object, got /,
    );
  });

  it.each([
    [
      "relationshipEndedAt",
      { relationshipEndedAt: new Date("nope") },
      /^relationshipEndedAt must be a valid Date when given, got an invalid Date$/,
    ],
    ["relationshipEndedAt", { relationshipEndedAt: "2020-01-01" }, /^relationshipEndedAt must be/],
    ["legalHold", { legalHold: "yes" }, /^legalHold must be true or false, got "yes"$/],
    ["legalHold", { legalHold: 1 }, /^legalHold must be true or false/],
    [
      "now",
      { now: new Date("nope") },
      /^now must be a valid Date when given, got an invalid Date$/,
    ],
    ["now", { now: 0 }, /^now must be a valid Date/],
    [
      "jurisdiction",
      { jurisdiction: "mars" },
      /^unknown jurisdiction "mars" \(declared: us, eea\)$/,
    ],
    ["jurisdiction", { jurisdiction: ["us"] }, /^unknown jurisdiction an array/],
    ["jurisdiction", { jurisdiction: null }, /^unknown jurisdiction null/],
  ])("refuses a malformed %s in the context", (_, context, message) => {
    expect(refused(loose.canExercise("erasure", "order", context))).toMatch(message);
  });

  it("refuses a context whose fields cannot be read, without throwing", () => {
    const throwing = {
      get legalHold(): boolean {
        throw new Error("getter");
      },
    };
    expect(refused(loose.canExercise("erasure", "email", throwing))).toBe(
      'context field "legalHold" is given through a getter: give it as an own data property',
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const trapped = loose.canExercise("access", "device", proxy);
    expect(trapped).toMatchObject({ right: "access", category: "device", jurisdiction: "us" });
    expect(refused(trapped)).toBe("the context could not be read");
    const trap = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error("trap");
        },
      },
    );
    expect(refused(loose.canExercise("erasure", "order", trap))).toBe(
      "the context could not be read",
    );
  });

  it("refuses context fields inherited from a prototype, naming the field", () => {
    const polluted = Object.create({
      relationshipEndedAt: new Date("2000-01-01T00:00:00Z"),
      jurisdiction: "eea",
      legalHold: "yes",
    });
    const d = loose.canExercise("erasure", "order", Object.assign(polluted, { now: open2025 }));
    expect(d).toMatchObject({ allowed: false, jurisdiction: "us", until: null });
    expect(refused(d)).toBe(
      'context field "relationshipEndedAt" is inherited from a prototype: give it as an own data property',
    );
  });
});

describe("§9 planRequest, GDPR Art. 12(3)", () => {
  const receivedAt = utc("2025-01-31T10:00:00Z");

  it("answers within a month of receipt, extensible to three, citing the right's clause", () => {
    const plan = planRequest({ jurisdiction: "eea", right: "access", receivedAt });
    expect(plan).toMatchObject({
      valid: true,
      right: "access",
      receivedAt,
      deadline: utc("2025-02-28T10:00:00Z"),
      extendedDeadline: utc("2025-04-30T10:00:00Z"),
      policy: ref,
    });
    expect(plan.reasons).toEqual([
      {
        code: "right-applies",
        message:
          "answer by 2025-02-28T10:00:00.000Z, or by 2025-04-30T10:00:00.000Z if extended with reasons given within the first month (GDPR Art. 12(3))",
        section: "§9(a)",
        text: "a copy of your data",
      },
    ]);
  });

  it("exports every declared category for access, carrying each decision's reasons and obligations", () => {
    const plan = planRequest({ jurisdiction: "us", right: "access", receivedAt });
    expect(plan.actions.map((a) => [a.category, a.action])).toEqual([
      ["email", "export"],
      ["order", "export"],
      ["invoice", "export"],
      ["device", "export"],
      ["location", "export"],
    ]);
    expect(plan.actions[0]).not.toHaveProperty("until");
    const email = canExercise("access", "email");
    expect(plan.actions[0]?.reasons).toEqual(email.reasons);
    expect(plan.actions[0]?.obligations).toEqual([verify]);
  });

  it("plans only the categories asked for, each once, in the order asked", () => {
    const plan = planRequest({
      jurisdiction: "us",
      right: "rectification",
      receivedAt,
      categories: ["device", "email", "device"],
    });
    expect(plan.actions.map((a) => [a.category, a.action])).toEqual([
      ["device", "rectify"],
      ["email", "rectify"],
    ]);
  });

  it("restricts every category on a restriction request, with no known end", () => {
    const plan = planRequest({
      jurisdiction: "us",
      right: "restriction",
      receivedAt,
      categories: ["order", "device"],
    });
    expect(plan.actions).toEqual([
      expect.objectContaining({ category: "order", action: "restrict", until: null }),
      expect.objectContaining({ category: "device", action: "restrict", until: null }),
    ]);
    expect(plan.actions[1]?.obligations.map((o) => o.id)).toEqual([
      "establish-restriction-ground",
      "notify-before-lifting",
      "log-objection",
    ]);
  });

  it("exports what portability covers and keeps the rest until its retention ends", () => {
    const plan = planRequest({
      jurisdiction: "us",
      right: "portability",
      receivedAt,
      relationshipEndedAt: utc("2025-01-10T08:00:00Z"),
    });
    expect(plan.actions.map((a) => [a.category, a.action, a.until?.toISOString()])).toEqual([
      ["email", "export", undefined],
      ["order", "export", undefined],
      ["invoice", "keep", "2030-01-11T00:00:00.000Z"],
      ["device", "keep", "2025-02-10T00:00:00.000Z"],
      ["location", "keep", "2025-01-12T00:00:00.000Z"],
    ]);
    expect(plan.actions[3]?.reasons[0]?.code).toBe("right-not-applicable");
  });

  it("keeps what portability does not cover with no known end while the relationship is open", () => {
    const plan = planRequest({
      jurisdiction: "us",
      right: "portability",
      receivedAt,
      categories: ["device"],
    });
    expect(plan.actions).toEqual([
      expect.objectContaining({ category: "device", action: "keep", until: null }),
    ]);
  });

  it("stops direct marketing, restricts legitimate interests and keeps the rest on an objection, per purpose (Art. 21(3))", () => {
    const plan = planRequest({
      jurisdiction: "us",
      right: "objection",
      receivedAt,
      relationshipEndedAt: utc("2025-01-10T08:00:00Z"),
    });
    expect(
      plan.actions.map((a) => [
        a.category,
        a.action,
        a.until?.toISOString() ?? a.until,
        a.purposes?.join(" "),
      ]),
    ).toMatchInlineSnapshot(`
      [
        [
          "email",
          "stop",
          undefined,
          "newsletter promotion",
        ],
        [
          "email",
          "restrict",
          null,
          "analytics",
        ],
        [
          "order",
          "keep",
          "2032-01-11T00:00:00.000Z",
          undefined,
        ],
        [
          "invoice",
          "keep",
          "2030-01-11T00:00:00.000Z",
          undefined,
        ],
        [
          "device",
          "restrict",
          null,
          "analytics fraud",
        ],
        [
          "location",
          "keep",
          "2025-01-12T00:00:00.000Z",
          undefined,
        ],
      ]
    `);
    expect(plan.actions[0]?.obligations.map((o) => o.id)).toEqual([
      "stop-direct-marketing",
      "assess-compelling-grounds",
      "log-objection",
    ]);
  });

  it("deletes what erasure allows and restricts the rest until the keeping ends", () => {
    const plan = planRequest({
      jurisdiction: "us",
      right: "erasure",
      receivedAt,
      relationshipEndedAt: utc("2025-01-10T08:00:00Z"),
      categories: ["email", "order", "invoice"],
    });
    expect(
      plan.actions.map((a) => [a.category, a.action, a.until?.toISOString() ?? a.until]),
    ).toEqual([
      ["email", "delete", undefined],
      ["order", "restrict", "2032-01-11T00:00:00.000Z"],
      ["invoice", "restrict", "2030-01-11T00:00:00.000Z"],
    ]);
    expect(plan.actions[0]?.obligations).toEqual([purge]);
  });

  it("decides retention as of receipt unless told another moment", () => {
    const request = {
      jurisdiction: "us",
      right: "erasure",
      receivedAt: utc("2005-06-01T00:00:00Z"),
      relationshipEndedAt: utc("2000-01-01T00:00:00Z"),
      categories: ["order"],
    } as const;
    // Seven years from 2000-01-01 had not run out at receipt in 2005.
    expect(planRequest(request).actions[0]).toMatchObject({
      action: "restrict",
      until: utc("2007-01-02T00:00:00Z"),
    });
    expect(planRequest({ ...request, now: utc("2007-01-02T00:00:00Z") }).actions[0]?.action).toBe(
      "delete",
    );
  });

  it("honours the jurisdiction and legal hold of the request", () => {
    const base = {
      jurisdiction: "us",
      right: "erasure",
      receivedAt,
      categories: ["invoice", "email"],
    } as const;
    expect(planRequest({ ...base, jurisdiction: "eea" }).actions.map((a) => a.action)).toEqual([
      "delete",
      "delete",
    ]);
    expect(planRequest({ ...base, legalHold: true }).actions.map((a) => a.action)).toEqual([
      "restrict",
      "restrict",
    ]);
  });

  it("returns deeply frozen plans", () => {
    const plan = planRequest({ jurisdiction: "us", right: "objection", receivedAt });
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.actions)).toBe(true);
    expect(Object.isFrozen(plan.reasons)).toBe(true);
    for (const a of plan.actions) expect(Object.isFrozen(a)).toBe(true);
  });

  it.each([
    ["null", null, /^the request must be an object, got null$/],
    ["a string", "erasure", /^the request must be an object, got "erasure"$/],
    [
      "an array",
      [{ right: "erasure", receivedAt }],
      /^the request must be an object, got an array$/,
    ],
  ])("refuses a request that is %s", (_, request, message) => {
    expect(refusedPlan(loose.planRequest(request))).toMatch(message);
  });

  it.each([
    ["missing", undefined, /^receivedAt must be a valid Date, got undefined$/],
    ["an invalid Date", new Date("nope"), /got an invalid Date$/],
    ["an ISO string", "2025-01-31", /^receivedAt must be a valid Date/],
  ])("refuses a receipt date that is %s, naming the right asked for", (_, date, message) => {
    const plan = loose.planRequest({ jurisdiction: "us", right: "erasure", receivedAt: date });
    expect(refusedPlan(plan)).toMatch(message);
    expect(plan.right).toBe("erasure");
  });

  it("refuses a receipt date whose deadlines cannot be represented", () => {
    const plan = loose.planRequest({
      jurisdiction: "us",
      right: "access",
      receivedAt: new Date("+275760-07-01T00:00:00Z"),
    });
    expect(refusedPlan(plan)).toBe("receivedAt is out of the date range");
  });

  it.each([
    ["empty", []],
    ["a single id", "email"],
    ["null", null],
  ])("refuses a category list that is %s", (_, categories) => {
    expect(
      refusedPlan(
        loose.planRequest({ jurisdiction: "us", right: "access", receivedAt, categories }),
      ),
    ).toMatch(/^categories must be a non-empty array, got /);
  });

  it("refuses the whole plan when one category or the right is unknown", () => {
    const plan = loose.planRequest({
      jurisdiction: "us",
      right: "access",
      receivedAt,
      categories: ["email", "tattoo"],
    });
    expect(refusedPlan(plan)).toMatch(/^unknown data category "tattoo"/);
    const unknown = loose.planRequest({ jurisdiction: "us", right: 9, receivedAt });
    expect(refusedPlan(unknown)).toMatch(/^unknown right 9/);
    expect(unknown.right).toBe("9");
    expect(
      refusedPlan(
        loose.planRequest({ jurisdiction: "us", right: "access", receivedAt, legalHold: "no" }),
      ),
    ).toMatch(/^legalHold must be true or false/);
  });

  it("refuses a request whose fields cannot be read, naming the right when it was read", () => {
    const request = {
      right: "erasure",
      receivedAt,
      get categories(): string[] {
        throw new Error("getter");
      },
    };
    const plan = loose.planRequest(request);
    expect(refusedPlan(plan)).toBe(
      'request field "categories" is given through a getter: give it as an own data property',
    );
    expect(plan.right).toBe("erasure");
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(refusedPlan(loose.planRequest(proxy))).toBe("the request could not be read");
  });

  it("refuses request fields inherited from a prototype, naming the field", () => {
    const polluted = Object.create({
      right: "access",
      relationshipEndedAt: new Date("2000-01-01T00:00:00Z"),
      categories: ["email"],
      now: new Date("2030-01-01T00:00:00Z"),
    });
    const plan = loose.planRequest(Object.assign(polluted, { right: "erasure", receivedAt }));
    expect(plan).toMatchObject({ valid: false, right: "erasure", actions: [] });
    expect(refusedPlan(plan)).toBe(
      'request field "categories" is inherited from a prototype: give it as an own data property',
    );
    expect(refusedPlan(loose.planRequest(Object.create({ right: "access", receivedAt })))).toBe(
      'request field "right" is inherited from a prototype: give it as an own data property',
    );
  });

  it("refuses a null moment rather than deciding as of receipt", () => {
    expect(
      refusedPlan(
        loose.planRequest({ jurisdiction: "us", right: "erasure", receivedAt, now: null }),
      ),
    ).toBe("now must be a valid Date when given, got null");
  });
});
