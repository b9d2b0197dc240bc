import { decideAccess } from "./decideAccess";
import { decideErasure } from "./decideErasure";
import { decideObjection } from "./decideObjection";
import { decidePortability } from "./decidePortability";
import { decideRestriction } from "./decideRestriction";
import type { GdprRight } from "./gdprRights";
import type { CheckedRight, RightsKit } from "./rightsKit";
import type { RightDecision } from "./types";

const deciders: Readonly<Record<GdprRight, (kit: RightsKit, c: CheckedRight) => RightDecision>> =
  /* @__PURE__ */ Object.freeze({
    access: decideAccess,
    rectification: decideAccess,
    restriction: decideRestriction,
    portability: decidePortability,
    objection: decideObjection,
    erasure: decideErasure,
  });

/** Decides a checked right by the rule of its article. */
export function decideRight(kit: RightsKit, c: CheckedRight): RightDecision {
  return deciders[c.right](kit, c);
}
