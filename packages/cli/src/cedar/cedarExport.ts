import type {
  PolicyDeclaration,
  ProhibitionDeclaration,
  RuleDeclaration,
} from "@trunkiq/policy-core";
import { hasVariants, type RuleInJurisdiction, ruleIn } from "@trunkiq/policy-core/engine";
import { cedarString, contextAttribute, contextHas, entity } from "./cedarSyntax";

/** Options of {@link cedarExport}. */
export interface CedarExportOptions {
  /** The Cedar namespace of every type and action. Default `"TrunkIQ"`. */
  readonly namespace?: string;
}

/** An obligation of an allowed use or disclosure, as the guards would attach it. */
export interface CedarObligation {
  readonly id: string;
  readonly section: string;
  readonly text: string;
  /** Condition ids (see `conditions`) any one of which lifts the obligation. */
  readonly liftedWhen: readonly string[];
}

/** One way a pair is allowed in a jurisdiction: its basis, law, conditions and obligations. */
export interface CedarAlternative {
  readonly basis: string;
  readonly law: string | null;
  /** Condition ids that must all hold, and ids none of which may hold. */
  readonly when: readonly string[];
  readonly unless: readonly string[];
  readonly obligations: readonly CedarObligation[];
}

/** How a pair is decided in one jurisdiction: denied by its law, or the first alternative that holds. */
export type CedarRuleInJurisdiction =
  | { readonly denied: true; readonly law: string }
  | { readonly denied: false; readonly alternatives: readonly CedarAlternative[] };

/** Jurisdiction → how a pair is decided there. */
export type CedarPairRules = Readonly<Record<string, CedarRuleInJurisdiction>>;

/** What Cedar's allow/deny cannot carry, as JSON keyed by the ids the Cedar entities use. */
export interface CedarSidecar {
  readonly policy: { readonly id: string; readonly version: string };
  /** `use[purpose][category][jurisdiction]`: basis, law and obligations of each granted use. */
  readonly use: Readonly<Record<string, Readonly<Record<string, CedarPairRules>>>>;
  /** `share[recipient][category][jurisdiction]`: the same for each granted disclosure. */
  readonly share: Readonly<Record<string, Readonly<Record<string, CedarPairRules>>>>;
  /** The conditions obligations refer to: the context field and the value (or values) it holds for. */
  readonly conditions: Readonly<
    Record<
      string,
      | { readonly field: string; readonly equals: string | boolean }
      | { readonly field: string; readonly oneOf: readonly string[] }
    >
  >;
  /** The retention schedule, category by jurisdiction, as the declaration states it. */
  readonly retention: PolicyDeclaration["retention"];
}

/** A declaration written as a Cedar schema, a Cedar policy set, and the JSON beside them. */
export interface CedarExport {
  /** The schema in Cedar's human-readable format (`.cedarschema`). */
  readonly schema: string;
  /** The policy set (`.cedar`): one `permit` per rule, one `forbid` per prohibition. */
  readonly policies: string;
  /** The same policies by `@id`, for SDKs that take a map of policies. */
  readonly policiesById: Readonly<Record<string, string>>;
  readonly sidecar: CedarSidecar;
}

