import { createRightsGuards, type RightsGuards, type RightsOptions } from "@trunkiq/policy-law";
import { policy, type TrunkiqPolicy } from "./policy";

// Call detail records are CPNI: disclosed only to a customer who proved who they are (47 CFR
// 64.2010(a)–(b)), and a copy must not expose the other party to each call beyond what the
// subject already knows (GDPR Art. 15(4), Art. 20(4)).
const CALL_RECORDS_DISCLOSED = [
  {
    id: "authenticate-customer",
    message:
      "authenticate the customer before disclosing call detail records: by password, or by sending them to the address of record, never on a caller's word alone (47 CFR 64.2010(a)–(b))",
    section: "§9",
  },
  {
    id: "exclude-third-party-data",
    message:
      "disclose the subject's own call records only, leaving out what they reveal about other people beyond the subject's own calls (GDPR Art. 15(4), Art. 20(4))",
    section: "§9",
  },
] as const;

/**
 * How the TrunkIQ policy reads §9 beyond its declarations. `marketing` is the one
 * direct-marketing purpose (§3: "You may opt-out ... at any time"), so an objection to it always
 * wins (Art. 21(3)).
 */
export const rightsOptions = {
  directMarketing: ["marketing"],
  // Requests are answered under the law of the subject's jurisdiction: GDPR and UK GDPR
  // Art. 12(3) (one month, two more when extended); in the US the CCPA, Cal. Civ. Code
  // 1798.130(a)(2)(A), and the state laws modelled on it (45 days, once 45 more).
  responseLaws: { us: "ccpa", eea: "gdpr", uk: "uk-gdpr" },
  // §5: for the content of communications the customer is the controller and TrunkIQ its
  // processor; a data subject's request about it goes to the customer, whom TrunkIQ assists
  // (GDPR Art. 28(3)(e)) and on whose instructions alone it acts (Art. 29).
  processorFor: ["communication-content"],
  judgements: {
    access: { "call-detail-record": CALL_RECORDS_DISCLOSED },
    portability: { "call-detail-record": CALL_RECORDS_DISCLOSED },
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

// Built on the first rights question, so importing the package for `canUse` builds no rights
// tables.
let rights: RightsGuards<TrunkiqPolicy> | undefined;
/** The §9 rights of the TrunkIQ policy, decided from its declarations (GDPR Arts. 15–21). */
export const rightsGuards = (): RightsGuards<TrunkiqPolicy> =>
  (rights ??= createRightsGuards(policy, rightsOptions));

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
export const canExercise: RightsGuards<TrunkiqPolicy>["canExercise"] = (right, category, context) =>
  rightsGuards().canExercise(right, category, context);

/**
 * The plan for one §9 request: the deadlines of the subject's jurisdiction (GDPR Art. 12(3):
 * one month from receipt, three when extended; US: 45 days, 90 when extended) and, per
 * category, what to do: `export`, `delete`, `restrict` (with `until`), `keep` (with `until`),
 * `rectify`, `stop` (per purpose), `refer` (content, §5) or `none` (nothing stored). A request
 * without a jurisdiction, or otherwise malformed, gives `valid: false` and no actions.
 *
 * @category Rights
 * @example
 * const plan = planRequest({ right: "erasure", receivedAt: new Date("2025-01-31T09:00:00Z"), jurisdiction: "eea" });
 * plan.deadline; // 2025-02-28T09:00:00Z
 * plan.actions.find((a) => a.category === "kyc-document")?.action; // "restrict"
 */
export const planRequest: RightsGuards<TrunkiqPolicy>["planRequest"] = (request) =>
  rightsGuards().planRequest(request);
