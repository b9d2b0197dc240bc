import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { policyTextSections } from "@trunkiq/policy-core";
import type { Command } from "commander";
import type { CliIo } from "../CliIo";
import { citedDeclarations, compareSections, topSection } from "../internal/citations";
import { EXIT, UsageError } from "../internal/errors";
import { printJson } from "../internal/output";
import type { PolicyKit } from "../PolicyKit";

/** Looks for `shared/policy/<file>` in every folder above `start`, nearest first. */
function findUpwards(start: string, file: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, "shared", "policy", file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function here(): string {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

/** The result of comparing the declaration's citations with the policy text. */
export interface DriftReport {
  readonly policyText: string;
  /** Numbered sections of the text no declaration cites (non-normative ones excepted). */
  readonly uncited: readonly string[];
  /** Lettered parts of the text no declaration cites (reported, not failing). */
  readonly uncitedParts: readonly string[];
  /** Sections declarations cite that the text does not have, with who cites them. */
  readonly unknown: readonly { readonly section: string; readonly citedBy: readonly string[] }[];
  readonly drift: boolean;
}

/** Compares the sections a policy text has with the sections its declarations cite. */
export function checkDrift(kit: PolicyKit, path: string, text: string): DriftReport {
  const sections = policyTextSections(text);
  const inText = new Set(sections.map((s) => s.section));
  const cited = new Map<string, string[]>();
  for (const d of citedDeclarations(kit.policy)) {
    const list = cited.get(d.section) ?? [];
    list.push(d.what);
    cited.set(d.section, list);
  }
  const citedTop = new Set([...cited.keys()].map(topSection));
  const nonNormative = new Set(kit.details.nonNormativeSections ?? []);
  const uncited = sections
    .filter(
      (s) => !s.section.includes("(") && !nonNormative.has(s.section) && !citedTop.has(s.section),
    )
    .map((s) => s.section);
  const uncitedParts = sections
    .filter((s) => s.section.includes("(") && !cited.has(s.section))
    .map((s) => s.section);
  const unknown = [...cited.entries()]
    .filter(([section]) => !inText.has(section))
    .sort(([a], [b]) => compareSections(a, b))
    .map(([section, citedBy]) => ({ section, citedBy }));
  return {
    policyText: path,
    uncited,
    uncitedParts,
    unknown,
    drift: uncited.length > 0 || unknown.length > 0,
  };
}

/** `check-drift [--policy-text <file>]`. */
export function checkDriftCommand(
  program: Command,
  kit: PolicyKit,
  setExit: (code: number) => void,
  io: CliIo,
) {
  const file = `privacy-policy-${kit.policy.version}.txt`;
  program
    .command("check-drift")
    .description(
      "check that every numbered section of the policy text is cited by a declaration and every cited section exists",
    )
    .option(
      "--policy-text <file>",
      `the policy text (default: the text the policy package ships, else shared/policy/${file} above the current folder)`,
    )
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      `\nExit codes: 0 no drift, 1 drift, 2 bad input.\nExample: trunkiq-policy check-drift --policy-text shared/policy/${file}`,
    )
    .action((opts: { policyText?: string; json?: boolean }) => {
      const path =
        opts.policyText ??
        kit.details.policyText ??
        findUpwards(io.cwd, file) ??
        findUpwards(here(), file);
      if (!path)
        throw new UsageError(`cannot find shared/policy/${file}; pass --policy-text <file>`);
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, path), "utf8");
      } catch {
        throw new UsageError(`cannot read the policy text ${JSON.stringify(path)}`);
      }
      const report = checkDrift(kit, path, text);
      if (opts.json) printJson(report, io.stdout);
      else {
        const out: string[] = [];
        for (const s of report.uncited) out.push(`uncited: ${s} has no declaration citing it`);
        for (const u of report.unknown) {
          out.push(
            `unknown: ${u.section} is cited by ${u.citedBy.join(", ")} but the text has no such section`,
          );
        }
        for (const s of report.uncitedParts) out.push(`note: ${s} is not cited on its own`);
        out.push(report.drift ? `DRIFT against ${path}` : `no drift against ${path}`);
        io.stdout.write(`${out.join("\n")}\n`);
      }
      setExit(report.drift ? EXIT.denied : EXIT.ok);
    });
}
