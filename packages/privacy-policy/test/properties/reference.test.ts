// Differential check: the compiled guards agree, on every finite point, with a plain reading of
// the declaration that knows nothing of the engine's tables and masks.
import { describe, expect, it } from "vitest";
import {
  policy,
  type SharePoint,
  shareAt,
  sharePoints,
  show,
  type UsePoint,
  useAt,
  usePoints,
  violations,
} from "../support/points";

type Context = UsePoint["context"];
type Rule = {
  readonly when?: readonly string[];
  readonly unless?: readonly string[];
  readonly obligations?: readonly (
    | string
    | { readonly id: string; readonly unless?: readonly string[] }
  )[];
};

const holds = (context: Context) => (id: string) => {
  const condition = policy.conditions[id as keyof typeof policy.conditions];
  const field = policy.contextFields[condition.field as keyof typeof policy.contextFields];
  const stated = context[condition.field];
  const value = stated ?? (field.kind === "flag" ? false : field.default);
  if ("oneOf" in condition) return (condition.oneOf as readonly unknown[]).includes(value);
  return value === ("equals" in condition ? condition.equals : true);
};

function reference(
  rule: Rule | undefined,
  bans: readonly { section: string; when?: readonly string[] }[],
  basis: string,
  context: Context,
) {
  const h = holds(context);
  const prohibited = bans.filter((b) => (b.when ?? []).every(h));
  if (prohibited.length > 0) {
    return { allowed: false, basis: null, codes: ["prohibited"], obligations: [] as string[] };
  }
  if (!rule) return { allowed: false, basis: null, codes: ["not-permitted"], obligations: [] };
  if (!(rule.when ?? []).every(h) || (rule.unless ?? []).some(h)) {
    return { allowed: false, basis: null, codes: ["condition-unmet"], obligations: [] };
  }
  const obligations = (rule.obligations ?? [])
    .filter((o) => typeof o === "string" || !(o.unless ?? []).some(h))
    .map((o) => (typeof o === "string" ? o : o.id));
  return { allowed: true, basis, codes: ["permitted"], obligations };
}

const prohibitions = Object.values(policy.prohibitions) as readonly {
  section: string;
  when?: readonly string[];
  use?: { purposes?: readonly string[]; categories?: readonly string[] };
  share?: { categories?: readonly string[]; recipients?: readonly string[] };
}[];
const lists = (list: readonly string[] | undefined, id: string) => !list || list.includes(id);

function referenceUse(p: UsePoint) {
  const purpose = policy.purposes[p.purpose as keyof typeof policy.purposes];
  const uses = purpose.uses as Readonly<Record<string, Rule>>;
  const bans = prohibitions.filter(
    (b) => b.use && lists(b.use.purposes, p.purpose) && lists(b.use.categories, p.category),
  );
  return reference(
    Object.hasOwn(uses, p.category) ? uses[p.category] : undefined,
    bans,
    purpose.basis,
    p.context,
  );
}

function referenceShare(p: SharePoint) {
  const recipient = policy.recipients[p.recipient as keyof typeof policy.recipients];
  const receives = recipient.receives as Readonly<Record<string, Rule>>;
  const bans = prohibitions.filter(
    (b) =>
      b.share && lists(b.share.categories, p.category) && lists(b.share.recipients, p.recipient),
  );
  return reference(
    Object.hasOwn(receives, p.category) ? receives[p.category] : undefined,
    bans,
    recipient.basis,
    p.context,
  );
}

const observed = (d: ReturnType<typeof useAt> | ReturnType<typeof shareAt>) => ({
  allowed: d.allowed,
  basis: d.basis,
  codes: [...new Set(d.reasons.map((r) => r.code))],
  obligations: d.obligations.map((o) => o.id),
});

describe("the guards agree with a plain reading of the declaration (§3, §4)", () => {
  it("decides every purpose × category in every use context as the declaration reads (§3)", () => {
    expect(
      violations(usePoints, (p) => {
        const [got, want] = [observed(useAt(p)), referenceUse(p)];
        return JSON.stringify(got) === JSON.stringify(want)
          ? null
          : `${show(p)}: got ${JSON.stringify(got)}, declaration says ${JSON.stringify(want)}`;
      }),
    ).toEqual([]);
  });

  it("decides every category × recipient in every share context as the declaration reads (§4)", () => {
    expect(
      violations(sharePoints, (p) => {
        const [got, want] = [observed(shareAt(p)), referenceShare(p)];
        return JSON.stringify(got) === JSON.stringify(want)
          ? null
          : `${show(p)}: got ${JSON.stringify(got)}, declaration says ${JSON.stringify(want)}`;
      }),
    ).toEqual([]);
  });

  it("cites the policy on every reason and names the policy version on every decision", () => {
    const sections = /^§\d+(\([a-z]\))?$/;
    const all = [...usePoints.map((p) => useAt(p)), ...sharePoints.map((p) => shareAt(p))];
    const bad = all.filter(
      (d) =>
        d.reasons.length === 0 ||
        d.reasons.some((r) => !sections.test(r.section) || r.text.length === 0) ||
        d.policy.id !== policy.id ||
        d.policy.version !== policy.version,
    );
    expect(bad).toEqual([]);
  });
});
