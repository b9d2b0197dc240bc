import type { Duration } from "date-fns";
import fc from "fast-check";

const cite = { section: "§1", text: "a sentence of the policy" };

// Random kebab-case ids, mixed with names every object inherits.
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/) },
  { weight: 1, arbitrary: fc.constantFrom("constructor", "valueof", "tostring", "proto") },
);
const ids = (min: number, max: number) => fc.uniqueArray(idArb, { minLength: min, maxLength: max });
const fieldNames = (max: number) =>
  fc.uniqueArray(
    fc.stringMatching(/^[a-z][A-Za-z0-9]{0,5}$/).filter((n) => n !== "jurisdiction"),
    { maxLength: max },
  );

/** A random subset of `items`, in their order. */
const subsetOf = <T>(items: readonly T[]) => fc.subarray([...items]).map((chosen) => chosen);

/** A period in the units a retention rule accepts, sometimes zero. */
export const periodArb: fc.Arbitrary<Duration> = fc
  .record(
    {
      years: fc.integer({ min: 0, max: 30 }),
      months: fc.integer({ min: 0, max: 40 }),
      weeks: fc.integer({ min: 0, max: 10 }),
      days: fc.integer({ min: 0, max: 400 }),
    },
    { requiredKeys: [] },
  )
  .map((p) => p as Duration);

type Field =
  | { kind: "flag"; appliesTo: ("use" | "share")[]; description: string }
  | {
      kind: "choice";
      appliesTo: ("use" | "share")[];
      values: [string, ...string[]];
      default: string;
      description: string;
    };

const appliesToArb = fc.constantFrom<("use" | "share")[]>(["use"], ["share"], ["use", "share"]);

const fieldArb: fc.Arbitrary<Field> = fc.oneof(
  appliesToArb.map((appliesTo) => ({ kind: "flag" as const, appliesTo, description: "a flag" })),
  fc.tuple(appliesToArb, ids(1, 3), fc.nat()).map(([appliesTo, values, pick]) => ({
    kind: "choice" as const,
    appliesTo,
    values: values as [string, ...string[]],
    default: values[pick % values.length] as string,
    description: "a choice",
  })),
);

/**
 * A random, valid policy declaration as a plain object: random ids, bases, categories, flag and
 * choice fields, conditions, rules with `when`/`unless` and obligations, prohibitions with and
 * without `when`, and a retention rule for every category and jurisdiction.
 */
