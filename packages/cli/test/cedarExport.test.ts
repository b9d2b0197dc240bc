import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  isAuthorized,
  preparsePolicySet,
  preparseSchema,
  statefulIsAuthorized,
  validate,
} from "@cedar-policy/cedar-wasm/nodejs";
import { createGuards, type PolicyDeclaration } from "@trunkiq/policy-core";
import { createTrunkiqGuards, policy } from "@trunkiq/privacy-policy";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { type CedarExport, CedarExportError, cedarExport } from "../src/cedar/cedarExport";
import { CEDAR_FILES } from "../src/commands/export";
import { runCli, tempDir } from "./support/runCli";

type Question = "use" | "share";
type Value = string | boolean;
type Context = Record<string, Value>;

/** The declaration as the test reads it: plain data, whichever policy it is. */
interface Declaration {
  readonly jurisdictions: readonly string[];
  readonly categories: object;
  readonly purposes: Record<string, { uses: Record<string, Rule | undefined> }>;
  readonly recipients: Record<string, { receives: Record<string, Rule | undefined> }>;
  readonly contextFields: Record<
    string,
    { kind: "flag" | "choice"; appliesTo: readonly string[]; values?: readonly string[] }
  >;
  readonly conditions: Record<string, { field: string }>;
  readonly prohibitions: Record<
    string,
    {
      when?: readonly string[];
      use?: { purposes?: readonly string[]; categories?: readonly string[] };
      share?: { recipients?: readonly string[]; categories?: readonly string[] };
    }
  >;
}
interface Rule {
  readonly when?: readonly string[];
  readonly unless?: readonly string[];
}

/** What the test reads of a decision. */
interface Answer {
  readonly allowed: boolean;
  readonly obligations?: readonly { readonly id: string }[];
}

interface Subject {
  readonly name: string;
  readonly declaration: Declaration;
  readonly exported: CedarExport;
  readonly canUse: (purpose: string, category: string, context: Context) => Answer;
  readonly canShare: (category: string, recipient: string, context: Context) => Answer;
}

const subject = (name: string, declaration: PolicyDeclaration, guards: object): Subject => {
  const g = guards as Pick<Subject, "canUse" | "canShare">;
  return {
    name,
    declaration: declaration as unknown as Declaration,
    exported: cedarExport(declaration),
    canUse: g.canUse,
    canShare: g.canShare,
  };
};

const SUBJECTS: readonly Subject[] = [
  subject("the TrunkIQ policy", policy, createTrunkiqGuards()),
  // A small policy with `unless`, choice conditions and lifted obligations the TrunkIQ one lacks.
  subject("the example policy", examplePolicy, createGuards(examplePolicy)),
];
const NS = "TrunkIQ";

/** The fields a question reads, with every value each accepts: the finite context space. */
function axes(d: Declaration, question: Question): [string, readonly Value[]][] {
  const list: [string, readonly Value[]][] = [];
  for (const [name, field] of Object.entries(d.contextFields)) {
    if (!field.appliesTo.includes(question)) continue;
    list.push([name, field.kind === "flag" ? [false, true] : (field.values ?? [])]);
  }
  list.push(["jurisdiction", d.jurisdictions]);
  return list;
}

/**
 * The fields the declaration reads for one pair: the conditions of its rule and of every
 * prohibition that matches it, and the jurisdiction. The property test below varies the others.
 */
function fieldsRead(d: Declaration, question: Question, actor: string, category: string) {
  const rule =
    question === "use"
      ? d.purposes[actor]?.uses[category]
      : d.recipients[actor]?.receives[category];
  const conditions = [...(rule?.when ?? []), ...(rule?.unless ?? [])];
  for (const prohibition of Object.values(d.prohibitions)) {
    const actors = question === "use" ? prohibition.use?.purposes : prohibition.share?.recipients;
    const scope = question === "use" ? prohibition.use : prohibition.share;
    if (!scope) continue;
    if (actors && !actors.includes(actor)) continue;
    if (scope.categories && !scope.categories.includes(category)) continue;
    conditions.push(...(prohibition.when ?? []));
  }
  const fields = new Set(conditions.map((id) => d.conditions[id]?.field as string));
  fields.add("jurisdiction");
  return fields;
}

/** Every combination of the values of the fields a pair reads; the others are left out. */
function everyContext(d: Declaration, question: Question, actor: string, category: string) {
  const read = fieldsRead(d, question, actor, category);
  return axes(d, question)
    .filter(([name]) => read.has(name))
    .reduce<Context[]>(
      (contexts, [name, values]) =>
        contexts.flatMap((c) => values.map((v) => ({ ...c, [name]: v }))),
      [{}],
    );
}

const pairs = (d: Declaration, question: Question): [string, string][] =>
  Object.keys(question === "use" ? d.purposes : d.recipients).flatMap((actor) =>
    Object.keys(d.categories).map((c): [string, string] => [actor, c]),
  );