/** Thrown when the declaration uses something the Cedar mapping cannot express. */
export class CedarExportError extends Error {
  override readonly name = "CedarExportError";
  constructor(readonly problems: readonly string[]) {
    super(
      `the declaration cannot be exported to Cedar:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

type Question = "use" | "share";

interface Field {
  readonly name: string;
  readonly kind: "flag" | "choice";
  readonly values: readonly (string | boolean)[];
  readonly default: string | boolean;
}

// The keys the mapping understands. A key outside these lists may change a decision in a way
// the mapping would not reproduce, so the export refuses it rather than guess.
const KNOWN = {
  policy: [
    "id",
    "version",
    "title",
    "jurisdictions",
    "scopes",
    "bases",
    "categories",
    "contextFields",
    "conditions",
    "obligations",
    "purposes",
    "recipients",
    "prohibitions",
    "retention",
    "rights",
    "commitments",
  ],
  owner: ["section", "text", "basis", "uses", "receives", "law", "jurisdictions"],
  rule: ["section", "text", "when", "unless", "obligations", "jurisdictions"],
  alternative: ["section", "text", "when", "unless", "obligations", "basis", "law"],
  denial: ["section", "text", "denied", "law"],
  obligationRef: ["id", "unless"],
  flag: ["kind", "appliesTo", "description"],
  // `flagValues` is the caller's to apply: Cedar's context holds the choice's own string values.
  choice: ["kind", "appliesTo", "values", "default", "description", "flagValues"],
  condition: ["section", "text", "field", "equals", "oneOf"],
  prohibition: ["section", "text", "when", "use", "share"],
  useScope: ["purposes", "categories"],
  shareScope: ["categories", "recipients"],
} as const;

/**
 * Writes a declaration as Cedar: a schema, a policy set that answers every use and share
 * question as the guards do, and the obligations and retention schedule as JSON beside them.
 *
 * A use is asked as principal `Purpose`, action `use`, resource `Category`; a disclosure as
 * principal `Recipient`, action `share`, resource `Category`. The context carries the guard's
 * context fields under the same names, all optional; an omitted field reads as the
 * declaration's default, as it does for the guards. Every policy is annotated with `@id`,
 * `@section` and `@text`, so Cedar's diagnostics cite the policy sentence.
 *
 * @throws {CedarExportError} when the declaration uses a construct the mapping cannot express.
 * @example
 * const { schema, policies, sidecar } = cedarExport(policy);
 * writeFileSync("policy.cedarschema", schema);
 * writeFileSync("policy.cedar", policies);
 */
export function cedarExport(
  policy: PolicyDeclaration,
  options: CedarExportOptions = {},
): CedarExport {
  const ns = options.namespace ?? "TrunkIQ";
  const problems = unsupported(policy);
  if (problems.length > 0) throw new CedarExportError(problems);

  const fields = { use: fieldsOf(policy, "use"), share: fieldsOf(policy, "share") };
  const byId: Record<string, string> = {};
  const add = (id: string, annotations: Record<string, string>, body: string) => {
    const lines = Object.entries({ id, ...annotations }).map(
      ([key, value]) => `@${key}(${cedarString(value)})`,
    );
    byId[id] = `${lines.join("\n")}\n${body};`;
  };

  const rules = (question: Question) =>
    question === "use"
      ? Object.entries(policy.purposes).map(([id, p]) => ({ id, owner: p, rules: p.uses }))
      : Object.entries(policy.recipients).map(([id, r]) => ({ id, owner: r, rules: r.receives }));

  for (const question of ["use", "share"] as const) {
    const principal = question === "use" ? "Purpose" : "Recipient";
    const holds = conditionExpression(policy, fields[question]);
    for (const { id: actor, owner, rules: granted } of rules(question)) {
      for (const [category, rule] of Object.entries(granted) as [string, RuleDeclaration][]) {
        const scope = [
          `principal == ${entity(ns, principal, actor)}`,
          `action == ${entity(ns, "Action", question)}`,
          `resource == ${entity(ns, "Category", category)}`,
        ];
        const id = `${question}.${actor}.${category}`;
        // A pair whose answer differs by jurisdiction needs one: one permit per jurisdiction and
        // alternative, each requiring it, so a request without one is denied as by the guards.
        const byJurisdiction = hasVariants(owner, rule)
          ? policy.jurisdictions.map((j) => [j, ruleIn(owner, rule, j)] as const)
          : [[null, ruleIn(owner, rule, null)] as const];
        for (const [jurisdiction, decided] of byJurisdiction) {
          if (decided.denied) continue;
          decided.alternatives.forEach((alternative, index) => {
            const suffix =
              (jurisdiction === null ? "" : `.${jurisdiction}`) +
              (decided.alternatives.length > 1 ? `.${index + 1}` : "");
            const when = [
              ...(jurisdiction === null
                ? []
                : [
                    `${contextHas("jurisdiction")} && ${contextAttribute("jurisdiction")} == ${cedarString(jurisdiction)}`,
                  ]),
              ...alternative.when.map(holds),
            ];
            add(
              `${id}${suffix}`,
              {
                section: alternative.section,
                text: alternative.text,
                basis: alternative.basis,
                ...(alternative.law === null ? {} : { law: alternative.law }),
              },
              `permit (\n  ${scope.join(",\n  ")}\n)${clause("when", when, " && ")}${clause("unless", alternative.unless.map(holds), " || ")}`,
            );
          });
        }
      }
    }
  }

  for (const [id, prohibition] of Object.entries(policy.prohibitions) as [
    string,
    ProhibitionDeclaration,
  ][]) {
    const question: Question = prohibition.use ? "use" : "share";
    const holds = conditionExpression(policy, fields[question]);
    const actors = prohibition.use ? prohibition.use.purposes : prohibition.share?.recipients;
    const categories = prohibition.use ? prohibition.use.categories : prohibition.share?.categories;
    const principal = question === "use" ? "Purpose" : "Recipient";
    const when = [
      ...(actors
        ? [`principal in [${actors.map((a) => entity(ns, principal, a)).join(", ")}]`]
        : []),
      ...(categories
        ? [`resource in [${categories.map((c) => entity(ns, "Category", c)).join(", ")}]`]
        : []),
      ...(prohibition.when ?? []).map(holds),
    ];
    add(
      `prohibition.${id}`,
      { section: prohibition.section, text: prohibition.text },
      `forbid (\n  principal,\n  action == ${entity(ns, "Action", question)},\n  resource\n)${clause("when", when, " && ")}`,
    );
  }

  // The guards answer `invalid-input` (a denial) for a choice outside its values; so does Cedar.
  for (const question of ["use", "share"] as const) {
    for (const field of fields[question]) {
      if (field.kind !== "choice") continue;
      const values = field.values.map((v) => literal(v)).join(", ");
      add(
        `invalid-input.${question}.${field.name}`,
        {
          section: policy.scopes[question].section,
          text: `context field "${field.name}" must be ${field.values.map((v) => JSON.stringify(v)).join(" | ")}`,
        },
        `forbid (\n  principal,\n  action == ${entity(ns, "Action", question)},\n  resource\n) when { ${contextHas(field.name)} && !([${values}].contains(${contextAttribute(field.name)})) }`,
      );
    }
  }

  const header = `// ${policy.title}, version ${policy.version}: generated by \`trunkiq-policy export --format cedar\` from the declaration; do not edit.\n`;
  return Object.freeze({
    schema: header + cedarSchema(policy, ns, fields),
    policies: `${header}// Anything no permit grants is denied; a forbid overrides every permit it matches.\n\n${Object.values(byId).join("\n\n")}\n`,
    policiesById: Object.freeze(byId),
    sidecar: sidecarOf(policy),
  });
}

function clause(keyword: "when" | "unless", parts: readonly string[], join: string): string {
  return parts.length === 0 ? "" : `\n${keyword} { ${parts.join(join)} }`;
}

function literal(value: string | boolean): string {
  return typeof value === "boolean" ? String(value) : cedarString(value);
}

/** The fields a question reads, `jurisdiction` last, as the guards read them. */
function fieldsOf(policy: PolicyDeclaration, question: Question): readonly Field[] {
  const fields: Field[] = [];
  for (const [name, field] of Object.entries(policy.contextFields)) {
    if (!field.appliesTo.includes(question)) continue;
    fields.push(
      field.kind === "flag"
        ? { name, kind: "flag", values: [false, true], default: false }
        : { name, kind: "choice", values: field.values, default: field.default },
    );
  }
  fields.push({
    name: "jurisdiction",
    kind: "choice",
    values: policy.jurisdictions,
    default: policy.jurisdictions[0],
  });
  return fields;
}

/** A condition as a Cedar expression; an omitted field holds the declaration's default. */
function conditionExpression(policy: PolicyDeclaration, fields: readonly Field[]) {
  return (id: string): string => {
    const condition = policy.conditions[id];
    const field = fields.find((f) => f.name === condition?.field);
    // INVARIANT: definePolicy has checked that every condition names a field of its question.
    if (!condition || !field) throw new CedarExportError([`condition "${id}" has no field`]);
    const values = condition.oneOf ?? [condition.equals ?? true];
    const attribute = contextAttribute(field.name);
    const compare =
      values.length === 1
        ? `${attribute} == ${literal(values[0] as string | boolean)}`
        : `[${values.map((v) => literal(v)).join(", ")}].contains(${attribute})`;
    // Cedar's validator proves an optional attribute present only along `&&` and `then`.
    return values.includes(field.default as string)
      ? `(if ${contextHas(field.name)} then ${compare} else true)`
      : `(${contextHas(field.name)} && ${compare})`;
  };
}

function cedarSchema(
  policy: PolicyDeclaration,
  ns: string,
  fields: Record<Question, readonly Field[]>,
): string {
  const enumOf = (name: string, ids: readonly string[]) =>
    ids.length === 0
      ? `  entity ${name};`
      : `  entity ${name} enum [${ids.map(cedarString).join(", ")}];`;
  const record = (list: readonly Field[]) =>
    `{ ${list.map((f) => `${cedarString(f.name)}?: ${f.kind === "flag" ? "Bool" : "String"}`).join(", ")} }`;
  return [
    `namespace ${ns} {`,
    enumOf("Purpose", Object.keys(policy.purposes)),
    enumOf("Category", Object.keys(policy.categories)),
    enumOf("Recipient", Object.keys(policy.recipients)),
    `  type UseContext = ${record(fields.use)};`,
    `  type ShareContext = ${record(fields.share)};`,
    `  action "use" appliesTo { principal: [Purpose], resource: [Category], context: UseContext };`,
    `  action "share" appliesTo { principal: [Recipient], resource: [Category], context: ShareContext };`,
    "}",
    "",
  ].join("\n");
}

function sidecarOf(policy: PolicyDeclaration): CedarSidecar {
  const obligationsOf = (refs: RuleDeclaration["obligations"]): CedarObligation[] =>
    (refs ?? []).flatMap((ref) => {
      const id = typeof ref === "string" ? ref : ref.id;
      const declared = policy.obligations[id];
      if (!declared) return [];
      const liftedWhen = typeof ref === "string" ? [] : [...(ref.unless ?? [])];
      return [{ id, section: declared.section, text: declared.text, liftedWhen }];
    });
  const inJurisdiction = (decided: RuleInJurisdiction): CedarRuleInJurisdiction =>
    decided.denied
      ? { denied: true, law: decided.law }
      : {
          denied: false,
          alternatives: decided.alternatives.map((a) => ({
            basis: a.basis,
            law: a.law,
            when: a.when,
            unless: a.unless,
            obligations: obligationsOf(a.obligations),
          })),
        };
  const table = (
    owners: Record<
      string,
      Parameters<typeof ruleIn>[0] & { rules: Record<string, RuleDeclaration | undefined> }
    >,
  ) =>
    Object.fromEntries(
      Object.entries(owners).map(([actor, owner]) => [
        actor,
        Object.fromEntries(
          Object.entries(owner.rules).flatMap(([category, rule]) =>
            rule
              ? [
                  [
                    category,
                    Object.fromEntries(
                      policy.jurisdictions.map((j) => [j, inJurisdiction(ruleIn(owner, rule, j))]),
                    ),
                  ],
                ]
              : [],
          ),
        ),
      ]),
    );
  return {
    policy: { id: policy.id, version: policy.version },
    use: table(
      Object.fromEntries(
        Object.entries(policy.purposes).map(([id, p]) => [id, { ...p, rules: p.uses }]),
      ),
    ),
    share: table(
      Object.fromEntries(
        Object.entries(policy.recipients).map(([id, r]) => [id, { ...r, rules: r.receives }]),
      ),
    ),
    conditions: Object.fromEntries(
      Object.entries(policy.conditions).map(([id, c]) => [
        id,
        c.oneOf ? { field: c.field, oneOf: c.oneOf } : { field: c.field, equals: c.equals ?? true },
      ]),
    ),
    retention: policy.retention,
  };
}

/** Every key of the declaration the mapping does not understand, by path. */
function unsupported(policy: PolicyDeclaration): string[] {
  const problems: string[] = [];
  const check = (value: unknown, known: readonly string[], path: string) => {
    if (value === null || typeof value !== "object") return;
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) problems.push(`${path}.${key} is not part of the Cedar mapping`);
    }
  };
  const checkVariants = (variants: RuleDeclaration["jurisdictions"], path: string) => {
    for (const [jurisdiction, variant] of Object.entries(variants ?? {})) {
      const at = `${path}.${jurisdiction}`;
      if (Array.isArray(variant)) {
        for (const alternative of variant) check(alternative, KNOWN.alternative, at);
      } else if (variant !== null && typeof variant === "object" && "denied" in variant) {
        check(variant, KNOWN.denial, at);
      } else check(variant, KNOWN.alternative, at);
    }
  };
  check(policy, KNOWN.policy, "policy");
  for (const [kind, owners] of [
    ["purposes", policy.purposes],
    ["recipients", policy.recipients],
  ] as const) {
    for (const [id, owner] of Object.entries(owners)) {
      check(owner, KNOWN.owner, `${kind}.${id}`);
      checkVariants(owner.jurisdictions, `${kind}.${id}.jurisdictions`);
      const rules = ("uses" in owner ? owner.uses : owner.receives) as Record<string, unknown>;
      for (const [category, rule] of Object.entries(rules)) {
        const path = `${kind}.${id}.${"uses" in owner ? "uses" : "receives"}.${category}`;
        check(rule, KNOWN.rule, path);
        for (const ref of (rule as RuleDeclaration).obligations ?? []) {
          if (typeof ref !== "string") check(ref, KNOWN.obligationRef, `${path}.obligations`);
        }
        checkVariants((rule as RuleDeclaration).jurisdictions, `${path}.jurisdictions`);
      }
    }
  }
  for (const [name, field] of Object.entries(policy.contextFields)) {
    check(field, field.kind === "flag" ? KNOWN.flag : KNOWN.choice, `contextFields.${name}`);
  }
  for (const [id, condition] of Object.entries(policy.conditions)) {
    check(condition, KNOWN.condition, `conditions.${id}`);
  }
  for (const [id, prohibition] of Object.entries(policy.prohibitions)) {
    check(prohibition, KNOWN.prohibition, `prohibitions.${id}`);
    check(prohibition.use, KNOWN.useScope, `prohibitions.${id}.use`);
    check(prohibition.share, KNOWN.shareScope, `prohibitions.${id}.share`);
  }
  return problems;
}
