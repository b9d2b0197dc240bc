import type { PolicyDeclaration, RetentionRuleDeclaration } from "@trunkiq/policy-core";
import type { Duration } from "date-fns";
import { buildMatrix, type Grant } from "./permissions";
import { retentionText } from "./retentionText";

/** How a change moves what the policy permits. */
export type ChangeKind = "widening" | "narrowing" | "neutral";

/** One change between two versions of a policy. */
export interface PolicyChange {
  readonly kind: ChangeKind;
  readonly what: string;
  readonly detail: string;
}

const added = <T>(a: readonly T[], b: readonly T[]) => b.filter((x) => !a.includes(x));

// Lengths compare on an average calendar: only which of two periods is longer matters here.
const days = (d: Duration) =>
  (d.years ?? 0) * 365.2425 + (d.months ?? 0) * 30.436875 + (d.weeks ?? 0) * 7 + (d.days ?? 0);

function compareSets(
  out: PolicyChange[],
  what: string,
  before: readonly string[],
  after: readonly string[],
  label: string,
  removedIs: ChangeKind,
) {
  const addedIs: ChangeKind = removedIs === "widening" ? "narrowing" : "widening";
  for (const x of added(before, after))
    out.push({ kind: addedIs, what, detail: `${label} ${x} added` });
  for (const x of added(after, before))
    out.push({ kind: removedIs, what, detail: `${label} ${x} removed` });
}

function compareGrants(
  out: PolicyChange[],
  what: string,
  a: Grant | null,
  b: Grant | null,
  newPair: string,
) {
  if (!a && !b) return;
  if (!a && b) {
    out.push({ kind: "widening", what, detail: `${newPair} (basis ${b.basis})` });
    return;
  }
  if (a && !b) {
    out.push({ kind: "narrowing", what, detail: "no longer permitted" });
    return;
  }
  if (!a || !b) return;
  if (a.basis !== b.basis)
    out.push({ kind: "neutral", what, detail: `basis ${a.basis} → ${b.basis}` });
  compareSets(out, what, a.when, b.when, "condition", "widening");
  compareSets(out, what, a.unless, b.unless, "exception (unless)", "widening");
  // Prohibitions are compared once each below, not once per pair they cover.
  compareSets(out, what, a.obligations, b.obligations, "obligation", "widening");
}

function compareRetention(
  out: PolicyChange[],
  what: string,
  a: RetentionRuleDeclaration | undefined,
  b: RetentionRuleDeclaration | undefined,
) {
  if (!a && b)
    out.push({ kind: "narrowing", what, detail: `erasure limit added: ${retentionText(b)}` });
  else if (a && !b)
    out.push({ kind: "widening", what, detail: `erasure limit removed (was ${retentionText(a)})` });
  else if (a && b) {
    const longer = days(b.period) - days(a.period);
    const later = a.anchor === "collection" && b.anchor === "relationship-end";
    const earlier = a.anchor === "relationship-end" && b.anchor === "collection";
    const change = `${retentionText(a)} → ${retentionText(b)}`;
    if (longer > 0 || later)
      out.push({ kind: "widening", what, detail: `longer retention: ${change}` });
    else if (longer < 0 || earlier)
      out.push({ kind: "narrowing", what, detail: `shorter retention: ${change}` });
    else if (change.split(" → ")[0] !== change.split(" → ")[1] || a.law !== b.law) {
      out.push({ kind: "neutral", what, detail: `retention restated: ${change} (${b.law})` });
    }
  }
}

/**
 * Every change between two policy versions, classed as widening (the new version permits
 * more) or narrowing (less); other edits are neutral.
 *
 * @category Diff
 * @example
 * diffPolicies(old, next).some((c) => c.kind === "widening"); // notify under §11
 */
export function diffPolicies(before: PolicyDeclaration, after: PolicyDeclaration): PolicyChange[] {
  const out: PolicyChange[] = [];
  if (before.version !== after.version) {
    out.push({
      kind: "neutral",
      what: "policy",
      detail: `version ${before.version} → ${after.version}`,
    });
  }
  const keys = (o: object) => Object.keys(o);
  compareSets(out, "purposes", keys(before.purposes), keys(after.purposes), "purpose", "narrowing");
  compareSets(
    out,
    "categories",
    keys(before.categories),
    keys(after.categories),
    "data category",
    "narrowing",
  );
  compareSets(
    out,
    "recipients",
    keys(before.recipients),
    keys(after.recipients),
    "recipient",
    "narrowing",
  );

  const ma = buildMatrix(before);
  const mb = buildMatrix(after);
  const purposes = [...new Set([...ma.purposes, ...mb.purposes])];
  const categories = [...new Set([...ma.categories, ...mb.categories])];
  const recipients = [...new Set([...ma.recipients, ...mb.recipients])];
  for (const p of purposes) {
    for (const c of categories) {
      compareGrants(
        out,
        `use ${p} → ${c}`,
        ma.use[p]?.[c] ?? null,
        mb.use[p]?.[c] ?? null,
        "new category use for the purpose",
      );
    }
  }
  for (const c of categories) {
    for (const r of recipients) {
      compareGrants(
        out,
        `share ${c} → ${r}`,
        ma.share[c]?.[r] ?? null,
        mb.share[c]?.[r] ?? null,
        "new recipient for the category",
      );
    }
  }

  for (const id of new Set([...keys(before.prohibitions), ...keys(after.prohibitions)])) {
    const a = before.prohibitions[id];
    const b = after.prohibitions[id];
    const what = `prohibition ${id}`;
    if (a && !b) out.push({ kind: "widening", what, detail: "prohibition removed" });
    else if (!a && b) out.push({ kind: "narrowing", what, detail: "prohibition added" });
    else if (a && b) {
      const scopeA = (a.use ?? a.share ?? {}) as Record<string, readonly string[] | undefined>;
      const scopeB = (b.use ?? b.share ?? {}) as Record<string, readonly string[] | undefined>;
      for (const list of new Set([...keys(scopeA), ...keys(scopeB)])) {
        const la = scopeA[list];
        const lb = scopeB[list];
        // An omitted list matches everything, so gaining a list narrows the prohibition.
        if (la === undefined && lb !== undefined)
          out.push({ kind: "widening", what, detail: `now limited to ${list} ${lb.join(", ")}` });
        else if (la !== undefined && lb === undefined)
          out.push({
            kind: "narrowing",
            what,
            detail: `now applies to every ${list.replace(/s$/, "")}`,
          });
        else if (la && lb) compareSets(out, what, la, lb, list.replace(/s$/, ""), "widening");
      }
      compareSets(out, what, a.when ?? [], b.when ?? [], "condition", "narrowing");
    }
  }

  for (const c of new Set([...keys(before.retention), ...keys(after.retention)])) {
    const js = new Set([...keys(before.retention[c] ?? {}), ...keys(after.retention[c] ?? {})]);
    for (const j of js) {
      compareRetention(
        out,
        `retention ${c} (${j})`,
        before.retention[c]?.[j],
        after.retention[c]?.[j],
      );
    }
  }
  return out;
}
