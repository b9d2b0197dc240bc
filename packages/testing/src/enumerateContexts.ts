import type { PolicyDeclaration } from "@trunkiq/policy-core";
import type { ContextOf } from "@trunkiq/policy-core/types";

/**
 * Every context a question can be asked in: the cartesian product of the values of each
 * context field the question reads (`false`/`true` for a flag, every declared value for a
 * choice) and every jurisdiction. Derived from `policy.contextFields`, so a new field or value
 * is enumerated without touching a test.
 *
 * @category Enumerating
 * @example
 * for (const context of enumerateContexts(policy, "share")) {
 *   expect(canShare("account", "data-broker", context).allowed).toBe(false);
 * }
 */
export function enumerateContexts<const D extends PolicyDeclaration, Q extends "use" | "share">(
  policy: D,
  question: Q,
): readonly ContextOf<D, Q>[] {
  const axes: [string, readonly (string | boolean)[]][] = [];
  for (const [name, field] of Object.entries(policy.contextFields)) {
    if (!field.appliesTo.includes(question)) continue;
    axes.push([name, field.kind === "flag" ? [false, true] : field.values]);
  }
  axes.push(["jurisdiction", policy.jurisdictions]);
  let contexts: Record<string, string | boolean>[] = [{}];
  for (const [name, values] of axes) {
    contexts = contexts.flatMap((context) => values.map((v) => ({ ...context, [name]: v })));
  }
  return Object.freeze(contexts.map((c) => Object.freeze(c))) as readonly ContextOf<D, Q>[];
}
