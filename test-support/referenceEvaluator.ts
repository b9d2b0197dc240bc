import type {
  JurisdictionRuleDeclaration,
  PolicyDeclaration,
  ReasonCode,
  RuleDeclaration,
} from "../packages/core/src";

/** What the reference evaluator decides for a question: the parts a decision must agree on. */
export interface ReferenceDecision {
  readonly allowed: boolean;
  readonly basis: string | null;
  /** The law the decision rests on, as the declaration names it. */
  readonly law: string | null;
  readonly reasonCodes: readonly ReasonCode[];
  readonly obligations: readonly string[];
}

const invalid: ReferenceDecision = {
  allowed: false,
  basis: null,
  law: null,
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
  // Jurisdiction has no fallback: a question that needs one must give it.
  fields.set("jurisdiction", { values: [...policy.jurisdictions], fallback: undefined });

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

  const matching = Object.values(policy.prohibitions).filter((p) => {
    const scope = question === "use" ? p.use : p.share;
    if (!scope) return false;
    const listed = (list: readonly string[] | undefined, id: string) =>
      list === undefined || list.includes(id);
    return question === "use"
      ? listed(p.use?.purposes, actorId) && listed(p.use?.categories, categoryId)
      : listed(p.share?.categories, categoryId) && listed(p.share?.recipients, actorId);
  });
  const actor = actors[actorId] as PolicyDeclaration["purposes"][string] &
    PolicyDeclaration["recipients"][string];
  const rules: { readonly [id: string]: RuleDeclaration | undefined } =
    question === "use" ? actor.uses : actor.receives;
  const rule = Object.hasOwn(rules, categoryId) ? rules[categoryId] : undefined;
  const variants = { ...(rule ? actor.jurisdictions : {}), ...rule?.jurisdictions };

  // Every condition the answer can turn on; one that reads the jurisdiction, or a variant, makes
  // the jurisdiction a required part of the question.
  const conditionsRead = [
    ...matching.flatMap((p) => p.when ?? []),
    ...(rule?.when ?? []),
    ...(rule?.unless ?? []),
    ...(rule?.obligations ?? []).flatMap((o) => (typeof o === "string" ? [] : (o.unless ?? []))),
    ...Object.values(variants).flatMap((v) =>
      "denied" in v
        ? []
        : [v]
            .flat()
            .flatMap((a: JurisdictionRuleDeclaration) => [
              ...(a.when ?? []),
              ...(a.unless ?? []),
              ...(a.obligations ?? []).flatMap((o) =>
                typeof o === "string" ? [] : (o.unless ?? []),
              ),
            ]),
    ),
  ];
  const needsJurisdiction =
    Object.keys(variants).length > 0 ||
    conditionsRead.some((c) => policy.conditions[c]?.field === "jurisdiction");
  if (needsJurisdiction && !stated.has("jurisdiction")) return invalid;
  const jurisdiction = stated.get("jurisdiction") as string | undefined;

  const prohibited = matching.filter((p) => (p.when ?? []).every(holds));
  if (prohibited.length > 0) {
    return {
      allowed: false,
      basis: null,
      law: null,
      reasonCodes: prohibited.map(() => "prohibited"),
      obligations: [],
    };
  }
  if (!rule) {
    return {
      allowed: false,
      basis: null,
      law: null,
      reasonCodes: ["not-permitted"],
      obligations: [],
    };
  }
  const variant =
    jurisdiction !== undefined && Object.hasOwn(variants, jurisdiction)
      ? variants[jurisdiction]
      : undefined;
  if (variant && "denied" in variant) {
    return {
      allowed: false,
      basis: null,
      law: variant.law,
      reasonCodes: ["not-permitted"],
      obligations: [],
    };
  }
  // The rule as declared, or each alternative the jurisdiction's variant adds to it, in order.
  const alternatives: JurisdictionRuleDeclaration[] = variant
    ? [variant].flat()
    : [{ law: actor.law?.name ?? "" }];
  const unmetCodes: ReasonCode[] = [];
  const unmetSeen = new Set<string>();
  for (const alternative of alternatives) {
    const when = [...(rule.when ?? []), ...(alternative.when ?? [])];
    const unless = [...(rule.unless ?? []), ...(alternative.unless ?? [])];
    const unmet = [
      ...when.filter((c) => !holds(c)).map((c) => `when ${c}`),
      ...unless.filter((c) => holds(c)).map((c) => `unless ${c}`),
    ];
    if (unmet.length === 0) {
      const obligations = [...(rule.obligations ?? []), ...(alternative.obligations ?? [])]
        .filter((o) => typeof o === "string" || !(o.unless ?? []).some(holds))
        .map((o) => (typeof o === "string" ? o : o.id));
      return {
        allowed: true,
        basis: alternative.basis ?? actor.basis,
        law: alternative.law || null,
        reasonCodes: ["permitted"],
        obligations: [...new Set(obligations)],
      };
    }
    for (const u of unmet) {
      if (!unmetSeen.has(u)) unmetCodes.push("condition-unmet");
      unmetSeen.add(u);
    }
  }
  return { allowed: false, basis: null, law: null, reasonCodes: unmetCodes, obligations: [] };
}
