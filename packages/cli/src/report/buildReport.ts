import type { Policy } from "@trunkiq/policy-core";
import { buildRopa } from "../commands/ropa";
import { diffPolicies } from "../internal/policyDiff";
import type { PolicyKit } from "../PolicyKit";
import { diffPage } from "./diffPage";
import { anchorId } from "./html";
import { indexPage } from "./indexPage";
import { jurisdictionGrid } from "./jurisdictionGrid";
import { PAGES, type PageName, page } from "./layout";
import { columnId, matrixPage, rowId } from "./matrixPage";
import { policyTrace } from "./policyTrace";
import { retentionId, retentionPage } from "./retentionPage";
import { retentionTimeline } from "./retentionTimeline";
import { ropaPage } from "./ropaPage";
import { tracePage } from "./tracePage";

/** What a report is built from besides the policy kit. */
export interface ReportInput {
  /** The policy text, to trace sentence by sentence; `null` traces the declarations only. */
  readonly policyText: string | null;
  /** An earlier version to compare with: adds the diff page. */
  readonly compare?: Policy;
}

/**
 * The report as file name → HTML: an overview, the use and share grids of every jurisdiction
 * (answered by the guards), the retention timeline, the policy trace, the record of processing
 * and, given an earlier version, the diff. Every string from a declaration is escaped; every
 * link is to a page of the report or an id in it.
 *
 * @example
 * for (const [name, text] of Object.entries(buildReport(kit, { policyText: null }))) writeFileSync(name, text);
 */
export function buildReport(kit: PolicyKit, input: ReportInput): Record<string, string> {
  const { policy } = kit;
  const grids = policy.jurisdictions.flatMap((j) => [
    jurisdictionGrid(kit, "use", j),
    jurisdictionGrid(kit, "share", j),
  ]);
  const trace = policyTrace(kit, input.policyText);
  const sectionIds = new Map(trace.map((s) => [s.section, anchorId("section", s.section)]));
  const bars = retentionTimeline(kit);
  const ropa = buildRopa(kit);
  const changes = input.compare ? diffPolicies(input.compare, policy) : null;
  const names: PageName[] = ["index", "matrix", "retention", "trace", "ropa"];
  if (changes) names.push("diff");
  const first = policy.jurisdictions[0];
  const at = (id: string) => `${PAGES.matrix.file}#${id}`;
  const bodies = {
    index: indexPage(policy, { grids, bars, trace, changes, hasText: input.policyText !== null }),
    matrix: matrixPage(policy, grids, sectionIds),
    retention: retentionPage(bars, sectionIds),
    trace: tracePage(trace, sectionIds, input.policyText !== null),
    ropa: ropaPage(ropa, {
      sectionIds,
      useRow: (p) => at(rowId({ question: "use", jurisdiction: first }, p)),
      shareRow: (c) => at(rowId({ question: "share", jurisdiction: first }, c)),
      recipientColumn: (r) => at(columnId({ question: "share", jurisdiction: first }, r)),
      retentionRow: (c) => `${PAGES.retention.file}#${retentionId(c)}`,
    }),
    ...(changes && input.compare ? { diff: diffPage(input.compare, policy, changes) } : {}),
  } as Record<PageName, Parameters<typeof page>[3]>;
  return Object.fromEntries(
    names.map((name) => [PAGES[name].file, page(name, policy, names, bodies[name])]),
  );
}
