import { canExercise, explain, guards, policy } from "@trunkiq/privacy-policy";
import type { PolicyKit, RecordDetails } from "./PolicyKit";

// What the TrunkIQ record of processing needs beyond the declaration, quoted from the policy.
const TRUNKIQ_DETAILS: RecordDetails = {
  // §12: the declaration has no field for the controller, so it is stated here.
  controller: {
    name: "TrunkIQ LLC",
    address: ["125 Park Avenue, 25th Floor", "New York, NY 10017", "United States"],
  },
  transfers: {
    section: "§8",
    text: "We are based in the United States, and your information will be processed and stored in the U.S. and other countries where we or our service providers operate.",
    items: ["Standard Contractual Clauses (SCCs)", "other lawful transfer mechanisms"],
  },
  security: {
    section: "§6",
    text: "We implement appropriate technical and organizational security measures to protect your information from unauthorized access, use, alteration, or destruction.",
    items: ["encryption", "access controls", "secure network architecture"],
  },
  // Non-normative sections: §1 introduces the policy, §11 says how changes are announced and
  // §12 gives the contact address. They state no rule, so no declaration cites them.
  nonNormativeSections: ["§1", "§11", "§12"],
};

type LooseGuards = Required<
  Pick<PolicyKit, "canUse" | "canShare" | "retentionFor" | "retentionCutoff" | "canExercise">
>;

/** The TrunkIQ Privacy Policy of July 7, 2025 with its bound guards. */
export function defaultKit(): PolicyKit {
  // The CLI takes ids from the command line, so it calls the guards through their loose face.
  const loose = { ...guards, canExercise } as unknown as LooseGuards;
  return {
    policy,
    details: TRUNKIQ_DETAILS,
    canUse: loose.canUse,
    canShare: loose.canShare,
    retentionFor: loose.retentionFor,
    retentionCutoff: loose.retentionCutoff,
    canExercise: loose.canExercise,
    explain,
  };
}
