import type { RightDecision } from "@trunkiq/policy-law";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as trunkiq from "../../src";
import { rightsOptions } from "../../src/rights";
import { categories, policy, violations } from "../support/points";

// The typed guard refuses undeclared ids at compile time; this loose view takes anything.
const canExercise = trunkiq.canExercise as unknown as (
  right: unknown,
  category: unknown,
  context?: unknown,
) => RightDecision;
const retentionFor = trunkiq.retentionFor as unknown as (
  category: unknown,
  context: unknown,
) => ReturnType<typeof trunkiq.retentionFor>;

const rights = Object.keys(policy.rights);
const jurisdictions = [...policy.jurisdictions];
const DAY = 86_400_000;
type Basis = keyof typeof policy.bases;
const provision = (basis: string) => policy.bases[basis as Basis]?.gdpr;

// §5: content is processed for the customer, its controller; requests about it are referred.
const processed: readonly string[] = rightsOptions.processorFor;

// §3 names marketing as the purpose one may opt out of at any time: direct marketing (Art. 21(3)).
const directMarketing = "marketing";

// Month ends, leap days and a year end, at midnight and just before it.
const endings = [
  "2024-02-29T00:00:00.000Z",
  "2024-02-29T23:59:59.999Z",
  "2023-01-31T12:00:00.000Z",
  "2025-03-31T00:00:00.000Z",
  "2025-04-30T08:30:00.000Z",
  "2024-12-31T23:59:59.999Z",
].map((iso) => new Date(iso));
const fixedNows = [new Date("2025-07-07T00:00:00.000Z"), new Date("2040-02-29T00:00:00.000Z")];

interface Case {
  readonly right: string;
  readonly category: string;
  readonly jurisdiction: string;
  readonly legalHold: boolean;
  readonly relationshipEndedAt: Date | undefined;
  readonly now: Date;
}

type Rule = {
  basis: string;
  law: string;
  minimum?: Record<string, number>;
  keptForLegalClaims?: boolean;
};

/** The retention rule of a category in a jurisdiction, from the declaration. */
const ruleOf = (category: string, jurisdiction: string) =>
  (policy.retention as Record<string, Record<string, Rule> | undefined>)[category]?.[jurisdiction];

/** A legal minimum on a rule kept on another basis (47 CFR 42.6 for US account data). */
const legalMinimumOf = (rule: Rule | undefined) =>
  rule !== undefined &&
  provision(rule.basis) !== "Art. 6(1)(c)" &&
  rule.minimum !== undefined &&
  Object.values(rule.minimum).some((n) => n > 0)
    ? rule.minimum
    : undefined;

// The same schedule with each such rule cut to its minimum: what erasure yields to there.
const minimumSchedule: Record<string, Record<string, Record<string, number>>> = {};
for (const [category, byJurisdiction] of Object.entries(policy.retention)) {
  for (const [jurisdiction, rule] of Object.entries(byJurisdiction as Record<string, Rule>)) {
    const minimum = legalMinimumOf(rule);
    if (!minimum) continue;
    minimumSchedule[category] = { ...minimumSchedule[category], [jurisdiction]: minimum };
  }
}
const retentionForMinimum = trunkiq.createTrunkiqGuards({
  retention: minimumSchedule as never,
}).retentionFor as unknown as typeof retentionFor;

/** When the rule (or the legal minimum) keeping a category ends for a relationship ended at `end`. */
const deletionDate = (category: string, jurisdiction: string, end: Date, now: Date) =>
  (legalMinimumOf(ruleOf(category, jurisdiction)) ? retentionForMinimum : retentionFor)(category, {
    collectedAt: end,
    relationshipEndedAt: end,
    jurisdiction,
    now,
  }).until;

/** Moments to decide at: fixed dates, the end itself, and both sides of the deletion date. */
function momentsFor(category: string, jurisdiction: string, end: Date | undefined): Date[] {
  if (end === undefined) return fixedNows;
  const until = deletionDate(category, jurisdiction, end, end);
  const around = until
    ? [new Date(until.getTime() - 1), until, new Date(until.getTime() + DAY)]
    : [];
  return [...fixedNows, end, ...around];
}

/** Every right × category × jurisdiction × legal hold × relationship state × moment. */
const cases: readonly Case[] = rights.flatMap((right) =>
  categories.flatMap((category) =>
    jurisdictions.flatMap((jurisdiction) =>
      [false, true].flatMap((legalHold) =>
        [undefined, ...endings].flatMap((relationshipEndedAt) =>
          momentsFor(category, jurisdiction, relationshipEndedAt).map((now) => ({
            right,
            category,
            jurisdiction,
            legalHold,
            relationshipEndedAt,
            now,
          })),
        ),
      ),
    ),
  ),
);

const decide = (c: Case) =>
  canExercise(c.right, c.category, {
    jurisdiction: c.jurisdiction,
    legalHold: c.legalHold,
    now: c.now,
    ...(c.relationshipEndedAt ? { relationshipEndedAt: c.relationshipEndedAt } : {}),
  });
const show = (c: Case) =>
  `${c.right} × ${c.category} in ${c.jurisdiction}, hold ${c.legalHold}, ended ${
    c.relationshipEndedAt?.toISOString() ?? "never"
  }, now ${c.now.toISOString()}`;
const rightText = (right: string) =>
  (policy.rights as Readonly<Record<string, { text: string }>>)[right]?.text;
const casesOf = (right: string) => cases.filter((c) => c.right === right);

/** Purposes using a category whose basis is one of the GDPR provisions given. */
const purposesUsing = (category: string, provisions: readonly string[]) =>
  Object.entries(policy.purposes)
    .filter(([, p]) => Object.hasOwn(p.uses, category))
    .filter(([, p]) => provisions.includes(provision(p.basis) ?? ""))
    .map(([id]) => id);

