import base from "./vitest.mutation.config";

// The privacy-policy package's own unit tests, for its mutation run
// (stryker.privacy-policy.config.mjs). Most of its mutants are static: each runs every test
// here in a fresh module graph. The property suite is left out to keep that affordable; a mutant
// only it would kill counts as survived, so the score errs low.
export default {
  ...base,
  test: { ...base.test, include: ["packages/privacy-policy/test/*.test.ts"] },
};