const ourAnswer = (s: Subject, question: Question, actor: string, category: string, c: Context) =>
  question === "use"
    ? s.canUse(actor, category, c).allowed
    : s.canShare(category, actor, c).allowed;

const cedarAnswer = (
  s: Subject,
  question: Question,
  actor: string,
  category: string,
  c: Context,
) => {
  const answer = statefulIsAuthorized({
    principal: { type: `${NS}::${question === "use" ? "Purpose" : "Recipient"}`, id: actor },
    action: { type: `${NS}::Action`, id: question },
    resource: { type: `${NS}::Category`, id: category },
    context: c,
    preparsedPolicySetId: s.name,
    preparsedSchemaName: s.name,
    validateRequest: true,
    entities: [],
  });
  if (answer.type !== "success") return false;
  return answer.response.decision === "allow";
};

beforeAll(() => {
  for (const s of SUBJECTS) {
    expect(preparsePolicySet(s.name, { staticPolicies: s.exported.policiesById }).type).toBe(
      "success",
    );
    expect(preparseSchema(s.name, s.exported.schema).type).toBe("success");
  }
});

const exported = (SUBJECTS[0] as Subject).exported;
const trunkiq = SUBJECTS[0] as Subject;

describe.each(SUBJECTS)("Cedar export of $name", (s) => {
  const d = s.declaration;

  it("passes Cedar's strict validator against the exported schema", () => {
    const result = validate({
      schema: s.exported.schema,
      policies: { staticPolicies: s.exported.policiesById },
      validationSettings: { mode: "strict" },
    });
    expect(result).toMatchObject({ type: "success", validationErrors: [], validationWarnings: [] });
  });

  it("parses the policy file as written, with the same policies as the map", () => {
    const ids = [...s.exported.policies.matchAll(/^@id\("([^"]+)"\)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(Object.keys(s.exported.policiesById));
    const [actor, category] = pairs(d, "use")[0] as [string, string];
    const whole = isAuthorized({
      principal: { type: `${NS}::Purpose`, id: actor },
      action: { type: `${NS}::Action`, id: "use" },
      resource: { type: `${NS}::Category`, id: category },
      context: {},
      policies: { staticPolicies: s.exported.policies },
      entities: [],
    });
    expect(whole.type).toBe("success");
  });

  it("annotates every policy with its section and the policy sentence", () => {
    for (const [id, text] of Object.entries(s.exported.policiesById)) {
      expect(text, id).toMatch(/^@section\("§[^"]+"\)$/m);
      expect(text, id).toMatch(/^@text\(".+"\)$/m);
    }
  });

  it.each(["use", "share"] as const)(
    "answers every %s question of the finite space as the guards do",
    (question) => {
      let allowedPairs = 0;
      const differing: string[] = [];
      for (const [actor, category] of pairs(d, question)) {
        let allowedSomewhere = false;
        for (const context of everyContext(d, question, actor, category)) {
          const ours = ourAnswer(s, question, actor, category, context);
          allowedSomewhere ||= ours;
          if (ours !== cedarAnswer(s, question, actor, category, context)) {
            differing.push(`${actor} ${category} ${JSON.stringify(context)}: ours ${ours}`);
          }
        }
        if (allowedSomewhere) allowedPairs++;
      }
      expect(differing).toEqual([]);
      // The space holds both answers, so an export that allowed or denied everything would fail.
      expect(allowedPairs).toBeGreaterThan(0);
      expect(allowedPairs).toBeLessThan(pairs(d, question).length);
    },
    60_000,
  );

  it.each(["use", "share"] as const)(
    "answers %s questions with fields left out, or out of range, as the guards do",
    (question) => {
      const field = fc.oneof(
        ...axes(d, question).map(([name, values]) =>
          fc.tuple(
            fc.constant(name),
            fc.oneof(
              fc.constantFrom(...values),
              fc.constant("no-such-value"),
              fc.constant(undefined),
            ),
          ),
        ),
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...pairs(d, question)),
          fc.array(field, { maxLength: 8 }),
          ([actor, category], entries) => {
            const context: Context = {};
            for (const [name, value] of entries) {
              if (value === undefined) delete context[name];
              else context[name] = value;
            }
            // A flag given a string is refused by both: the guards as invalid input, Cedar by the schema.
            expect(cedarAnswer(s, question, actor, category, context)).toBe(
              ourAnswer(s, question, actor, category, context),
            );
          },
        ),
        { numRuns: 3000 },
      );
    },
    60_000,
  );

  it("refuses unknown ids, as the guards do", () => {
    const [actor, category] = pairs(d, "use")[0] as [string, string];
    expect(cedarAnswer(s, "use", "no-such-purpose", category, {})).toBe(false);
    expect(cedarAnswer(s, "use", actor, "no-such-category", {})).toBe(false);
  });
});