describe("rights, every right × category × jurisdiction × hold × relationship (§9)", () => {
  it("§9: enumerates the erasure cases that make each check below bite", () => {
    const erasure = casesOf("erasure");
    const legal = erasure.filter(
      (c) => provision(ruleOf(c.category, c.jurisdiction)?.basis ?? "") === "Art. 6(1)(c)",
    );
    expect(rights).toEqual(
      expect.arrayContaining(["erasure", "portability", "objection", "access"]),
    );
    expect(legal.some((c) => !c.legalHold && c.relationshipEndedAt && decide(c).allowed)).toBe(
      true,
    );
    expect(legal.some((c) => !c.legalHold && c.relationshipEndedAt && !decide(c).allowed)).toBe(
      true,
    );
    expect(Object.hasOwn(policy.purposes, directMarketing)).toBe(true);
  });

  it("§9: no combination throws, and every decision answers the question asked", () => {
    expect(
      violations(cases, (c) => {
        try {
          const d = decide(c);
          const same =
            d.kind === "right" &&
            d.right === c.right &&
            d.category === c.category &&
            d.jurisdiction === c.jurisdiction;
          return same ? null : `${show(c)} answered ${d.right} × ${d.category}`;
        } catch (error) {
          return `${show(c)} threw ${String(error)}`;
        }
      }),
    ).toEqual([]);
  });

  it("§9: every decision cites §9 and the policy version", () => {
    expect(
      violations(cases, (c) => {
        const d = decide(c);
        const cited =
          d.reasons.length > 0 &&
          d.reasons.every((r) => r.section === "§9" && r.text === rightText(c.right)) &&
          d.obligations.every((o) => o.section === "§9") &&
          d.policy.version === policy.version;
        return cited ? null : `${show(c)} cites ${JSON.stringify(d.reasons)}`;
      }),
    ).toEqual([]);
  });

  it("§7, §9: erasure yields while a legal-obligation or legal-claims period runs or a hold applies, until its deletion date", () => {
    expect(
      violations(casesOf("erasure"), (c) => {
        const d = decide(c);
        const rule = ruleOf(c.category, c.jurisdiction);
        // Art. 17(3)(b) for a legal obligation or a legal minimum, 17(3)(e) for data the
        // declaration keeps for claims.
        const legal =
          provision(rule?.basis ?? "") === "Art. 6(1)(c)" ||
          legalMinimumOf(rule) !== undefined ||
          rule?.keptForLegalClaims === true;
        const until =
          c.relationshipEndedAt === undefined
            ? null
            : deletionDate(c.category, c.jurisdiction, c.relationshipEndedAt, c.now);
        const running = legal && (until === null || c.now.getTime() < until.getTime());
        const expected =
          c.legalHold || processed.includes(c.category)
            ? { allowed: false, until: null }
            : running
              ? { allowed: false, until }
              : { allowed: true, until: null };
        return d.allowed === expected.allowed && d.until?.getTime() === expected.until?.getTime()
          ? null
          : `${show(c)}: allowed ${d.allowed} until ${d.until?.toISOString()}, expected ${
              expected.allowed
            } until ${expected.until?.toISOString()}`;
      }),
    ).toEqual([]);
  });

  it("§9: portability is allowed exactly when a consent- or contract-based purpose uses the category", () => {
    expect(
      violations(casesOf("portability"), (c) => {
        const d = decide(c);
        const basedOn = processed.includes(c.category)
          ? []
          : purposesUsing(c.category, ["Art. 6(1)(a)", "Art. 6(1)(b)"]);
        return d.allowed === basedOn.length > 0 &&
          [...d.purposes].sort().join() === [...basedOn].sort().join()
          ? null
          : `${show(c)}: allowed ${d.allowed} for [${d.purposes}], expected [${basedOn}]`;
      }),
    ).toEqual([]);
  });

  it("§3, §9: an objection to marketing always wins, whatever else holds", () => {
    const marketed = casesOf("objection").filter((c) =>
      Object.hasOwn(policy.purposes[directMarketing].uses, c.category),
    );
    expect(marketed.length).toBeGreaterThan(0);
    expect(
      violations(casesOf("objection"), (c) => {
        const d = decide(c);
        const stops = d.obligations.some((o) => o.id === "stop-direct-marketing");
        const wins = d.allowed && stops && d.purposes.includes(directMarketing);
        if (marketed.includes(c)) return wins ? null : `${show(c)} does not stop marketing`;
        return stops ? `${show(c)} stops marketing that does not use the category` : null;
      }),
    ).toEqual([]);
  });

  it("§9: hostile rights, categories and contexts are denied as invalid input and never throw", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...rights), fc.anything()),
        fc.oneof(fc.constantFrom(...categories), fc.anything()),
        fc.oneof(
          fc.constant(undefined),
          fc.record(
            {
              jurisdiction: fc.oneof(fc.constantFrom(...jurisdictions), fc.anything()),
              legalHold: fc.oneof(fc.boolean(), fc.anything()),
              now: fc.oneof(fc.date(), fc.anything()),
              relationshipEndedAt: fc.oneof(fc.date(), fc.anything()),
            },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
        (right, category, context) => {
          const d = canExercise(right, category, context);
          expect(d.kind).toBe("right");
          expect(d.reasons.every((r) => r.section === "§9")).toBe(true);
          if (!rights.includes(right as string) || !categories.includes(category as string)) {
            expect(d.allowed).toBe(false);
            expect(d.reasons.map((r) => r.code)).toEqual(["invalid-input"]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
