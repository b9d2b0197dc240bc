import { createGuards } from "@trunkiq/policy-core";
import { policy } from "./policy";

/** The guards of the TrunkIQ policy with its declared retention periods. */
export const guards = createGuards(policy);
