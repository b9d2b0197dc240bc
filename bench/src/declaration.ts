import { policy } from "@trunkiq/privacy-policy";

// The parts of the TrunkIQ declaration the floors and peers are derived from, read once from the
// same object the guards compile, so no rule is kept by hand a second time.

export type Question = "use" | "share";
export type Value = string | boolean;

/** A condition as a field and the values it holds for (a flag: `true`). */
export interface Condition {
  readonly field: string;
  readonly values: readonly Value[];
}

/** One grant: `subject` (a purpose or recipient) may have `category` when all conditions hold. */
export interface Grant {
  readonly subject: string;
  readonly category: string;
  readonly when: readonly Condition[];
}

/** One prohibition: denies the listed subjects and categories (all when `null`) when it holds. */
export interface Ban {
  readonly subjects: readonly string[] | null;
  readonly categories: readonly string[] | null;
  readonly when: readonly Condition[];
}

/** A context field a question reads, with the values it accepts and its default. */
export interface Field {
  readonly name: string;
  readonly values: readonly Value[];
  readonly default: Value;
}

export interface Rules {
  readonly subjects: readonly string[];
  readonly categories: readonly string[];
  readonly fields: readonly Field[];
  readonly grants: readonly Grant[];
  readonly bans: readonly Ban[];
}

type Loose = Record<string, unknown>;
type BenchRule = { when?: readonly string[]; jurisdictions?: Loose };
const decl = policy as unknown as {
  jurisdictions: readonly string[];
  categories: Loose;
  contextFields: Record<
    string,
    { kind: "flag" | "choice"; appliesTo: readonly string[]; values?: string[]; default?: string }
  >;
  conditions: Record<string, { field: string; equals?: string; oneOf?: readonly string[] }>;
  purposes: Record<
    string,
    { basis: string; jurisdictions?: Loose; uses: Record<string, BenchRule> }
  >;
  recipients: Record<string, { jurisdictions?: Loose; receives: Record<string, BenchRule> }>;
  prohibitions: Record<
    string,
    {
      when?: readonly string[];
      use?: { purposes?: readonly string[]; categories?: readonly string[] };
      share?: { categories?: readonly string[]; recipients?: readonly string[] };
    }
  >;
  bases: Record<string, { gdpr?: string }>;
  retention: Record<
    string,
    Record<
      string,
      { anchor: "collection" | "relationship-end"; period: Period; basis: string; law: string }
    >
  >;
  rights: Loose;
};

export { decl as declaration };

export interface Period {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
}

const conditions = (ids: readonly string[] = []): Condition[] =>
  ids.map((id) => {
    const c = decl.conditions[id];
    if (!c) throw new Error(`unknown condition ${id}`);
    return { field: c.field, values: c.oneOf ?? [c.equals ?? true] };
  });

const fieldsOf = (question: Question): Field[] => [
  ...Object.entries(decl.contextFields)
    .filter(([, f]) => f.appliesTo.includes(question))
    .map(([name, f]) =>
      f.kind === "flag"
        ? { name, values: [false, true], default: false }
        : { name, values: f.values ?? [], default: f.default ?? "" },
    ),
  // No default: a pair whose answer differs by jurisdiction is denied when none is given.
  { name: "jurisdiction", values: decl.jurisdictions, default: "" },
];

// The question sets ask only US questions of a pair whose answer differs by jurisdiction, so
// such a pair is granted by its rule as declared when the context says "us", else denied.
const US = "us";
const grantWhen = (actor: { jurisdictions?: Loose }, rule: BenchRule): Condition[] => {
  const variants = { ...actor.jurisdictions, ...rule.jurisdictions };
  if (Object.keys(variants).length === 0) return conditions(rule.when);
  if (Object.hasOwn(variants, US)) throw new Error("the floors model no variant for the US");
  return [...conditions(rule.when), { field: "jurisdiction", values: [US] }];
};

/** The use and share rules of the declaration, as flat grants and bans. */
export function rulesOf(question: Question): Rules {
  const categories = Object.keys(decl.categories);
  const grants: Grant[] = [];
  const bans: Ban[] = [];
  if (question === "use") {
    for (const [purpose, p] of Object.entries(decl.purposes)) {
      for (const [category, r] of Object.entries(p.uses)) {
        grants.push({ subject: purpose, category, when: grantWhen(p, r) });
      }
    }
  } else {
    for (const [recipient, p] of Object.entries(decl.recipients)) {
      for (const [category, r] of Object.entries(p.receives)) {
        grants.push({ subject: recipient, category, when: grantWhen(p, r) });
      }
    }
  }
  for (const ban of Object.values(decl.prohibitions)) {
    const scope = question === "use" ? ban.use : ban.share;
    if (!scope) continue;
    const subjects =
      question === "use" ? (ban.use?.purposes ?? null) : (ban.share?.recipients ?? null);
    bans.push({ subjects, categories: scope.categories ?? null, when: conditions(ban.when) });
  }
  return {
    subjects: Object.keys(question === "use" ? decl.purposes : decl.recipients),
    categories,
    fields: fieldsOf(question),
    grants,
    bans,
  };
}

/** The value of `field` in a well-formed context, its default when absent. */
export const valueIn = (context: object | undefined, field: Field): Value =>
  context !== undefined && Object.hasOwn(context, field.name)
    ? ((context as Record<string, Value>)[field.name] as Value)
    : field.default;

/** A context with every field of the question stated, defaults filled in. */
export const fullContext = (rules: Rules, context: object | undefined): Record<string, Value> =>
  Object.fromEntries(rules.fields.map((f) => [f.name, valueIn(context, f)]));
