import base from "./vitest.mutation.config";

// Core's and the law modules' own tests only: the engine is policy-agnostic, so its mutants should die in its own
// suite, and leaving out the TrunkIQ property suite (which exercises every table) makes a mutant
// run take seconds instead of tens of seconds. See docs/testing.md.
export default {
  ...base,
  test: {
    ...base.test,
    include: ["packages/core/test/**/*.test.ts", "packages/law/test/**/*.test.ts"],
  },
};
