import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { pairFieldNames } from "@trunkiq/policy-core/engine";

export type Question = "use" | "share";
export type FieldValue = string | boolean;

/** A context field as two versions of a policy read it together: every value either accepts. */
export interface SpaceField {
  readonly name: string;
  readonly values: readonly FieldValue[];
  /**
   * Whether leaving the field out is a question of its own: only where both versions read it
   * with different defaults. Otherwise leaving it out answers as stating the one default does.
   */
  readonly omittable: boolean;
}

/** One pair asked of both versions: `actor` is the purpose (use) or the recipient (share). */
export interface Pair {
  readonly question: Question;
  readonly actor: string;
  readonly category: string;
}

/** One point of a pair's space: the values stated, and the fields left to their defaults. */
export interface SpacePoint {
  readonly context: Readonly<Record<string, FieldValue>>;
  readonly omitted: readonly string[];
}

const union = <T>(...lists: readonly (readonly T[])[]) => [...new Set(lists.flat())];
const keys = (o: object) => Object.keys(o);

/** The fields of a question in either version (`jurisdiction` last), with the union of their values. */
export function questionFields(
  a: PolicyDeclaration,
  b: PolicyDeclaration,
  question: Question,
): SpaceField[] {
  const values = new Map<string, FieldValue[]>();
  const defaults = new Map<string, FieldValue[]>();
  const note = (name: string, own: readonly FieldValue[], fallback: FieldValue) => {
    values.set(name, union(values.get(name) ?? [], own));
    defaults.set(name, [...(defaults.get(name) ?? []), fallback]);
  };
  for (const p of [a, b]) {
    for (const [name, field] of Object.entries(p.contextFields)) {
      if (!field.appliesTo.includes(question)) continue;
      if (field.kind === "flag") note(name, [false, true], false);
      else note(name, field.values, field.default);
    }
    note("jurisdiction", p.jurisdictions, p.jurisdictions[0]);
  }
  return [...values].map(([name, vs]) => {
    const fallbacks = defaults.get(name) ?? [];
    // A pair whose rule differs by jurisdiction refuses a question that leaves it out, where
    // another version may answer it by its default: leaving it out is always a question of its own.
    const omittable =
      name === "jurisdiction" || (fallbacks.length === 2 && fallbacks[0] !== fallbacks[1]);
    return { name, values: vs, omittable };
  });
}

/** Whether a policy accepts a value of a field for a question; a field it does not read is ignored. */
function accepts(p: PolicyDeclaration, question: Question, name: string, value: FieldValue) {
  if (name === "jurisdiction") return p.jurisdictions.includes(value as string);
  const field = Object.hasOwn(p.contextFields, name) ? p.contextFields[name] : undefined;
  if (!field?.appliesTo.includes(question)) return true;
  if (field.kind === "flag") return typeof value === "boolean";
  return (
    field.values.includes(value as string) || (!!field.flagValues && typeof value === "boolean")
  );
}

/**
 * The fields that can change a pair's answer in either version: those its conditions read, and
 * those one version accepts a value of that the other refuses. Every other field leaves both
 * answers as they are, so the pair's space is only these.
 */
export function pairFields(
  a: PolicyDeclaration,
  b: PolicyDeclaration,
  pair: Pair,
  fields: readonly SpaceField[],
): SpaceField[] {
  // The engine's own reading of each version: the fields its conditions read, and the jurisdiction.
  const reads = (p: PolicyDeclaration) =>
    pairFieldNames(p, pair.question, pair.actor, pair.category);
  const read = union(reads(a), reads(b));
  return fields.filter(
    (f) =>
      read.includes(f.name) ||
      f.values.some(
        (v) => accepts(a, pair.question, f.name, v) !== accepts(b, pair.question, f.name, v),
      ),
  );
}

/** Every combination of the given fields, each stated with one of its values or, if omittable, left out. */
export function* spacePoints(fields: readonly SpaceField[]): Generator<SpacePoint> {
  const choices = fields.map((f) => (f.omittable ? [undefined, ...f.values] : f.values));
  const at = fields.map(() => 0);
  for (;;) {
    const context: Record<string, FieldValue> = {};
    const omitted: string[] = [];
    fields.forEach((f, i) => {
      const value = choices[i]?.[at[i] as number];
      if (value === undefined) omitted.push(f.name);
      else context[f.name] = value;
    });
    yield { context, omitted };
    let i = 0;
    while (i < fields.length && (at[i] as number) + 1 === choices[i]?.length) at[i++] = 0;
    if (i === fields.length) return;
    at[i] = (at[i] as number) + 1;
  }
}

/** Every pair either version can be asked about, use then share. */
export function pairsOf(a: PolicyDeclaration, b: PolicyDeclaration): Pair[] {
  const purposes = union(keys(a.purposes), keys(b.purposes));
  const categories = union(keys(a.categories), keys(b.categories));
  const recipients = union(keys(a.recipients), keys(b.recipients));
  return [
    ...purposes.flatMap((actor) =>
      categories.map((category) => ({ question: "use" as const, actor, category })),
    ),
    ...categories.flatMap((category) =>
      recipients.map((actor) => ({ question: "share" as const, actor, category })),
    ),
  ];
}
