import type { Citation, PolicyDeclaration } from "@trunkiq/policy-core";

/** One declaration of the policy that cites a section. */
export interface CitedDeclaration {
  /** e.g. `"purpose marketing"`, `"rule marketing → account"`, `"retention cdr (eea)"`. */
  readonly what: string;
  readonly section: string;
  readonly text: string;
}

/** Every declaration of the policy with its citation, in declaration order. */
export function citedDeclarations(policy: PolicyDeclaration): CitedDeclaration[] {
  const out: CitedDeclaration[] = [];
  const add = (what: string, c: Partial<Citation>) => {
    if (c.section && c.text) out.push({ what, section: c.section, text: c.text });
  };
  for (const [q, c] of Object.entries(policy.scopes)) add(`scope of ${q}`, c);
  for (const [id, c] of Object.entries(policy.categories)) add(`category ${id}`, c);
  for (const [id, c] of Object.entries(policy.bases)) add(`basis ${id}`, c);
  for (const [id, p] of Object.entries(policy.purposes)) {
    add(`purpose ${id}`, p);
    for (const [cat, rule] of Object.entries(p.uses)) if (rule) add(`use ${id} → ${cat}`, rule);
  }
  for (const [id, r] of Object.entries(policy.recipients)) {
    add(`recipient ${id}`, r);
    for (const [cat, rule] of Object.entries(r.receives))
      if (rule) add(`share ${cat} → ${id}`, rule);
  }
  for (const [id, c] of Object.entries(policy.conditions)) add(`condition ${id}`, c);
  for (const [id, c] of Object.entries(policy.obligations)) add(`obligation ${id}`, c);
  for (const [id, c] of Object.entries(policy.prohibitions)) add(`prohibition ${id}`, c);
  for (const [cat, byJ] of Object.entries(policy.retention)) {
    for (const [j, rule] of Object.entries(byJ)) add(`retention ${cat} (${j})`, rule);
  }
  for (const [id, c] of Object.entries(policy.rights)) add(`right ${id}`, c);
  for (const [id, c] of Object.entries(policy.commitments ?? {})) if (c) add(`commitment ${id}`, c);
  return out;
}

const sectionKey = (section: string) => {
  const m = /^§(\d+)(?:\(([a-z])\))?$/.exec(section);
  return m ? ([Number(m[1]), m[2] ?? ""] as const) : ([Number.MAX_SAFE_INTEGER, section] as const);
};

/** Orders sections as the policy does: §2 < §2(a) < §2(b) < §3 < §10. */
export function compareSections(a: string, b: string): number {
  const [na, la] = sectionKey(a);
  const [nb, lb] = sectionKey(b);
  return na - nb || la.localeCompare(lb);
}

/** The top-level section of a citation: `"§2(a)"` → `"§2"`. */
export const topSection = (section: string) => section.replace(/\(.*$/, "");
