import type { FieldValue } from "../internal/questionSpace";

/** The context fields asked, each with every value it takes. */
export type FieldSpace = readonly {
  readonly name: string;
  readonly values: readonly FieldValue[];
}[];

/** One answer of a pair: the context asked and whether it was allowed. */
export interface ContextAnswer {
  readonly context: Readonly<Record<string, FieldValue>>;
  readonly allowed: boolean;
}

const ANY = -1;

/** Every term over `sizes` slots: each slot a value index or {@link ANY}. */
function* terms(sizes: readonly number[]): Generator<number[]> {
  const term = sizes.map(() => ANY);
  for (;;) {
    yield [...term];
    let i = 0;
    while (i < sizes.length && term[i] === (sizes[i] as number) - 1) term[i++] = ANY;
    if (i === sizes.length) return;
    term[i] = (term[i] as number) + 1;
  }
}

/**
 * The contexts that allow a pair, as few terms as a greedy cover of prime implicants gives:
 * `["consent = true"]`, `["legalProcess = true and storage = stored"]`, or `["in every
 * context"]`. Only fields whose value changes the answer appear, so the terms read as the
 * conditions the guards apply; a pair nothing allows has none.
 *
 * @example
 * allowedWhen([{ name: "consent", values: [false, true] }], [
 *   { context: { consent: false }, allowed: false },
 *   { context: { consent: true }, allowed: true },
 * ]); // ["consent = true"]
 */
export function allowedWhen(space: FieldSpace, answers: readonly ContextAnswer[]): string[] {
  if (answers.every((a) => !a.allowed)) return [];
  if (answers.every((a) => a.allowed)) return ["in every context"];
  const indexOf = (context: ContextAnswer["context"]) =>
    space.map((f) => f.values.indexOf(context[f.name] as FieldValue));
  const allowed = new Map(answers.map((a) => [indexOf(a.context).join(","), a.allowed]));
  const at = (point: readonly number[]) => allowed.get(point.join(",")) === true;
  const points = answers.map((a) => indexOf(a.context));
  // A field matters when changing it alone changes some answer; the answer is a function of
  // the fields that matter, so the others are left out of every term.
  const matters = space.map((f, i) =>
    points.some((p) =>
      f.values.some((_, v) => v !== p[i] && at(p) !== at(p.map((x, j) => (j === i ? v : x)))),
    ),
  );
  const fields = space.filter((_, i) => matters[i]);
  const project = (p: readonly number[]) => p.filter((_, i) => matters[i]);
  const allowedPoints = new Map<string, number[]>();
  for (const p of points) if (at(p)) allowedPoints.set(project(p).join(","), project(p));
  const sizes = fields.map((f) => f.values.length);
  const covers = (term: readonly number[], point: readonly number[]) =>
    term.every((t, i) => t === ANY || t === point[i]);
  const completions = (term: readonly number[]) =>
    term.reduce((n, t, i) => n * (t === ANY ? (sizes[i] as number) : 1), 1);
  const isImplicant = (term: readonly number[]) =>
    [...allowedPoints.values()].filter((p) => covers(term, p)).length === completions(term);
  const primes = [...terms(sizes)].filter(
    (term) =>
      isImplicant(term) &&
      term.every((t, i) => t === ANY || !isImplicant(term.map((x, j) => (j === i ? ANY : x)))),
  );
  const uncovered = new Set(allowedPoints.keys());
  const chosen: number[][] = [];
  while (uncovered.size > 0) {
    let best = primes[0] as number[];
    let bestCount = -1;
    for (const term of primes) {
      const count = [...uncovered].filter((k) =>
        covers(term, allowedPoints.get(k) as number[]),
      ).length;
      if (count > bestCount) {
        best = term;
        bestCount = count;
      }
    }
    for (const k of [...uncovered]) {
      if (covers(best, allowedPoints.get(k) as number[])) uncovered.delete(k);
    }
    chosen.push(best);
  }
  return chosen
    .map((term) =>
      term
        .flatMap((t, i) => {
          const f = fields[i];
          return t === ANY || !f ? [] : [`${f.name} = ${String(f.values[t])}`];
        })
        .join(" and "),
    )
    .sort();
}
