import type { PolicyDeclaration } from "@trunkiq/policy-core";
import { policy } from "../../src/policy";

// The counts the READMEs state, rendered from the declaration into marked blocks:
// `<!-- declared-counts:<name> -->` … `<!-- /declared-counts:<name> -->`. The drift test
// (test/readmeCounts.test.ts) compares them; `node scripts/readme-counts.mjs` rewrites them.

/** Each README with a marked block, relative to the repository root, and the block it holds. */
export const READMES = {
  "README.md": "summary",
  "packages/privacy-policy/README.md": "table",
} as const;

type Block = (typeof READMES)[keyof typeof READMES];

const count = (record: object) => Object.keys(record).length;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(", ");

function summary(p: PolicyDeclaration): string {
  return [
    `The declaration holds ${plural(count(p.purposes), "purpose", "purposes")},`,
    `${plural(count(p.categories), "data category", "data categories")},`,
    `${plural(count(p.recipients), "recipient", "recipients")},`,
    `${plural(count(p.prohibitions), "prohibition", "prohibitions")} and`,
    `${plural(count(p.rights), "data subject right", "data subject rights")},`,
    `with retention rules for ${plural(p.jurisdictions.length, "jurisdiction", "jurisdictions")} (${list(p.jurisdictions)}).`,
  ].join(" ");
}

function table(p: PolicyDeclaration): string {
  const rows: [string, string, string][] = [
    [
      "purposes and their lawful basis",
      "§3",
      `\`policy.purposes\`: ${plural(count(p.purposes), "purpose", "purposes")}, each with exactly one basis and the categories it may use`,
    ],
    [
      "data categories",
      "§2",
      `\`policy.categories\`: ${plural(count(p.categories), "category", "categories")}`,
    ],
    [
      "recipients",
      "§4",
      `\`policy.recipients\`: ${plural(count(p.recipients), "recipient", "recipients")} and what each may receive, on which conditions`,
    ],
    [
      "prohibitions",
      "§3, §4",
      `\`policy.prohibitions\`: ${plural(count(p.prohibitions), "prohibition", "prohibitions")} (${list(Object.keys(p.prohibitions))}), each overriding any rule it matches`,
    ],
    [
      "retention",
      "§7",
      `\`policy.retention\`: per category and jurisdiction (${list(p.jurisdictions)}), with anchor, period, legal minimum/maximum and the law`,
    ],
    [
      "rights",
      "§9",
      `\`policy.rights\`: ${plural(count(p.rights), "data subject right", "data subject rights")}`,
    ],
  ];
  return [
    "| part | where | what |",
    "| --- | --- | --- |",
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
}

/** The content of one block, rendered from a declaration (the TrunkIQ policy by default). */
export function renderBlock(block: Block, declaration: PolicyDeclaration = policy): string {
  return block === "summary" ? summary(declaration) : table(declaration);
}

const markers = (block: Block) =>
  [`<!-- declared-counts:${block} -->`, `<!-- /declared-counts:${block} -->`] as const;

/** The text between a README's markers of `block`, or `undefined` when it has none. */
export function readBlock(readme: string, block: Block): string | undefined {
  const [start, end] = markers(block);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return readme.slice(from + start.length, to).trim();
}

/** The README with the block between its markers replaced by `content`. */
export function writeBlock(readme: string, block: Block, content: string): string {
  const [start, end] = markers(block);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} … ${end} block`);
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}
