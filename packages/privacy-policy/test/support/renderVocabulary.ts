import type { PolicyDeclaration } from "@trunkiq/policy-core";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const code = (id: string) => `\`${id}\``;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}

/**
 * Renders every id of a declaration, with its section and the sentence it encodes, as Markdown:
 * the page a reader searches for an id.
 *
 * @example
 * writeFileSync("docs/vocabulary.md", renderVocabulary(policy));
 */
export function renderVocabulary(policy: PolicyDeclaration): string {
  const lines = [
    "<!-- Generated from the declaration by packages/privacy-policy/test/vocabulary.test.ts: do not edit by hand. -->",
    `# Vocabulary: ${policy.title}, version ${policy.version}`,
    "",
    "Every identifier the declaration defines, with the section of the policy it comes from and the sentence it encodes. Services, logs and other tools store these ids: they are stable.",
    "",
    `Jurisdictions: ${policy.jurisdictions.map(code).join(", ")}.`,
    "",
    "## Purposes",
    "",
    ...table(
      ["id", "lawful basis", "may use", "§", "policy sentence"],
      Object.entries(policy.purposes).map(([id, p]) => [
        code(id),
        code(p.basis),
        Object.keys(p.uses).map(code).join(", "),
        p.section,
        p.text,
      ]),
    ),
    "",
    "## Data categories",
    "",
    ...table(
      ["id", "§", "policy sentence"],
      Object.entries(policy.categories).map(([id, c]) => [code(id), c.section, c.text]),
    ),
    "",
    "## Recipients",
    "",
    ...table(
      ["id", "lawful basis", "may receive", "§", "policy sentence"],
      Object.entries(policy.recipients).map(([id, r]) => [
        code(id),
        code(r.basis),
        Object.keys(r.receives).map(code).join(", ") || "nothing",
        r.section,
        r.text,
      ]),
    ),
    "",
    "## Lawful bases",
    "",
    ...table(
      ["id", "GDPR", "§", "policy sentence"],
      Object.entries(policy.bases).map(([id, b]) => [code(id), b.gdpr ?? "", b.section, b.text]),
    ),
    "",
    "## Context fields",
    "",
    "What a caller states about a request; a field left out takes its default.",
    "",
    ...table(
      ["field", "asked by", "values (default first)", "meaning"],
      Object.entries(policy.contextFields).map(([name, f]) => [
        code(name),
        f.appliesTo.join(", "),
        f.kind === "flag"
          ? "`false`, `true`"
          : [f.default, ...f.values.filter((v) => v !== f.default)].map((v) => code(v)).join(", ") +
            ("flagValues" in f
              ? `; \`true\` = ${code(f.flagValues.true)}, \`false\` = ${code(f.flagValues.false)}`
              : ""),
        f.description,
      ]),
    ),
    "",
    "## Conditions",
    "",
    ...table(
      ["id", "holds when", "§", "policy sentence"],
      Object.entries(policy.conditions).map(([id, c]) => [
        code(id),
        "oneOf" in c
          ? `${code(c.field)} is one of ${c.oneOf.map((v) => code(JSON.stringify(v))).join(", ")}`
          : `${code(c.field)} = ${code(JSON.stringify("equals" in c ? c.equals : true))}`,
        c.section,
        c.text,
      ]),
    ),
    "",
    "## Obligations",
    "",
    ...table(
      ["id", "§", "what the caller must do"],
      Object.entries(policy.obligations).map(([id, o]) => [code(id), o.section, o.text]),
    ),
    "",
    "## Prohibitions",
    "",
    ...table(
      ["id", "forbids", "§", "policy sentence"],
      Object.entries(policy.prohibitions).map(([id, p]) => [
        code(id),
        prohibitionScope(p),
        p.section,
        p.text,
      ]),
    ),
    "",
    "## Data subject rights",
    "",
    ...table(
      ["id", "GDPR", "§", "policy sentence"],
      Object.entries(policy.rights).map(([id, r]) => [code(id), r.gdpr ?? "", r.section, r.text]),
    ),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

function prohibitionScope(p: PolicyDeclaration["prohibitions"][string]): string {
  const list = (ids: readonly string[] | undefined, all: string) =>
    ids ? ids.map(code).join(", ") : all;
  const when = p.when?.length ? ` when ${p.when.map(code).join(" and ")}` : "";
  if (p.use) {
    return `use of ${list(p.use.categories, "any category")} for ${list(p.use.purposes, "any purpose")}${when}`;
  }
  return `disclosure of ${list(p.share?.categories, "any category")} to ${list(p.share?.recipients, "any recipient")}${when}`;
}
