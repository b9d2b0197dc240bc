import { createRightsGuards, type RightsGuards, type RightsOptions } from "@trunkiq/policy-law";
import { policy, type TrunkiqPolicy } from "./policy";

/**
 * How the TrunkIQ policy reads §9 beyond its declarations. `marketing` is the one
 * direct-marketing purpose (§3: "You may opt-out ... at any time"), so an objection to it always
 * wins (Art. 21(3)).
 */
export const rightsOptions = {
  directMarketing: ["marketing"],
  judgements: {
    // Judgement: a KYC document is evidence of a check made at a moment. Correcting it means
    // verifying a corrected document and recording it beside the original, which stays the record
    // the AML retention rule keeps (§7); overwriting it would destroy that record.
    rectification: {
      "kyc-document": [
        {
          id: "reverify-kyc-document",
          message:
            "rectify by verifying a corrected document and recording it beside the original; the original stays as the KYC record §7 keeps (judgement)",
          section: "§9",
        },
      ],
    },
  },
} as const satisfies RightsOptions;

/** The §9 rights of the TrunkIQ policy, decided from its declarations (GDPR Arts. 15–21). */
export const rightsGuards: RightsGuards<TrunkiqPolicy> = /* @__PURE__ */ createRightsGuards(
  policy,
  rightsOptions,
);

/**
 * May the data subject exercise `right` over `category` (§9)? Denials cite §9 and the GDPR
 * article; an erasure that yields to a legal obligation (Art. 17(3)(b)) or a legal hold
 * (17(3)(e)) says in `until` when the keeping ends (`null`: not yet known).
 *
 * @category Rights
 * @example
 * canExercise("erasure", "kyc-document", { jurisdiction: "eea", relationshipEndedAt: new Date("2025-03-31") });
 * // { allowed: false, until: 2030-04-01T00:00:00Z, reasons: [{ code: "retention-running", section: "§9", ... }] }
 * canExercise("objection", "account").obligations.map((o) => o.id);
 * // ["stop-direct-marketing", "assess-compelling-grounds"]
 */
// Read in pure calls, so a bundle that uses neither guard drops the rights engine.
export const canExercise: RightsGuards<TrunkiqPolicy>["canExercise"] = /* @__PURE__ */ (() =>
  rightsGuards.canExercise)();

/**
 * The plan for one §9 request: the Art. 12(3) deadlines (one month from receipt, three when
 * extended) and, per category, what to do: `export`, `delete`, `restrict` (with `until`),
 * `keep` (with `until`), `rectify` or `stop`. A malformed request gives `valid: false` and no
 * actions.
 *
 * @category Rights
 * @example
 * const plan = planRequest({ right: "erasure", receivedAt: new Date("2025-01-31T09:00:00Z"), jurisdiction: "eea" });
 * plan.deadline; // 2025-02-28T09:00:00Z
 * plan.actions.find((a) => a.category === "kyc-document")?.action; // "restrict"
 */
export const planRequest: RightsGuards<TrunkiqPolicy>["planRequest"] = /* @__PURE__ */ (() =>
  rightsGuards.planRequest)();
