import type { Policy, PolicyDeclaration } from "@trunkiq/policy-core";
import { definePolicy } from "@trunkiq/policy-core/schemas";
import { add, type Duration } from "date-fns";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { examplePolicy } from "../../../../test-support/fixtures/examplePolicy";
import { referenceDecide } from "../../../../test-support/referenceEvaluator";
import { diffPolicies, type PolicyChange } from "../../src";

// Declarations are edited as plain JSON, the way a next version is written.
// biome-ignore lint/suspicious/noExplicitAny: an edit reaches anywhere in the declaration
type Json = any;
type Edit = (p: Json) => void;

// Each run builds four sets of guards and walks both decision spaces exhaustively.
vi.setConfig({ testTimeout: 120_000 });

const useConditions = ["consent", "by-phone"];
const shareConditions = ["subpoena", "gagged", "sale"];
const useRules = [
  ["fulfilment", "email"],
  ["fulfilment", "order"],
  ["fulfilment", "card"],
  ["newsletter", "email"],
  ["newsletter", "order"],
  ["tax-filing", "order"],
  ["tax-filing", "card"],
] as const;
const shareRules = [
  ["courier", "order"],
  ["courier", "email"],
  ["police", "email"],
  ["police", "order"],
  ["ad-network", "email"],
] as const;
const purposes = ["fulfilment", "newsletter", "tax-filing"];
const recipients = ["courier", "police", "ad-network"];
const categories = ["email", "order", "card"];
const retained = categories.flatMap((c) => ["us", "eea"].map((j) => [c, j] as const));

const ruleOf = (p: Json, question: "use" | "share", actor: string, category: string) =>
  question === "use" ? p.purposes[actor].uses[category] : p.recipients[actor].receives[category];

/** One edit of the example declaration that keeps it a policy `definePolicy` accepts. */
const editArb: fc.Arbitrary<[string, Edit]> = fc.oneof(
  fc.constantFrom(...useConditions, ...shareConditions).map((id): [string, Edit] => [
    `flip equals of ${id}`,
    (p) => {
      const c = p.conditions[id];
      c.equals =
        c.field === "channel" ? (c.equals === "phone" ? "web" : "phone") : !(c.equals ?? true);
    },
  ]),
  fc.constant<[string, Edit]>([
    "change the channel default",
    (p) => {
      p.contextFields.channel.default = p.contextFields.channel.default === "web" ? "phone" : "web";
    },
  ]),
  fc.constant<[string, Edit]>([
    "add a channel value",
    (p) => {
      if (!p.contextFields.channel.values.includes("shop"))
        p.contextFields.channel.values.push("shop");
    },
  ]),
  fc
    .tuple(fc.constantFrom("use" as const, "share" as const), fc.nat(), fc.nat())
    .map(([question, r, c]): [string, Edit] => {
      const [actor, category] = (question === "use" ? useRules : shareRules)[
        r % (question === "use" ? useRules : shareRules).length
      ] as readonly [string, string];
      const conditions = question === "use" ? useConditions : shareConditions;
      const condition = conditions[c % conditions.length] as string;
      return [
        `add ${condition} to the unless of ${question} ${actor} ${category}`,
        (p) => {
          const rule = ruleOf(p, question, actor, category);
          if (
            !rule ||
            (rule.when ?? []).includes(condition) ||
            (rule.unless ?? []).includes(condition)
          )
            return;
          rule.unless = [...(rule.unless ?? []), condition];
        },
      ];
    }),
  fc.constant<[string, Edit]>([
    "remove the unless of newsletter order",
    (p) => {
      delete p.purposes.newsletter.uses.order?.unless;
    },
  ]),
  fc
    .tuple(
      fc.constantFrom(...purposes, ...recipients),
      fc.constantFrom("contract", "consent", "legal-obligation"),
    )
    .map(([actor, basis]): [string, Edit] => [
      `change the basis of ${actor} to ${basis}`,
      (p) => {
        (p.purposes[actor] ?? p.recipients[actor]).basis = basis;
      },
    ]),
  fc
    .tuple(fc.constantFrom("use" as const, "share" as const), fc.nat())
    .map(([question, r]): [string, Edit] => {
      const rules = question === "use" ? useRules : shareRules;
      const [actor, category] = rules[r % rules.length] as readonly [string, string];
      return [
        `remove the rule ${question} ${actor} ${category}`,
        (p) => {
          if (question === "use") delete p.purposes[actor].uses[category];
          else delete p.recipients[actor].receives[category];
        },
      ];
    }),
  fc
    .tuple(
      fc.constantFrom("use" as const, "share" as const),
      fc.nat(),
      fc.constantFrom(...categories),
      fc.option(fc.nat(), { nil: undefined }),
    )
    .map(([question, a, category, c]): [string, Edit] => {
      const actors = question === "use" ? purposes : recipients;
      const actor = actors[a % actors.length] as string;
      const conditions = question === "use" ? useConditions : shareConditions;
      const when = c === undefined ? [] : [conditions[c % conditions.length] as string];
      return [
        `add the rule ${question} ${actor} ${category} when ${when.join(", ")}`,
        (p) => {
          const rules = question === "use" ? p.purposes[actor].uses : p.recipients[actor].receives;
          rules[category] = { when };
        },
      ];
    }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 12 })).map(([i, years]): [string, Edit] => {
    const [category, jurisdiction] = retained[i % retained.length] as readonly [string, string];
    return [
      `retain ${category} in ${jurisdiction} for ${years} years`,
      (p) => {
        const rule = p.retention[category][jurisdiction];
        rule.period = { years };
        if (rule.maximum && add(0, rule.maximum) < add(0, rule.period)) rule.maximum = { years };
        if (rule.minimum && add(0, rule.minimum) > add(0, rule.period)) rule.minimum = { years };
      },
    ];
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 12 })).map(([i, more]): [string, Edit] => {
    const [category, jurisdiction] = retained[i % retained.length] as readonly [string, string];
    return [
      `set the maximum of ${category} in ${jurisdiction} to its period and ${more} years`,
      (p) => {
        const rule = p.retention[category][jurisdiction];
        rule.maximum = { ...rule.period, years: (rule.period.years ?? 0) + more };
      },
    ];
  }),
  fc.constantFrom("email", "order").map((category): [string, Edit] => [
    `drop the obligations of police ${category}`,
    (p) => {
      if (p.recipients.police.receives[category])
        delete p.recipients.police.receives[category].obligations;
    },
  ]),
  fc.constantFrom("no-sale", "no-ads", "no-card-for-tax").map((id): [string, Edit] => [
    `remove the prohibition ${id}`,
    (p) => {
      delete p.prohibitions[id];
    },
  ]),
);

