import { Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import type { CliIo } from "../CliIo";
import { printJson, SPREADSHEET_SAFE } from "../internal/output";
import { buildMatrix } from "../internal/permissions";
import { retentionText } from "../internal/retentionText";
import type { PolicyKit } from "../PolicyKit";

/** A Record of Processing Activities as GDPR Art. 30(1)(a)–(g) lists it. */
export interface Ropa {
  readonly policy: { readonly id: string; readonly version: string };
  /** (a) */
  readonly controller: { readonly name: string; readonly address: readonly string[] };
  /** (b) */
  readonly purposes: readonly {
    id: string;
    description: string;
    basis: string;
    gdpr: string | null;
    categories: string[];
    section: string;
  }[];
  /** (c) */
  readonly categories: readonly {
    id: string;
    description: string;
    subjects: string[];
    section: string;
  }[];
  /** (d) */
  readonly recipients: readonly {
    id: string;
    description: string;
    basis: string;
    categories: string[];
    section: string;
  }[];
  /** (e) */
  readonly transfers: {
    readonly description: string;
    readonly safeguards: readonly string[];
    readonly section: string | null;
  };
  /** (f) */
  readonly erasure: readonly {
    category: string;
    jurisdiction: string;
    limit: string;
    basis: string;
    law: string;
    section: string;
  }[];
  /** (g) */
  readonly security: {
    readonly description: string;
    readonly measures: readonly string[];
    readonly section: string | null;
  };
}

const NOT_STATED = "not stated in the policy";

/**
 * Generates the record of processing from the declaration.
 *
 * @category Record of processing
 * @example
 * buildRopa(kit).purposes.map((p) => `${p.id}: ${p.basis}`);
 */
export function buildRopa(kit: PolicyKit): Ropa {
  const { policy } = kit;
  const { controller, transfers, security } = policy.commitments ?? {};
  const m = buildMatrix(policy);
  return {
    policy: m.policy,
    controller: { name: controller?.name ?? NOT_STATED, address: [...(controller?.address ?? [])] },
    purposes: Object.entries(policy.purposes).map(([id, p]) => ({
      id,
      description: p.text,
      basis: p.basis,
      gdpr: policy.bases[p.basis]?.gdpr ?? null,
      categories: m.categories.filter((c) => m.use[id]?.[c]),
      section: p.section,
    })),
    categories: Object.entries(policy.categories).map(([id, c]) => ({
      id,
      description: c.text,
      subjects: [...(c.subjects ?? [])],
      section: c.section,
    })),
    recipients: Object.entries(policy.recipients).map(([id, r]) => ({
      id,
      description: r.text,
      basis: r.basis,
      categories: m.categories.filter((c) => m.share[c]?.[id]),
      section: r.section,
    })),
    transfers: {
      description: transfers?.text ?? NOT_STATED,
      safeguards: [...(transfers?.items ?? [])],
      section: transfers?.section ?? null,
    },
    erasure: Object.entries(policy.retention).flatMap(([category, byJ]) =>
      Object.entries(byJ).map(([jurisdiction, rule]) => ({
        category,
        jurisdiction,
        limit: retentionText(rule),
        basis: rule.basis,
        law: rule.law,
        section: rule.section,
      })),
    ),
    security: {
      description: security?.text ?? NOT_STATED,
      measures: [...(security?.items ?? [])],
      section: security?.section ?? null,
    },
  };
}

/** The record as rows `[article, item, detail, section]`, for CSV. */
function ropaRows(r: Ropa): string[][] {
  const rows: string[][] = [["article", "item", "detail", "section"]];
  rows.push([
    "30(1)(a)",
    "controller",
    [r.controller.name, ...r.controller.address].join(", "),
    "",
  ]);
  for (const p of r.purposes) {
    rows.push([
      "30(1)(b)",
      p.id,
      `${p.description}; basis ${p.basis}${p.gdpr ? ` (${p.gdpr})` : ""}; data: ${p.categories.join(", ") || "none"}`,
      p.section,
    ]);
  }
  for (const c of r.categories) {
    rows.push([
      "30(1)(c)",
      c.id,
      `${c.description}; subjects: ${c.subjects.join(", ") || "not stated"}`,
      c.section,
    ]);
  }
  for (const x of r.recipients) {
    rows.push([
      "30(1)(d)",
      x.id,
      `${x.description}; receives: ${x.categories.join(", ") || "nothing"}`,
      x.section,
    ]);
  }
  rows.push([
    "30(1)(e)",
    "transfers",
    `${r.transfers.description}; safeguards: ${r.transfers.safeguards.join(", ") || "not stated"}`,
    r.transfers.section ?? "",
  ]);
  for (const e of r.erasure) {
    rows.push(["30(1)(f)", `${e.category} (${e.jurisdiction})`, `${e.limit}; ${e.law}`, e.section]);
  }
  rows.push([
    "30(1)(g)",
    "security",
    `${r.security.description}; measures: ${r.security.measures.join(", ") || "not stated"}`,
    r.security.section ?? "",
  ]);
  return rows;
}

function ropaMarkdown(r: Ropa, title: string): string {
  const cite = (s: string | null) => (s ? ` (${s})` : "");
  const out = [
    `# Record of Processing Activities`,
    "",
    `Generated from ${title}, ${r.policy.id}@${r.policy.version} (GDPR Art. 30(1)).`,
    "",
    "## (a) Controller",
    "",
    [r.controller.name, ...r.controller.address].join("  \n"),
    "",
    "## (b) Purposes of the processing",
    "",
    "| purpose | description | lawful basis | data categories | section |",
    "| --- | --- | --- | --- | --- |",
    ...r.purposes.map(
      (p) =>
        `| ${p.id} | ${p.description} | ${p.basis}${p.gdpr ? ` (${p.gdpr})` : ""} | ${p.categories.join(", ") || "—"} | ${p.section} |`,
    ),
    "",
    "## (c) Categories of personal data and of data subjects",
    "",
    "| category | description | data subjects | section |",
    "| --- | --- | --- | --- |",
    ...r.categories.map(
      (c) => `| ${c.id} | ${c.description} | ${c.subjects.join(", ") || "—"} | ${c.section} |`,
    ),
    "",
    "## (d) Categories of recipients",
    "",
    "| recipient | description | basis | data categories | section |",
    "| --- | --- | --- | --- | --- |",
    ...r.recipients.map(
      (x) =>
        `| ${x.id} | ${x.description} | ${x.basis} | ${x.categories.join(", ") || "—"} | ${x.section} |`,
    ),
    "",
    "## (e) Transfers to third countries",
    "",
    `${r.transfers.description}${cite(r.transfers.section)}`,
    ...r.transfers.safeguards.map((s) => `- ${s}`),
    "",
    "## (f) Time limits for erasure",
    "",
    "| category | jurisdiction | time limit | law | section |",
    "| --- | --- | --- | --- | --- |",
    ...r.erasure.map(
      (e) => `| ${e.category} | ${e.jurisdiction} | ${e.limit} | ${e.law} | ${e.section} |`,
    ),
    "",
    "## (g) Technical and organisational security measures",
    "",
    `${r.security.description}${cite(r.security.section)}`,
    ...r.security.measures.map((s) => `- ${s}`),
  ];
  return `${out.join("\n")}\n`;
}

/** `ropa [--format markdown|csv|json]`. */
export function ropaCommand(program: Command, kit: PolicyKit, io: CliIo): void {
  program.addCommand(
    new Command("ropa")
      .description(
        "print the Record of Processing Activities (GDPR Art. 30(1)(a)–(g)) generated from the declaration",
      )
      .addOption(
        new Option("--format <format>", "output format")
          .choices(["markdown", "csv", "json"])
          .default("markdown"),
      )
      .option("--json", "same as --format json")
      .addHelpText(
        "after",
        "\nExit codes: 0 printed, 2 bad input.\nExample: trunkiq-policy ropa --format csv > ropa.csv",
      )
      .action((opts: { format: string; json?: boolean }) => {
        const r = buildRopa(kit);
        const format = opts.json ? "json" : opts.format;
        if (format === "json") printJson(r, io.stdout);
        else if (format === "csv") io.stdout.write(stringify(ropaRows(r), SPREADSHEET_SAFE));
        else io.stdout.write(ropaMarkdown(r, kit.policy.title));
      }),
  );
}