describe("Cedar export: what it cannot express", () => {
  const copy = () => JSON.parse(JSON.stringify(policy));

  it("refuses a rule key outside the mapping, naming its path", () => {
    const changed = copy();
    changed.purposes.marketing.uses.account.onlyIn = ["us"];
    expect(() => cedarExport(changed)).toThrow(CedarExportError);
    expect(() => cedarExport(changed)).toThrow("purposes.marketing.uses.account.onlyIn");
  });

  it("refuses a declaration key outside the mapping, and lists every problem", () => {
    const changed = copy();
    changed.useRules = {};
    changed.prohibitions[Object.keys(changed.prohibitions)[0] as string].unless = [];
    try {
      cedarExport(changed);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CedarExportError);
      expect((error as CedarExportError).problems).toHaveLength(2);
    }
  });
});

describe("Cedar export: the obligations and retention beside it", () => {
  it("lists, for every allowed pair, the obligations the guard attaches in the default context", () => {
    for (const question of ["use", "share"] as const) {
      for (const [actor, category] of pairs(trunkiq.declaration, question)) {
        for (const jurisdiction of policy.jurisdictions) {
          const context = { jurisdiction };
          const decision =
            question === "use"
              ? trunkiq.canUse(actor, category, context)
              : trunkiq.canShare(category, actor, context);
          const rules = exported.sidecar[question][actor]?.[category]?.[jurisdiction];
          if (!decision.allowed) continue;
          const where = `${question} ${actor} ${category} in ${jurisdiction}`;
          // In this context a condition holds when its value is its field's default.
          const holds = (id: string) => {
            const { field, equals } = exported.sidecar.conditions[id] as {
              field: string;
              equals: unknown;
            };
            const declared = policy.contextFields[field as keyof typeof policy.contextFields] as
              | { kind: "flag" }
              | { kind: "choice"; default: string }
              | undefined;
            const value =
              field === "jurisdiction"
                ? jurisdiction
                : declared?.kind === "choice"
                  ? declared.default
                  : false;
            return equals === value;
          };
          expect(rules?.denied, where).toBe(false);
          if (!rules || rules.denied) continue;
          const decides = rules.alternatives.find(
            (a) => a.when.every(holds) && !a.unless.some(holds),
          );
          expect(decides, where).toBeDefined();
          const attached = (decides?.obligations ?? []).filter((o) => !o.liftedWhen.some(holds));
          expect(
            (decision.obligations ?? []).map((o) => o.id),
            where,
          ).toEqual(attached.map((o) => o.id));
        }
      }
    }
  });

  it("carries the retention schedule keyed by category and jurisdiction", () => {
    expect(exported.sidecar.retention).toEqual(policy.retention);
    expect(exported.sidecar.policy).toEqual({ id: policy.id, version: policy.version });
  });
});

describe("export --format cedar", () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it("writes the schema, the policy set and the JSON beside them into the folder", async () => {
    const out = join(dir, "cedar");
    const { code, stderr } = await runCli(["export", "--format", "cedar", "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(readFileSync(join(out, CEDAR_FILES.schema), "utf8")).toBe(exported.schema);
    expect(readFileSync(join(out, CEDAR_FILES.policies), "utf8")).toBe(exported.policies);
    expect(JSON.parse(readFileSync(join(out, CEDAR_FILES.policiesById), "utf8"))).toEqual(
      exported.policiesById,
    );
    expect(JSON.parse(readFileSync(join(out, CEDAR_FILES.sidecar), "utf8"))).toEqual(
      JSON.parse(JSON.stringify(exported.sidecar)),
    );
  });

  it("keeps existing files unless --force is given", async () => {
    const out = join(dir, "again");
    expect((await runCli(["export", "--format", "cedar", "--out", out])).code).toBe(0);
    const second = await runCli(["export", "--format", "cedar", "--out", out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("--force");
    expect((await runCli(["export", "--format", "cedar", "--out", out, "--force"])).code).toBe(0);
  });

  it("refuses before writing anything when one of the files exists", async () => {
    const out = join(dir, "partial");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, CEDAR_FILES.policies), "kept");
    const refused = await runCli(["export", "--format", "cedar", "--out", out]);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(out, CEDAR_FILES.policies), "utf8")).toBe("kept");
    expect(existsSync(join(out, CEDAR_FILES.schema))).toBe(false);
  });

  it("needs a folder: several files cannot go to stdout", async () => {
    const { code, stderr, stdout } = await runCli(["export", "--format", "cedar"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--out");
    expect(existsSync(join(dir, "-"))).toBe(false);
  });

  it("keeps the committed export in docs/cedar in step with the declaration", async () => {
    await expect(exported.schema).toMatchFileSnapshot(`../../../docs/cedar/${CEDAR_FILES.schema}`);
    await expect(exported.policies).toMatchFileSnapshot(
      `../../../docs/cedar/${CEDAR_FILES.policies}`,
    );
    await expect(`${JSON.stringify(exported.policiesById, null, 2)}\n`).toMatchFileSnapshot(
      `../../../docs/cedar/${CEDAR_FILES.policiesById}`,
    );
    await expect(`${JSON.stringify(exported.sidecar, null, 2)}\n`).toMatchFileSnapshot(
      `../../../docs/cedar/${CEDAR_FILES.sidecar}`,
    );
  });
});