export const declarationArb = fc
  .record({
    jurisdictions: ids(1, 3),
    bases: ids(1, 3),
    categories: ids(1, 4),
    obligations: ids(0, 2),
    fieldNames: fieldNames(4),
    fields: fc.array(fieldArb, { minLength: 4, maxLength: 4 }),
  })
  .chain((parts) => {
    const fields = Object.fromEntries(
      parts.fieldNames.map((name, i) => [name, parts.fields[i] as Field]),
    );
    const conditionArb = fc.oneof(
      ...Object.entries(fields).map(([name, field]) =>
        field.kind === "flag"
          ? fc
              .option(fc.boolean(), { nil: undefined })
              .map((equals) => ({ field: name, equals, applies: field.appliesTo }))
          : fc
              .constantFrom(...field.values)
              .map((equals) => ({ field: name, equals, applies: field.appliesTo })),
      ),
      fc.constantFrom(...parts.jurisdictions).map((equals) => ({
        field: "jurisdiction",
        equals: equals as string | boolean | undefined,
        applies: ["use", "share"] as ("use" | "share")[],
      })),
    );
    return fc.record({
      parts: fc.constant(parts),
      fields: fc.constant(fields),
      conditions: fc.dictionary(idArb, conditionArb, { maxKeys: 5 }),
    });
  })
  .chain(({ parts, fields, conditions }) => {
    const applying = (question: "use" | "share") =>
      Object.keys(conditions).filter((c) => conditions[c]?.applies.includes(question));
    // How one jurisdiction decides: a variant, alternatives, or a denial.
    const variantsArb = (question: "use" | "share") => {
      const usable = applying(question);
      const alternativeArb = fc
        .record({
          basis: fc.option(fc.constantFrom(...parts.bases), { nil: undefined }),
          when: subsetOf(usable),
          unless: subsetOf(usable),
          obligations: subsetOf(parts.obligations),
        })
        .map((a) => ({
          law: "a law",
          ...optional("basis", a.basis),
          when: a.when,
          unless: a.unless.filter((c) => !a.when.includes(c)),
          obligations: a.obligations,
        }));
      const variantArb = fc.oneof(
        alternativeArb,
        fc.array(alternativeArb, { minLength: 1, maxLength: 2 }),
        fc.constant({ denied: true as const, law: "a law", ...cite }),
      );
      return subsetOf(parts.jurisdictions).chain((js) =>
        fc
          .array(variantArb, { minLength: js.length, maxLength: js.length })
          .map((vs) => Object.fromEntries(js.map((j, i) => [j, vs[i]]))),
      );
    };
    const ruleArb = (question: "use" | "share") => {
      const usable = applying(question);
      return fc
        .record(
          {
            jurisdictions: variantsArb(question),
            when: subsetOf(usable),
            unless: subsetOf(usable),
            obligations: fc.array(
              fc.oneof(
                fc.constantFrom(...(parts.obligations.length ? parts.obligations : ["-"])),
                fc.record({
                  id: fc.constantFrom(...(parts.obligations.length ? parts.obligations : ["-"])),
                  unless: subsetOf(usable),
                }),
              ),
              { maxLength: parts.obligations.length ? 2 : 0 },
            ),
          },
          { requiredKeys: [] },
        )
        .map((rule) => {
          const when = rule.when ?? [];
          const unless = (rule.unless ?? []).filter((c) => !when.includes(c));
          const seen = new Set<string>();
          const obligations = (rule.obligations ?? []).filter((o) => {
            const id = typeof o === "string" ? o : o.id;
            if (seen.has(id)) return false;
            seen.add(id);
            return true;
          });
          return {
            ...(rule.jurisdictions ? { jurisdictions: rule.jurisdictions } : {}),
            ...(rule.when ? { when } : {}),
            ...(rule.unless ? { unless } : {}),
            ...(rule.obligations ? { obligations } : {}),
          };
        });
    };
    const rulesFor = (question: "use" | "share") =>
      fc
        .tuple(
          subsetOf(parts.categories),
          fc.array(ruleArb(question), { minLength: 4, maxLength: 4 }),
        )
        .map(([categories, rules]) => Object.fromEntries(categories.map((c, i) => [c, rules[i]])));
    const actorArb = (question: "use" | "share") =>
      fc.record(
        {
          basis: fc.constantFrom(...parts.bases),
          rules: rulesFor(question),
          jurisdictions: variantsArb(question),
        },
        { requiredKeys: ["basis", "rules"] },
      );
    return fc.record({
      parts: fc.constant(parts),
      fields: fc.constant(fields),
      conditions: fc.constant(conditions),
      purposes: fc.dictionary(idArb, actorArb("use"), { maxKeys: 3 }),
      recipients: fc.dictionary(idArb, actorArb("share"), { maxKeys: 3 }),
      prohibitionIds: ids(0, 3),
      prohibitionParts: fc.array(
        fc.record({
          question: fc.constantFrom("use" as const, "share" as const),
          firstList: fc.option(fc.nat(), { nil: undefined }),
          secondList: fc.option(fc.nat(), { nil: undefined }),
          when: fc.option(fc.nat(), { nil: undefined }),
        }),
        { minLength: 3, maxLength: 3 },
      ),
      retention: fc.array(
        fc.record({
          anchor: fc.constantFrom("collection" as const, "relationship-end" as const),
          period: periodArb,
          basis: fc.constantFrom(...parts.bases),
        }),
        { minLength: 12, maxLength: 12 },
      ),
    });
  })
  .map((g) => {
    const { parts } = g;
    // A number picks a subset of a list by its bits, so the choice shrinks with the number.
    const bits = <T>(items: readonly T[], n: number | undefined) =>
      n === undefined ? undefined : items.filter((_, i) => (n >> i) & 1);
    const purposeIds = Object.keys(g.purposes);
    const recipientIds = Object.keys(g.recipients);
    const prohibitions = Object.fromEntries(
      g.prohibitionIds.map((id, i) => {
        const p = g.prohibitionParts[i] as (typeof g.prohibitionParts)[number];
        const when = bits(
          Object.keys(g.conditions).filter((c) => g.conditions[c]?.applies.includes(p.question)),
          p.when,
        );
        const scope =
          p.question === "use"
            ? {
                use: {
                  ...optional("purposes", bits(purposeIds, p.firstList)),
                  ...optional("categories", bits(parts.categories, p.secondList)),
                },
              }
            : {
                share: {
                  ...optional("categories", bits(parts.categories, p.firstList)),
                  ...optional("recipients", bits(recipientIds, p.secondList)),
                },
              };
        return [id, { ...cite, ...optional("when", when), ...scope }];
      }),
    );
    let r = 0;
    const retention = Object.fromEntries(
      parts.categories.map((category) => [
        category,
        Object.fromEntries(
          parts.jurisdictions.map((j) => {
            const rule = g.retention[r++ % g.retention.length] as (typeof g.retention)[number];
            return [j, { ...cite, ...rule, law: "a law" }];
          }),
        ),
      ]),
    );
    return {
      id: "random-policy",
      version: "2025-07-07",
      title: "A random policy",
      jurisdictions: parts.jurisdictions,
      scopes: { use: cite, share: cite, retention: cite },
      bases: Object.fromEntries(parts.bases.map((b) => [b, cite])),
      categories: Object.fromEntries(parts.categories.map((c) => [c, cite])),
      contextFields: g.fields,
      conditions: Object.fromEntries(
        Object.entries(g.conditions).map(([id, c]) => [
          id,
          { field: c.field, ...optional("equals", c.equals), ...cite },
        ]),
      ),
      obligations: Object.fromEntries(parts.obligations.map((o) => [o, cite])),
      purposes: Object.fromEntries(
        Object.entries(g.purposes).map(([id, p]) => [
          id,
          { ...cite, basis: p.basis, ...optional("jurisdictions", p.jurisdictions), uses: p.rules },
        ]),
      ),
      recipients: Object.fromEntries(
        Object.entries(g.recipients).map(([id, p]) => [
          id,
          {
            ...cite,
            basis: p.basis,
            ...optional("jurisdictions", p.jurisdictions),
            receives: p.rules,
          },
        ]),
      ),
      prohibitions,
      retention,
      rights: {},
    };
  });

export type RandomDeclaration = typeof declarationArb extends fc.Arbitrary<infer T> ? T : never;

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

/**
 * A context for a declaration: mostly valid values of its fields (of both questions, so a
 * guard must ignore the other question's), sometimes an invalid value, or anything at all.
 */
export function contextArb(declaration: RandomDeclaration) {
  const valid: Record<string, fc.Arbitrary<unknown>> = {
    jurisdiction: fc.constantFrom(...declaration.jurisdictions),
  };
  for (const [name, field] of Object.entries(declaration.contextFields)) {
    valid[name] =
      field.kind === "flag" ? fc.boolean() : fc.constantFrom(...(field.values as string[]));
  }
  const value = (name: string) =>
    fc.oneof(
      { weight: 8, arbitrary: valid[name] as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: fc.constantFrom("", "true", 1, null, undefined, "__proto__") },
    );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 8,
      arbitrary: fc.record(
        Object.fromEntries(Object.keys(valid).map((name) => [name, value(name)])),
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
}
