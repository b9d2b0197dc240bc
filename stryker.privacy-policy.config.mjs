// Mutation testing of @trunkiq/privacy-policy: `npx -y pnpm@12.4.2 mutation` (see docs/testing.md).
// Runner, in-place mode and coverage settings are core's (stryker.core.config.mjs).
import core from "./stryker.core.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...core,
  // The package's own code: the guards it builds on the declaration and the record schemas. The
  // declaration (policy.ts), its id lists (ids.ts) and the transfer facts (transferLaw.ts) are
  // data: a mutant there is a different policy, which the exhaustive suites compare the guards
  // with, not a bug the tests should catch. The document renderers (trace, policyText,
  // renderCompileTimeTests) are pinned by file snapshots. See docs/testing.md.
  mutate: [
    "packages/privacy-policy/src/canTransfer.ts",
    "packages/privacy-policy/src/children.ts",
    "packages/privacy-policy/src/consent.ts",
    "packages/privacy-policy/src/guards.ts",
    "packages/privacy-policy/src/recordSchemas.ts",
    "packages/privacy-policy/src/rights.ts",
    "packages/privacy-policy/src/withRetention.ts",
  ],
  vitest: { configFile: "vitest.mutation.privacy-policy.config.ts" },
  // Here the literals are ids, citations and the wording the tests pin, so all are mutated.
  mutator: { excludedMutations: [] },
  // This package builds its guards while it loads, so most of its code runs only then: static
  // mutants are tested too, each against the package's tests with a fresh module graph.
  ignoreStatic: false,
  incremental: true,
  incrementalFile: "reports/mutation/privacy-policy.incremental.json",
  htmlReporter: { fileName: "reports/mutation/privacy-policy.html" },
  jsonReporter: { fileName: "reports/mutation/privacy-policy.json" },
};
