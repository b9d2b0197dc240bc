import { policyKit, type PolicyKit } from "./PolicyKit";

/** The TrunkIQ Privacy Policy, wired once the declaration package publishes it. */
export function defaultKit(): PolicyKit {
  throw new Error("no default policy is wired yet");
}
export { policyKit };