const versionArb = fc.array(editArb, { minLength: 1, maxLength: 4 }).map((edits) => {
  const p = structuredClone(examplePolicy) as Json;
  for (const [, edit] of edits) edit(p);
  const names = edits.map(([name]) => name);
  const declaration = definePolicy(p) as Policy;
  // A counterexample is shown by its edits, not the whole declaration.
  return { names, declaration, [fc.toStringMethod]: () => names.join("; ") || "no edit" };
});

type Value = string | boolean | undefined;

/** Every field of a question either version reads, with every value either accepts, or left out. */
function contextSpace(a: PolicyDeclaration, b: PolicyDeclaration, question: "use" | "share") {
  const values = new Map<string, Set<Value>>();
  const defaults = new Map<string, Set<Value>>();
  const note = (name: string, own: readonly Value[], fallback: Value) => {
    values.set(name, new Set([...(values.get(name) ?? [undefined]), ...own]));
    defaults.set(name, new Set([...(defaults.get(name) ?? []), fallback]));
  };
  for (const p of [a, b]) {
    for (const [name, field] of Object.entries(p.contextFields)) {
      if (!field.appliesTo.includes(question)) continue;
      if (field.kind === "flag") note(name, [false, true], false);
      else note(name, field.values, field.default);
    }
    note("jurisdiction", p.jurisdictions, p.jurisdictions[0]);
  }
  let contexts: Record<string, Value>[] = [{}];
  for (const [name, set] of values)
    contexts = contexts.flatMap((c) => [...set].map((v) => ({ ...c, [name]: v })));
  // Where every version that reads a field has one default, leaving it out is stating it.
  const sharedDefault = new Map(
    [...defaults].filter(([, d]) => d.size === 1).map(([n, d]) => [n, [...d][0]]),
  );
  return { contexts, sizes: new Map([...values].map(([n, s]) => [n, s.size])), sharedDefault };
}

