import type { PolicyDeclaration, RuleDeclaration } from "../declaration";
import type { PolicyDefinitionIssue } from "../PolicyDefinitionError";
import { type FieldSpec, fieldSpecs, type Question } from "./context";
import { type Actor, hasVariants, variantConditionIds } from "./jurisdictionRules";
import { questionText } from "./questionText";

/**
 * The most context combinations one pair's decision table may hold: 2^12 = 4096 cells, i.e.
 * twelve independent flags (or fewer fields with more values). Every cell asked about becomes a
 * frozen decision of a few hundred bytes, kept for the next call, so a pair stays within about a
 * megabyte; each further flag doubles that, and past about 2^20 a long-running service would
 * hold gigabytes of decisions.
 */
export const MAX_PAIR_CELLS = 4096;

const listed = (list: readonly string[] | undefined, id: string) =>
  list === undefined || list.includes(id);

const actorOf = (policy: PolicyDeclaration, question: Question, actorId: string): Actor =>
  (question === "use" ? policy.purposes[actorId] : policy.recipients[actorId]) as Actor;

/**
 * The condition ids one pair reads: its rule's, its variants', its obligations' and its
 * prohibitions'.
 */
export function pairConditionIds(
  policy: PolicyDeclaration,
  question: Question,
  actorId: string,
  categoryId: string,
  rule: RuleDeclaration | undefined,
): string[] {
  const ids = new Set<string>();
  if (rule)
    for (const id of variantConditionIds(actorOf(policy, question, actorId), rule)) ids.add(id);
  for (const id of rule?.when ?? []) ids.add(id);
  for (const id of rule?.unless ?? []) ids.add(id);
  for (const o of rule?.obligations ?? [])
    if (typeof o !== "string") for (const id of o.unless ?? []) ids.add(id);
  for (const p of Object.values(policy.prohibitions)) {
    const matches =
      question === "use"
        ? p.use !== undefined &&
          listed(p.use.purposes, actorId) &&
          listed(p.use.categories, categoryId)
        : p.share !== undefined &&
          listed(p.share.categories, categoryId) &&
          listed(p.share.recipients, actorId);
    if (matches) for (const id of p.when ?? []) ids.add(id);
  }
  return [...ids];
}

/** The names of the fields a pair with this rule reads: its conditions', and the jurisdiction. */
function fieldNames(
  policy: PolicyDeclaration,
  question: Question,
  actorId: string,
  categoryId: string,
  rule: RuleDeclaration | undefined,
): Set<string> {
  const names = new Set<string>();
  if (hasVariants(actorOf(policy, question, actorId), rule)) names.add("jurisdiction");
  for (const id of pairConditionIds(policy, question, actorId, categoryId, rule)) {
    const field = Object.hasOwn(policy.conditions, id) ? policy.conditions[id]?.field : undefined;
    if (field !== undefined) names.add(field);
  }
  return names;
}

/**
 * The fields one pair's decision depends on, in the order of `specs`: those its conditions read,
 * and `jurisdiction` where its rule differs by jurisdiction.
 */
export function pairFields(
  policy: PolicyDeclaration,
  question: Question,
  actorId: string,
  categoryId: string,
  rule: RuleDeclaration | undefined,
  specs: readonly FieldSpec[],
): FieldSpec[] {
  const names = fieldNames(policy, question, actorId, categoryId, rule);
  return specs.filter((s) => names.has(s.name));
}

/**
 * The names of the context fields one pair's decision reads: those the conditions of its rule,
 * its jurisdiction variants, its obligations and the prohibitions matching it read, and
 * `jurisdiction` where its rule differs by jurisdiction. Any other field leaves the answer as
 * it is. A purpose or recipient the policy does not declare has no rule; its prohibitions count.
 *
 * @example
 * pairFieldNames(policy, "use", "newsletter", "order"); // ["consent", "channel"]: its when and unless
 */
export function pairFieldNames(
  policy: PolicyDeclaration,
  question: Question,
  actorId: string,
  categoryId: string,
): string[] {
  const actors = question === "use" ? policy.purposes : policy.recipients;
  const actor = Object.hasOwn(actors, actorId) ? actors[actorId] : undefined;
  const rules = actor === undefined ? undefined : "uses" in actor ? actor.uses : actor.receives;
  const rule =
    rules !== undefined && Object.hasOwn(rules, categoryId) ? rules[categoryId] : undefined;
  return [...fieldNames(policy, question, actorId, categoryId, rule)];
}

/** Every pair whose decision table would exceed {@link MAX_PAIR_CELLS}, as definition issues. */
export function tableSizeIssues(policy: PolicyDeclaration): PolicyDefinitionIssue[] {
  const issues: PolicyDefinitionIssue[] = [];
  const check = (
    question: Question,
    actorId: string,
    categoryId: string,
    rule: RuleDeclaration | undefined,
    path: string,
    describe: string,
  ) => {
    const fields = pairFields(
      policy,
      question,
      actorId,
      categoryId,
      rule,
      fieldSpecs(policy, question),
    );
    const cells = fields.reduce((n, f) => n * f.slots, 1);
    if (cells > MAX_PAIR_CELLS) {
      issues.push({
        path,
        message: `${describe} reads ${fields.length} context fields (${fields.map((f) => f.name).join(", ")}) with ${cells} combinations; a pair may read at most ${MAX_PAIR_CELLS} combinations`,
      });
    }
  };
  for (const [purposeId, purpose] of Object.entries(policy.purposes)) {
    for (const categoryId of Object.keys(policy.categories)) {
      const rule = Object.hasOwn(purpose.uses, categoryId) ? purpose.uses[categoryId] : undefined;
      const path = rule ? `purposes.${purposeId}.uses.${categoryId}` : "prohibitions";
      check("use", purposeId, categoryId, rule, path, questionText("use", purposeId, categoryId));
    }
  }
  for (const categoryId of Object.keys(policy.categories)) {
    for (const [recipientId, recipient] of Object.entries(policy.recipients)) {
      const rule = Object.hasOwn(recipient.receives, categoryId)
        ? recipient.receives[categoryId]
        : undefined;
      const path = rule ? `recipients.${recipientId}.receives.${categoryId}` : "prohibitions";
      check(
        "share",
        recipientId,
        categoryId,
        rule,
        path,
        questionText("share", recipientId, categoryId),
      );
    }
  }
  return issues;
}
