import { decideAccess } from "./decideAccess";
import { compileErasure, decideErasure, type ErasureRule } from "./decideErasure";
import { decideObjection } from "./decideObjection";
import { decidePortability } from "./decidePortability";
import { decideRestriction } from "./decideRestriction";
import { type GdprRight, gdprRights } from "./gdprRights";
import type { CheckedRight, Keeping, RightCell, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

const deciders: Readonly<
  Record<Exclude<GdprRight, "erasure">, (kit: RightsKit, c: RightCell) => RightDecision>
> = /* @__PURE__ */ Object.freeze({
  access: decideAccess,
  rectification: decideAccess,
  restriction: decideRestriction,
  portability: decidePortability,
  objection: decideObjection,
});

/** Every decision a right can give on a category in a jurisdiction, compiled once. */
export interface CompiledRight {
  readonly decided: RightDecision | ErasureRule;
  /** The retention rule of the category in the jurisdiction, whatever the right. */
  readonly keeping: Keeping | null;
}

/** The compiled rights of a policy: right → category → jurisdiction. */
export type RightsTable = ReadonlyMap<
  string,
  ReadonlyMap<string, ReadonlyMap<string, CompiledRight>>
>;

/**
 * A request about data processed for a customer, its controller, goes to the customer: the
 * processor assists it and acts only on its instructions (GDPR Arts. 28(3)(e), 29).
 */
function referToController(kit: RightsKit, c: RightCell): RightDecision {
  return kit.decision(c, {
    allowed: false,
    reasons: [
      kit.reason(
        "right-not-applicable",
        `"${c.category}" is processed on behalf of the customer, who is its controller: the request is the customer's to answer (GDPR Arts. 28(3)(e), 29)`,
        c.right,
      ),
    ],
    obligations: [
      kit.obligation(
        "refer-to-controller",
        `refer the request about "${c.category}" to the customer without delay, help it answer, and act on it only as the customer instructs (GDPR Arts. 28(3)(e), 29)`,
        c.right,
      ),
    ],
  });
}

/**
 * Decides every declared right with GDPR semantics on every category in every jurisdiction
 * once, so a call only reads the table: only erasure while a period runs depends on the dates.
 */
export function compileRights(kit: RightsKit): RightsTable {
  const { policy } = kit;
  const table = new Map<string, Map<string, Map<string, CompiledRight>>>();
  for (const right of gdprRights) {
    if (!Object.hasOwn(policy.rights, right)) continue;
    const byCategory = new Map<string, Map<string, CompiledRight>>();
    for (const category of Object.keys(policy.categories)) {
      const byJurisdiction = new Map<string, CompiledRight>();
      for (const jurisdiction of policy.jurisdictions) {
        const cell: RightCell = { right, category, jurisdiction };
        byJurisdiction.set(jurisdiction, {
          decided: kit.processorFor.has(category)
            ? referToController(kit, cell)
            : right === "erasure"
              ? compileErasure(kit, cell)
              : deciders[right](kit, cell),
          keeping: kit.keeping(category, jurisdiction),
        });
      }
      byCategory.set(category, byJurisdiction);
    }
    table.set(right, byCategory);
  }
  return table;
}

/** Decides a checked right by the rule of its article, from its compiled entry. */
export function decideRight(c: CheckedRight): RightDecision {
  const decided = c.compiled.decided;
  return "kind" in decided ? decided : decideErasure(decided, c);
}
