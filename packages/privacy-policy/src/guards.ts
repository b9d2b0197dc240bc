import { createGuards, type Guards } from "@trunkiq/policy-core";
import { policy, type TrunkiqPolicy } from "./policy";

/** The guards of the TrunkIQ policy with its declared retention periods. */
export const guards: Guards<TrunkiqPolicy> = /* @__PURE__ */ createGuards(policy);
