import type { PolicyDefinitionIssue } from "../PolicyDefinitionError";
import type { ParsedDeclaration } from "../policyDeclarationSchema";
import { formatPeriod, isAtLeast } from "./duration";

type Rule = ParsedDeclaration["purposes"][string]["uses"][string];
type Actor = Omit<ParsedDeclaration["purposes"][string], "uses">;
type Variants = NonNullable<Rule["jurisdictions"]>;

/** Every broken reference, missing rule and contradiction in a structurally valid declaration. */
export function findReferenceIssues(d: ParsedDeclaration): PolicyDefinitionIssue[] {
  const issues: PolicyDefinitionIssue[] = [];
  const report = (path: (string | number)[], message: string) =>
    issues.push({ path: path.join("."), message });
  const has = (record: object, key: string) => Object.hasOwn(record, key);
  const known = (kind: string, record: object, key: string, path: (string | number)[]) => {
    if (!has(record, key)) {
      const allowed = Object.keys(record).join(", ") || "none declared";
      report(path, `unknown ${kind} "${key}" (declared: ${allowed})`);
    }
  };
  const noDuplicates = (list: readonly string[] | undefined, path: (string | number)[]) => {
    const seen = new Set<string>();
    for (const item of list ?? []) {
      if (seen.has(item)) report(path, `duplicate id "${item}"`);
      seen.add(item);
    }
  };
  // A condition can only be evaluated where its field is part of the question's context.
  const readable = (c: string, question: "use" | "share", path: (string | number)[]) => {
    const field = has(d.conditions, c) ? d.conditions[c]?.field : undefined;
    if (field === undefined || field === "jurisdiction" || !has(d.contextFields, field)) return;
    if (!d.contextFields[field]?.appliesTo.includes(question)) {
      report(
        path,
        `condition "${c}" reads "${field}", which is not a context field of ${question}`,
      );
    }
  };
  const conditionList = (
    list: readonly string[] | undefined,
    path: (string | number)[],
    question: "use" | "share",
  ) => {
    noDuplicates(list, path);
    (list ?? []).forEach((c, i) => {
      known("condition", d.conditions, c, [...path, i]);
      readable(c, question, [...path, i]);
    });
  };
  const checkRule = (ruleDecl: Rule, path: (string | number)[], question: "use" | "share") => {
    conditionList(ruleDecl.when, [...path, "when"], question);
    conditionList(ruleDecl.unless, [...path, "unless"], question);
    const both = (ruleDecl.when ?? []).filter((c) => (ruleDecl.unless ?? []).includes(c));
    for (const c of both)
      report(path, `condition "${c}" is both required and excluded: the rule can never apply`);
    const obligationIds = (ruleDecl.obligations ?? []).map((o) =>
      typeof o === "string" ? o : o.id,
    );
    noDuplicates(obligationIds, [...path, "obligations"]);
    (ruleDecl.obligations ?? []).forEach((o, i) => {
      const at = [...path, "obligations", i];
      if (typeof o === "string") known("obligation", d.obligations, o, at);
      else {
        known("obligation", d.obligations, o.id, [...at, "id"]);
        conditionList(o.unless, [...at, "unless"], question);
      }
    });
  };

  const jurisdiction = (j: string, path: (string | number)[]) => {
    if (!d.jurisdictions.includes(j))
      known("jurisdiction", Object.fromEntries(d.jurisdictions.map((x) => [x, 1])), j, path);
  };
  const checkVariants = (
    variants: Variants | undefined,
    path: (string | number)[],
    question: "use" | "share",
  ) => {
    for (const [j, variant] of Object.entries(variants ?? {})) {
      const at = [...path, "jurisdictions", j];
      jurisdiction(j, at);
      if (!Array.isArray(variant) && "denied" in variant) continue;
      const alternatives = Array.isArray(variant) ? variant : [variant];
      alternatives.forEach((alternative, i) => {
        const where = Array.isArray(variant) ? [...at, i] : at;
        if (alternative.basis !== undefined)
          known("lawful basis", d.bases, alternative.basis, [...where, "basis"]);
        checkRule(alternative, where, question);
      });
    }
  };
  // GDPR Art. 6(3): a legal obligation binds where its law does; elsewhere a variant must decide.
  const checkLaw = (
    actor: Actor,
    rules: Record<string, Rule>,
    path: string[],
    question: "use" | "share",
  ) => {
    checkVariants(actor.jurisdictions, path, question);
    for (const j of actor.law?.binds ?? []) jurisdiction(j, [...path, "law", "binds"]);
    noDuplicates(actor.law?.binds, [...path, "law", "binds"]);
    if (!has(d.bases, actor.basis) || !d.bases[actor.basis]?.requiresLaw) return;
    if (!actor.law) {
      report(
        [...path, "law"],
        `basis "${actor.basis}" exists only where a law lays it down: name the law and the jurisdictions it binds`,
      );
      return;
    }
    for (const j of d.jurisdictions) {
      if (actor.law.binds.includes(j)) continue;
      const undecided = Object.keys(rules).filter((category) => {
        const own = rules[category]?.jurisdictions;
        return !(own && has(own, j)) && !(actor.jurisdictions && has(actor.jurisdictions, j));
      });
      if (undecided.length > 0) {
        report(
          [...path, "jurisdictions", j],
          `${actor.law.name} binds ${actor.law.binds.join(", ")}, not ${j}: say how ${j} decides ${undecided.join(", ")} (another basis, or denied)`,
        );
      }
    }
  };

  noDuplicates(d.jurisdictions, ["jurisdictions"]);

  for (const [name, field] of Object.entries(d.contextFields)) {
    if (name === "jurisdiction")
      report(["contextFields", name], "jurisdiction is implicit: it comes from `jurisdictions`");
    noDuplicates(field.appliesTo, ["contextFields", name, "appliesTo"]);
    if (field.kind === "choice") {
      noDuplicates(field.values, ["contextFields", name, "values"]);
      if (!field.values.includes(field.default)) {
        report(
          ["contextFields", name, "default"],
          `default "${field.default}" is not one of ${field.values.join(", ")}`,
        );
      }
      for (const flag of ["true", "false"] as const) {
        const value = field.flagValues?.[flag];
        if (value !== undefined && !field.values.includes(value)) {
          report(
            ["contextFields", name, "flagValues", flag],
            `"${value}" is not one of ${field.values.join(", ")}`,
          );
        }
      }
    }
  }

  for (const [name, condition] of Object.entries(d.conditions)) {
    const path = ["conditions", name];
    if (condition.oneOf !== undefined) {
      const field = has(d.contextFields, condition.field)
        ? d.contextFields[condition.field]
        : undefined;
      if (condition.equals !== undefined)
        report(path, "a condition takes either `equals` or `oneOf`, not both");
      if (field?.kind !== "choice") {
        report([...path, "oneOf"], "`oneOf` needs a choice field");
        continue;
      }
      noDuplicates(condition.oneOf, [...path, "oneOf"]);
      for (const value of condition.oneOf) {
        if (!field.values.includes(value))
          report([...path, "oneOf"], `"${condition.field}" is one of ${field.values.join(", ")}`);
      }
      continue;
    }
    if (condition.field === "jurisdiction") {
      if (typeof condition.equals !== "string" || !d.jurisdictions.includes(condition.equals)) {
        report(
          [...path, "equals"],
          `a jurisdiction condition equals one of ${d.jurisdictions.join(", ")}`,
        );
      }
      continue;
    }
    const field = d.contextFields[condition.field];
    if (!field || !has(d.contextFields, condition.field)) {
      known("context field", d.contextFields, condition.field, [...path, "field"]);
      continue;
    }
    const equals = condition.equals ?? true;
    if (field.kind === "flag" && typeof equals !== "boolean") {
      report([...path, "equals"], `"${condition.field}" is a flag: equals must be true or false`);
    }
    if (field.kind === "choice" && (typeof equals !== "string" || !field.values.includes(equals))) {
      report([...path, "equals"], `"${condition.field}" is one of ${field.values.join(", ")}`);
    }
  }

  for (const [name, purpose] of Object.entries(d.purposes)) {
    known("lawful basis", d.bases, purpose.basis, ["purposes", name, "basis"]);
    for (const [category, ruleDecl] of Object.entries(purpose.uses)) {
      known("data category", d.categories, category, ["purposes", name, "uses", category]);
      checkRule(ruleDecl, ["purposes", name, "uses", category], "use");
      checkVariants(ruleDecl.jurisdictions, ["purposes", name, "uses", category], "use");
    }
    checkLaw(purpose, purpose.uses, ["purposes", name], "use");
  }

  for (const [name, recipient] of Object.entries(d.recipients)) {
    known("lawful basis", d.bases, recipient.basis, ["recipients", name, "basis"]);
    for (const [category, ruleDecl] of Object.entries(recipient.receives)) {
      known("data category", d.categories, category, ["recipients", name, "receives", category]);
      checkRule(ruleDecl, ["recipients", name, "receives", category], "share");
      checkVariants(ruleDecl.jurisdictions, ["recipients", name, "receives", category], "share");
    }
    checkLaw(recipient, recipient.receives, ["recipients", name], "share");
  }

  for (const [name, prohibition] of Object.entries(d.prohibitions)) {
    const path = ["prohibitions", name];
    conditionList(prohibition.when, [...path, "when"], prohibition.share ? "share" : "use");
    if (!prohibition.use === !prohibition.share)
      report(path, "a prohibition forbids either `use` or `share`");
    const lists: [string, object, readonly string[] | undefined][] = [
      ["purpose", d.purposes, prohibition.use?.purposes],
      ["data category", d.categories, prohibition.use?.categories ?? prohibition.share?.categories],
      ["recipient", d.recipients, prohibition.share?.recipients],
    ];
    for (const [kind, record, list] of lists) {
      noDuplicates(list, path);
      for (const item of list ?? []) known(kind, record, item, path);
    }
  }

  for (const category of Object.keys(d.categories)) {
    const rules = d.retention[category];
    if (!rules || !has(d.retention, category)) {
      report(["retention", category], `data category "${category}" has no retention rule`);
      continue;
    }
    for (const jurisdiction of d.jurisdictions) {
      if (!has(rules, jurisdiction)) {
        report(
          ["retention", category, jurisdiction],
          `no retention rule for "${category}" in "${jurisdiction}"`,
        );
      }
    }
  }
  for (const [category, rules] of Object.entries(d.retention)) {
    known("data category", d.categories, category, ["retention", category]);
    for (const [jurisdiction, r] of Object.entries(rules)) {
      const path = ["retention", category, jurisdiction];
      if (!d.jurisdictions.includes(jurisdiction))
        known(
          "jurisdiction",
          Object.fromEntries(d.jurisdictions.map((j) => [j, 1])),
          jurisdiction,
          path,
        );
      known("lawful basis", d.bases, r.basis, [...path, "basis"]);
      if (r.minimum && !isAtLeast(r.period, r.minimum)) {
        report(
          [...path, "period"],
          `${formatPeriod(r.period)} is shorter than the legal minimum of ${formatPeriod(r.minimum)}`,
        );
      }
      if (r.maximum && !isAtLeast(r.maximum, r.period)) {
        report(
          [...path, "period"],
          `${formatPeriod(r.period)} is longer than the maximum of ${formatPeriod(r.maximum)}`,
        );
      }
    }
  }
  return issues;
}
