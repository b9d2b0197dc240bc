import { Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import type { CliIo } from "../CliIo";
import { printJson, SPREADSHEET_SAFE } from "../internal/output";
import { buildMatrix } from "../internal/permissions";
import { retentionText } from "../internal/retentionText";
import type { PolicyKit } from "../PolicyKit";

/** One category the policy's owner processes on its customers' behalf (GDPR Art. 30(2)(b)). */
export interface ProcessorActivity {
  readonly category: string;
  readonly description: string;
  readonly subjects: readonly string[];
  /** The processing carried out on the customer's behalf: the purposes that may use the data. */
  readonly processing: readonly string[];
  /** Who may receive it, sub-processors and authorities included. */
  readonly recipients: readonly string[];
  /** How long it is kept, per jurisdiction. */
  readonly erasure: readonly { jurisdiction: string; limit: string; law: string }[];
  readonly section: string;
}

/**
 * A Record of Processing Activities: the owner's record as controller (GDPR Art. 30(1)(a)–(g)),
 * and apart from it the record of what it processes as processor for its customers (Art. 30(2)).
 */
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
  /** Art. 30(2): the categories declared with `role: "processor"`; none when there are none. */
  readonly processor: {
    /** (a) the processor and the controllers it acts for */
    readonly name: string;
    readonly controllers: string;
    readonly controllersSection: string | null;
    /** (b) */
    readonly activities: readonly ProcessorActivity[];
    /** (c) and (d) are the same commitments as the controller's (e) and (g). */
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
  const { controller, transfers, security, roles } = policy.commitments ?? {};
  const m = buildMatrix(policy);
  // Data processed for customers is theirs, not a purpose of the owner's (GDPR Art. 28(10)).
  const processed = new Set(
    Object.entries(policy.categories)
      .filter(([, c]) => c.role === "processor")
      .map(([id]) => id),
  );
  const own = m.categories.filter((c) => !processed.has(c));
  const erasureOf = (category: string) =>
    Object.entries(policy.retention[category] ?? {}).map(([jurisdiction, rule]) => ({
      jurisdiction,
      limit: retentionText(rule),
      basis: rule.basis,
      law: rule.law,
      section: rule.section,
    }));
  return {
    policy: m.policy,
    controller: { name: controller?.name ?? NOT_STATED, address: [...(controller?.address ?? [])] },
    purposes: Object.entries(policy.purposes)
      .map(([id, p]) => ({
        id,
        description: p.text,
        basis: p.basis,
        gdpr: policy.bases[p.basis]?.gdpr ?? null,
        categories: own.filter((c) => m.use[id]?.[c]),
        section: p.section,
        processorOnly: m.categories.some((c) => m.use[id]?.[c]) && !own.some((c) => m.use[id]?.[c]),
      }))
      .filter((p) => !p.processorOnly)
      .map(({ processorOnly: _, ...p }) => p),
    categories: Object.entries(policy.categories)
      .filter(([id]) => !processed.has(id))
      .map(([id, c]) => ({
        id,
        description: c.text,
        subjects: [...(c.subjects ?? [])],
        section: c.section,
      })),
    recipients: Object.entries(policy.recipients).map(([id, r]) => ({
      id,
      description: r.text,
      basis: r.basis,
      categories: own.filter((c) => m.share[c]?.[id]),
      section: r.section,
    })),
    transfers: {
      description: transfers?.text ?? NOT_STATED,
      safeguards: [...(transfers?.items ?? [])],
      section: transfers?.section ?? null,
    },
    erasure: Object.keys(policy.retention)
      .filter((category) => !processed.has(category))
      .flatMap((category) => erasureOf(category).map((e) => ({ category, ...e }))),
    security: {
      description: security?.text ?? NOT_STATED,
      measures: [...(security?.items ?? [])],
      section: security?.section ?? null,
    },
    processor: {
      name: controller?.name ?? NOT_STATED,
      controllers: roles?.text ?? NOT_STATED,
      controllersSection: roles?.section ?? null,
      activities: [...processed].map((category) => {
        const c = policy.categories[category];
        return {
          category,
          description: c?.text ?? "",
          subjects: [...(c?.subjects ?? [])],
          processing: m.purposes.filter((p) => m.use[p]?.[category]),
          recipients: m.recipients.filter((r) => m.share[category]?.[r]),
          erasure: erasureOf(category).map(({ jurisdiction, limit, law }) => ({
            jurisdiction,
            limit,
            law,
          })),
          section: c?.section ?? "",
        };
      }),
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
  if (r.processor.activities.length === 0) return rows;
  rows.push([
    "30(2)(a)",
    "processor",
    `${r.processor.name}; controllers: ${r.processor.controllers}`,
    r.processor.controllersSection ?? "",
  ]);
  for (const a of r.processor.activities) {
    rows.push(["30(2)(b)", a.category, activityText(a), a.section]);
  }
  rows.push([
    "30(2)(c)",
    "transfers",
    `${r.transfers.description}; safeguards: ${r.transfers.safeguards.join(", ") || "not stated"}`,
    r.transfers.section ?? "",
  ]);
  rows.push([
    "30(2)(d)",
    "security",
    `${r.security.description}; measures: ${r.security.measures.join(", ") || "not stated"}`,
    r.security.section ?? "",
  ]);
  return rows;
}

function activityText(a: ProcessorActivity): string {
  const kept = a.erasure.map((e) => `${e.jurisdiction}: ${e.limit}`).join("; ");
  return `${a.description}; subjects: ${a.subjects.join(", ") || "not stated"}; processing: ${a.processing.join(", ") || "none"}; recipients: ${a.recipients.join(", ") || "none"}${kept ? `; kept: ${kept}` : ""}`;
}

function ropaMarkdown(r: Ropa, title: string): string {
  const cite = (s: string | null) => (s ? ` (${s})` : "");
  const out = [
    `# Record of Processing Activities`,
    "",
    `Generated from ${title}, ${r.policy.id}@${r.policy.version}: the record as controller (GDPR Art. 30(1)), then the record as processor for customers (Art. 30(2)).`,
    "",
    "## Record as controller (GDPR Art. 30(1))",
    "",
    "### (a) Controller",
    "",
    [r.controller.name, ...r.controller.address].join("  \n"),
    "",
    "### (b) Purposes of the processing",
    "",
    "| purpose | description | lawful basis | data categories | section |",
    "| --- | --- | --- | --- | --- |",
    ...r.purposes.map(
      (p) =>
        `| ${p.id} | ${p.description} | ${p.basis}${p.gdpr ? ` (${p.gdpr})` : ""} | ${p.categories.join(", ") || "—"} | ${p.section} |`,
    ),
    "",
    "### (c) Categories of personal data and of data subjects",
    "",
    "| category | description | data subjects | section |",
    "| --- | --- | --- | --- |",
    ...r.categories.map(
      (c) => `| ${c.id} | ${c.description} | ${c.subjects.join(", ") || "—"} | ${c.section} |`,
    ),
    "",
    "### (d) Categories of recipients",
    "",
    "| recipient | description | basis | data categories | section |",
    "| --- | --- | --- | --- | --- |",
    ...r.recipients.map(
      (x) =>
        `| ${x.id} | ${x.description} | ${x.basis} | ${x.categories.join(", ") || "—"} | ${x.section} |`,
    ),
    "",
    "### (e) Transfers to third countries",
    "",
    `${r.transfers.description}${cite(r.transfers.section)}`,
    ...r.transfers.safeguards.map((s) => `- ${s}`),
    "",
    "### (f) Time limits for erasure",
    "",
    "| category | jurisdiction | time limit | law | section |",
    "| --- | --- | --- | --- | --- |",
    ...r.erasure.map(
      (e) => `| ${e.category} | ${e.jurisdiction} | ${e.limit} | ${e.law} | ${e.section} |`,
    ),
    "",
    "### (g) Technical and organisational security measures",
    "",
    `${r.security.description}${cite(r.security.section)}`,
    ...r.security.measures.map((s) => `- ${s}`),
  ];
  const p = r.processor;
  if (p.activities.length > 0) {
    out.push(
      "",
      "## Record as processor (GDPR Art. 30(2))",
      "",
      "### (a) Processor and controllers",
      "",
      `${p.name}, on behalf of its customers: ${p.controllers}${cite(p.controllersSection)}`,
      "",
      "### (b) Categories of processing carried out on behalf of each controller",
      "",
      "| category | description | data subjects | processing | recipients | kept | section |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...p.activities.map(
        (a) =>
          `| ${a.category} | ${a.description} | ${a.subjects.join(", ") || "—"} | ${a.processing.join(", ") || "—"} | ${a.recipients.join(", ") || "—"} | ${a.erasure.map((e) => `${e.jurisdiction}: ${e.limit}`).join("; ") || "—"} | ${a.section} |`,
      ),
      "",
      "### (c) Transfers to third countries",
      "",
      "As in the record as controller, (e).",
      "",
      "### (d) Technical and organisational security measures",
      "",
      "As in the record as controller, (g).",
    );
  }
  return `${out.join("\n")}\n`;
}

/** `ropa [--format markdown|csv|json]`. */
export function ropaCommand(program: Command, kit: PolicyKit, io: CliIo): void {
  program.addCommand(
    new Command("ropa")
      .description(
        "print the Record of Processing Activities (GDPR Art. 30(1), and 30(2) for data processed for customers) generated from the declaration",
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
