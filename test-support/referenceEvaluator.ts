import type { PolicyDeclaration, ReasonCode } from "../packages/core/src";

/** What the reference evaluator decides for a question: the parts a decision must agree on. */
export interface ReferenceDecision {
  readonly allowed: boolean;
  readonly basis: string | null;
  readonly reasonCodes: readonly ReasonCode[];
  readonly obligations: readonly string[];
}

const invalid: ReferenceDecision = {
  allowed: false,
  basis: null,
  reasonCodes: ["invalid-input"],
  obligations: [],
};

/**
 * A plain reading of a declaration, written for obviousness, not speed: it walks the
 * declaration on every call, exactly as the policy reads in prose.
 */
export function referenceDecide(
  policy: PolicyDeclaration,
  question: "use" | "share",
  first: unknown,
  second: unknown,
  context: unknown,
): ReferenceDecision {
  const [purposeOrCategory, categoryOrRecipient] = [first, second];
  const actors = question === "use" ? policy.purposes : policy.recipients;
  const actorId = question === "use" ? purposeOrCategory : categoryOrRecipient;
  const categoryId = question === "use" ? categoryOrRecipient : purposeOrCategory;
  if (typeof actorId !== "string" || !Object.hasOwn(actors, actorId)) return invalid;
  if (typeof categoryId !== "string" || !Object.hasOwn(policy.categories, categoryId))
    return invalid;

  // The fields of this question, with their allowed values and defaults.
  const fields = new Map<
    string,
    { values: unknown[]; fallback: unknown; flagValues?: { true: string; false: string } }
  >();
  for (const [name, field] of Object.entries(policy.contextFields)) {
    if (!field.appliesTo.includes(question)) continue;
    if (field.kind === "flag") fields.set(name, { values: [false, true], fallback: false });
    else
      fields.set(name, {
        values: [...field.values, ...(field.flagValues ? [true, false] : [])],
        fallback: field.default,
        ...(field.flagValues && { flagValues: field.flagValues }),
      });
  }
  fields.set("jurisdiction", {
    values: [...policy.jurisdictions],
    fallback: policy.jurisdictions[0],
  });

  const stated = new Map<string, unknown>();
  if (context !== undefined) {
    if (context === null || typeof context !== "object" || Array.isArray(context)) return invalid;
    for (const [name, field] of fields) {
      if (!Object.hasOwn(context, name)) continue;
      const value = (context as Record<string, unknown>)[name];
      if (value === undefined) continue;
      if (!field.values.includes(value)) return invalid;
      // A boolean given for a choice stands for the value the declaration maps it to.
      stated.set(
        name,
        typeof value === "boolean" && field.flagValues ? field.flagValues[`${value}`] : value,
      );
    }
  }
  const fieldValue = (name: string) =>
    stated.has(name) ? stated.get(name) : fields.get(name)?.fallback;
  const holds = (conditionId: string) => {
    const condition = policy.conditions[conditionId];
    if (!condition) throw new Error(`the generator produced an unknown condition ${conditionId}`);
    const value = fieldValue(condition.field);
    return condition.oneOf
      ? condition.oneOf.includes(value as string)
      : value === (condition.equals ?? true);
  };

  const prohibited = Object.values(policy.prohibitions).filter((p) => {
    const scope = question === "use" ? p.use : p.share;
    if (!scope) return false;
    const listed = (list: readonly string[] | undefined, id: string) =>
      list === undefined || list.includes(id);
    const matches =
      question === "use"
        ? listed(p.use?.purposes, actorId) && listed(p.use?.categories, categoryId)
        : listed(p.share?.categories, categoryId) && listed(p.share?.recipients, actorId);
    return matches && (p.when ?? []).every(holds);
  });
  if (prohibited.length > 0) {
    return {
      allowed: false,
      basis: null,
      reasonCodes: prohibited.map(() => "prohibited"),
      obligations: [],
    };
  }

  const actor = actors[actorId];
  const rules: Record<string, unknown> =
    question === "use"
      ? (actor as PolicyDeclaration["purposes"][string]).uses
      : (actor as PolicyDeclaration["recipients"][string]).receives;
  if (!actor || !Object.hasOwn(rules, categoryId)) {
    return { allowed: false, basis: null, reasonCodes: ["not-permitted"], obligations: [] };
  }
  const rule = rules[categoryId] as PolicyDeclaration["purposes"][string]["uses"][string];
  if (!rule) throw new Error("rules are objects");
  const unmet = [
    ...(rule.when ?? []).filter((c) => !holds(c)),
    ...(rule.unless ?? []).filter((c) => holds(c)),
  ];
  if (unmet.length > 0) {
    return {
      allowed: false,
      basis: null,
      reasonCodes: unmet.map(() => "condition-unmet"),
      obligations: [],
    };
  }
  const obligations = (rule.obligations ?? [])
    .filter((o) => typeof o === "string" || !(o.unless ?? []).some(holds))
    .map((o) => (typeof o === "string" ? o : o.id));
  return { allowed: true, basis: actor.basis, reasonCodes: ["permitted"], obligations };
}
