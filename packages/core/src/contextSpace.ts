import type { PolicyDeclaration, RuleDeclaration } from "./declaration";
import { type FieldSpec, fieldSpecs } from "./internal/context";
import { pairFields } from "./internal/tableSize";
import type { ContextOf } from "./types/Context";

type Question = "use" | "share";

/** One pair: a purpose and a category for `use`, a category and a recipient for `share`. */
export type ContextSpacePair<Q extends Question = Question> = Q extends "use"
  ? { readonly purpose: string; readonly category: string }
  : { readonly category: string; readonly recipient: string };

function ruleOf(policy: PolicyDeclaration, question: Question, actor: string, category: string) {
  const actors: Readonly<Record<string, { readonly [c: string]: RuleDeclaration | undefined }>> =
    question === "use"
      ? Object.fromEntries(Object.entries(policy.purposes).map(([id, p]) => [id, p.uses]))
      : Object.fromEntries(Object.entries(policy.recipients).map(([id, r]) => [id, r.receives]));
  const rules = Object.hasOwn(actors, actor) ? actors[actor] : undefined;
  return rules && Object.hasOwn(rules, category) ? rules[category] : undefined;
}

function product(specs: readonly FieldSpec[]): Readonly<Record<string, string | boolean>>[] {
  let contexts: Record<string, string | boolean>[] = [{}];
  for (const spec of specs) {
    contexts = contexts.flatMap((context) =>
      spec.values.map((v) => ({ ...context, [spec.name]: v })),
    );
  }
  return contexts.map((c) => Object.freeze(c));
}

/**
 * Every context a question can be asked in, as the engine reads it: the cartesian product of the
 * values of each context field (`false`/`true` for a flag, every declared value for a choice,
 * every jurisdiction). Given a pair, only the fields its rule, obligations and prohibitions read
 * vary, the others are left to their defaults, so each context is a distinct cell of the pair's
 * decision table. Derived from the declaration, so a new field or value is enumerated without
 * an edit; the same enumeration drives property tests, the command line and the documents.
 *
 * @category Enumerating
 * @example
 * for (const context of contextSpace(policy, "share", { category: "account", recipient: "data-broker" })) {
 *   expect(canShare("account", "data-broker", context).allowed).toBe(false);
 * }
 * contextSpace(policy, "use").length; // every use context: 2 × 2 × 3 jurisdictions = 12
 */
export function contextSpace<const D extends PolicyDeclaration, Q extends Question>(
  policy: D,
  question: Q,
  pair?: ContextSpacePair<Q>,
): readonly ContextOf<D, Q>[] {
  const specs = fieldSpecs(policy, question);
  if (pair === undefined) return Object.freeze(product(specs)) as readonly ContextOf<D, Q>[];
  const { purpose, recipient } = pair as { purpose?: string; recipient?: string };
  const actor = (question === "use" ? purpose : recipient) ?? "";
  const rule = ruleOf(policy, question, actor, pair.category);
  // The engine's own reading: the fields its conditions read, and the jurisdiction where the
  // pair's rule differs by jurisdiction.
  const read = pairFields(policy, question, actor, pair.category, rule, specs);
  return Object.freeze(product(read)) as readonly ContextOf<D, Q>[];
}
