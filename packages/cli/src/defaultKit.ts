import { createRequire } from "node:module";
import {
  canExercise,
  canShare,
  canUse,
  explain,
  policy,
  retentionCutoff,
  retentionFor,
} from "@trunkiq/privacy-policy";
import type { PolicyKit, RecordDetails } from "./PolicyKit";

const TRUNKIQ_DETAILS: RecordDetails = {
  policyText: createRequire(import.meta.url).resolve(
    `@trunkiq/privacy-policy/policy-text/privacy-policy-${policy.version}.txt`,
  ),
  // §1 introduces the policy and states no rule, so no declaration cites it.
  nonNormativeSections: ["§1"],
};

type LooseGuards = Required<
  Pick<PolicyKit, "canUse" | "canShare" | "retentionFor" | "retentionCutoff" | "canExercise">
>;

/** The TrunkIQ Privacy Policy of July 7, 2025 with its bound guards. */
export function defaultKit(): PolicyKit {
  // The CLI takes ids from the command line, so it calls the guards through their loose face.
  const loose = {
    canUse,
    canShare,
    retentionFor,
    retentionCutoff,
    canExercise,
  } as unknown as LooseGuards;
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
