import { AbilityBuilder, createMongoAbility, subject } from "@casl/ability";
import { preparsePolicySet, statefulIsAuthorized } from "@cedar-policy/cedar-wasm/nodejs";
import { AccessControl } from "accesscontrol";
import { newEnforcer, newModel } from "casbin";
import { type Condition, fullContext, type Question, type Rules, rulesOf } from "./declaration";
import type { PairQuestion } from "./questions";

// The libraries a team would otherwise pick, each given rules derived from the declaration and
// asked the same questions. A peer answers 1 (allowed) or 0 from a prepared item; preparing
// (filling in defaults, building request objects) happens once, outside the timed loop.

export interface Peer<Item> {
  readonly prepare: (question: PairQuestion) => Item;
  readonly ask: (item: Item) => number;
}

const split = (question: Question, q: PairQuestion) =>
  question === "use"
    ? { subject: q[0], category: q[1], context: q[2] }
    : { subject: q[1], category: q[0], context: q[2] };

/** Every (subject, category) a ban names, lists left open meaning all. */
const banPairs = (rules: Rules) =>
  rules.bans.flatMap((b) =>
    (b.subjects ?? rules.subjects).flatMap((s) =>
      (b.categories ?? rules.categories).map((c) => ({ subject: s, category: c, when: b.when })),
    ),
  );

const mongo = (when: readonly Condition[]) =>
  Object.fromEntries(
    when.map((c) => [c.field, c.values.length === 1 ? c.values[0] : { $in: c.values }]),
  );

/** CASL: the action is the purpose or recipient, the subject type the category, conditions mongo queries. */
export function caslPeer(question: Question): Peer<[string, object]> {
  const rules = rulesOf(question);
  const { can, cannot, build } = new AbilityBuilder(createMongoAbility);
  for (const g of rules.grants) {
    if (g.when.length === 0) can(g.subject, g.category);
    else can(g.subject, g.category, mongo(g.when));
  }
  for (const b of banPairs(rules)) {
    if (b.when.length === 0) cannot(b.subject, b.category);
    else cannot(b.subject, b.category, mongo(b.when));
  }
  const ability = build();
  return {
    prepare: (q) => {
      const { subject: s, category, context } = split(question, q);
      return [s, subject(category, { ...fullContext(rules, context) })];
    },
    ask: (item) => (ability.can(item[0], item[1]) ? 1 : 0),
  };
}

const cedarValue = (v: string | boolean) => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** The Cedar policies for the declaration: one permit per grant, one forbid per ban. */
export function cedarPolicies(question: Question): string {
  const rules = rulesOf(question);
  const principal = question === "use" ? "Purpose" : "Recipient";
  const when = (conds: readonly Condition[]) =>
    conds.length === 0
      ? ""
      : ` when { ${conds.map((c) => `(${c.values.map((v) => `context.${c.field} == ${cedarValue(v)}`).join(" || ")})`).join(" && ")} }`;
  const lines = rules.grants.map(
    (g) =>
      `permit (principal == ${principal}::${JSON.stringify(g.subject)}, action == Action::"${question}", resource == Category::${JSON.stringify(g.category)})${when(g.when)};`,
  );
  for (const b of rules.bans) {
    const subjects = b.subjects ?? [null];
    const categories = b.categories ?? [null];
    for (const s of subjects) {
      for (const c of categories) {
        const p = s === null ? "principal" : `principal == ${principal}::${JSON.stringify(s)}`;
        const r = c === null ? "resource" : `resource == Category::${JSON.stringify(c)}`;
        lines.push(`forbid (${p}, action == Action::"${question}", ${r})${when(b.when)};`);
      }
    }
  }
  return lines.join("\n");
}

type CedarCall = Parameters<typeof statefulIsAuthorized>[0];

/** Cedar (WebAssembly), the policy set parsed once and cached by id. */
export function cedarPeer(question: Question): Peer<CedarCall> {
  const rules = rulesOf(question);
  const id = `trunkiq-${question}`;
  const parsed = preparsePolicySet(id, { staticPolicies: cedarPolicies(question) });
  if (parsed.type !== "success") throw new Error(`cedar: ${JSON.stringify(parsed.errors)}`);
  const principal = question === "use" ? "Purpose" : "Recipient";
  return {
    prepare: (q) => {
      const { subject: s, category, context } = split(question, q);
      return {
        principal: { type: principal, id: s },
        action: { type: "Action", id: question },
        resource: { type: "Category", id: category },
        context: fullContext(rules, context),
        preparsedPolicySetId: id,
        entities: [],
      };
    },
    ask: (call) => {
      const answer = statefulIsAuthorized(call);
      return answer.type === "success" && answer.response.decision === "allow" ? 1 : 0;
    },
  };
}

const casbinModel = `
[request_definition]
r = sub, obj, ctx

[policy_definition]
p = sub, obj, cond, eft

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = r.sub == p.sub && r.obj == p.obj && eval(p.cond)
`;

/** casbin: ABAC through `eval` of a condition per policy line, deny lines for the bans. */
export async function casbinPeer(question: Question): Promise<Peer<[string, string, object]>> {
  const rules = rulesOf(question);
  const enforcer = await newEnforcer(newModel(casbinModel));
  const cond = (when: readonly Condition[]) =>
    when.length === 0
      ? "true"
      : when
          .map(
            (c) =>
              `(${c.values.map((v) => `r.ctx.${c.field} == ${typeof v === "string" ? `'${v}'` : v}`).join(" || ")})`,
          )
          .join(" && ");
  await enforcer.addPolicies(
    rules.grants.map((g) => [g.subject, g.category, cond(g.when), "allow"]),
  );
  await enforcer.addPolicies(
    banPairs(rules).map((b) => [b.subject, b.category, cond(b.when), "deny"]),
  );
  return {
    prepare: (q) => {
      const { subject: s, category, context } = split(question, q);
      return [s, category, fullContext(rules, context)];
    },
    ask: (item) => (enforcer.enforceSync(item[0], item[1], item[2]) ? 1 : 0),
  };
}

const acTest = (c: Condition) =>
  c.values.length === 1 ? [`$.${c.field}`, "==", c.values[0]] : [`$.${c.field}`, "in", c.values];
const acWhere = (when: readonly Condition[]) =>
  when.length === 1 ? acTest(when[0] as Condition) : { and: when.map(acTest) };

/** accesscontrol: a role per purpose or recipient, an action on the category, `.where` conditions. */
export function accessControlPeer(question: Question): Peer<[string, string, object]> {
  const rules = rulesOf(question);
  const ac = new AccessControl();
  for (const s of rules.subjects) ac.grant(s);
  for (const g of rules.grants) {
    const role = ac.grant(g.subject);
    (g.when.length === 0 ? role : role.where(acWhere(g.when) as never)).action(
      question,
      g.category,
    );
  }
  for (const b of banPairs(rules)) {
    const role = ac.deny(b.subject);
    (b.when.length === 0 ? role : role.where(acWhere(b.when) as never)).action(
      question,
      b.category,
    );
  }
  return {
    prepare: (q) => {
      const { subject: s, category, context } = split(question, q);
      return [s, category, fullContext(rules, context)];
    },
    ask: (item) => (ac.can(item[0]).with(item[2]).do(question, item[1]).granted ? 1 : 0),
  };
}