/** The questions each pair widens (or narrows), counted over the whole context space. */
function exhaustiveCount(
  a: PolicyDeclaration,
  b: PolicyDeclaration,
  kind: "widening" | "narrowing",
) {
  const counts = new Map<string, number>();
  const union = (x: object, y: object) => [...new Set([...Object.keys(x), ...Object.keys(y)])];
  for (const question of ["use", "share"] as const) {
    const { contexts } = contextSpace(a, b, question);
    const actors = union(
      question === "use" ? a.purposes : a.recipients,
      question === "use" ? b.purposes : b.recipients,
    );
    for (const actor of actors) {
      for (const category of union(a.categories, b.categories)) {
        const [first, second] = question === "use" ? [actor, category] : [category, actor];
        for (const context of contexts) {
          const [x, y] = [a, b].map((p) => referenceDecide(p, question, first, second, context));
          if (!x || !y) continue;
          const [from, to] = kind === "widening" ? [x, y] : [y, x];
          const lost = from.obligations.some((o) => !to.obligations.includes(o));
          const moved = to.allowed && (!from.allowed || lost);
          if (moved) {
            const key = `${question} ${first} ${second}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
      }
    }
  }
  return counts;
}

/** The same count read off the diff: each reported question stands for every value of the fields it leaves out. */
function reportedCount(
  changes: readonly PolicyChange[],
  a: PolicyDeclaration,
  b: PolicyDeclaration,
  kind: string,
) {
  const counts = new Map<string, number>();
  const spaces = { use: contextSpace(a, b, "use"), share: contextSpace(a, b, "share") };
  for (const change of changes) {
    if (change.kind !== kind) continue;
    for (const q of change.questions ?? []) {
      const { sizes, sharedDefault } = spaces[q.question];
      let weight = 1;
      for (const [name, size] of sizes) {
        if (q.omitted.includes(name)) continue;
        if (!Object.hasOwn(q.context, name)) weight *= size;
        else if (sharedDefault.has(name) && sharedDefault.get(name) === q.context[name])
          weight *= 2;
      }
      const [first, second] =
        q.question === "use" ? [q.purpose, q.category] : [q.category, q.recipient];
      const key = `${q.question} ${first} ${second}`;
      counts.set(key, (counts.get(key) ?? 0) + weight);
    }
  }
  return counts;
}

const endOf = (period: Duration) => add(new Date(Date.UTC(2000, 0, 1)), period).getTime();

/** Retention rules that keep data longer: a longer period, a later anchor, a higher limit. */
function longerRetention(a: PolicyDeclaration, b: PolicyDeclaration): string[] {
  const out: string[] = [];
  for (const [category, jurisdiction] of retained) {
    const x = a.retention[category]?.[jurisdiction];
    const y = b.retention[category]?.[jurisdiction];
    if (!x || !y) continue;
    const period = endOf(y.period) - endOf(x.period);
    const later = x.anchor === "collection" && y.anchor === "relationship-end";
    const limit = (d: Duration | undefined, none: number) => (d ? endOf(d) : none);
    if (
      period > 0 ||
      (period === 0 && later) ||
      limit(y.maximum, Number.POSITIVE_INFINITY) > limit(x.maximum, Number.POSITIVE_INFINITY) ||
      limit(y.minimum, 0) > limit(x.minimum, 0)
    )
      out.push(`retention ${category} (${jurisdiction})`);
  }
  return out;
}

describe("diff of random edits of a declaration", () => {
  it("widens exactly the questions an exhaustive comparison of both decision spaces finds", () => {
    fc.assert(
      fc.property(versionArb, versionArb, (before, after) => {
        const [a, b] = [before.declaration, after.declaration];
        const changes = diffPolicies(a, b);
        expect(reportedCount(changes, a, b, "widening")).toEqual(exhaustiveCount(a, b, "widening"));
        expect(reportedCount(changes, a, b, "narrowing")).toEqual(
          exhaustiveCount(a, b, "narrowing"),
        );
        const retention = [
          ...new Set(
            changes
              .filter((c) => c.kind === "widening" && c.what.startsWith("retention"))
              .map((c) => c.what),
          ),
        ];
        expect(retention.sort()).toEqual(longerRetention(a, b).sort());
        const widens = exhaustiveCount(a, b, "widening").size > 0 || retention.length > 0;
        expect(changes.some((c) => c.kind === "widening")).toBe(widens);
      }),
      { numRuns: 40 },
    );
  });

  it("finds nothing that widens or narrows between a version and itself", () => {
    fc.assert(
      fc.property(versionArb, ({ declaration }) => {
        expect(diffPolicies(declaration, declaration).filter((c) => c.kind !== "neutral")).toEqual(
          [],
        );
      }),
      { numRuns: 20 },
    );
  });
});
