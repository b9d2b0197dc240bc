// A quicker mutation run of the deciding engine only, against core's own tests and without
// string-literal mutants (message wording): `npx stryker run stryker.core-engine.config.mjs`.
// See docs/testing.md.
import core from "./stryker.core.config.mjs";

export default {
  ...core,
  mutate: [
    "packages/core/src/createGuards.ts",
    "packages/core/src/internal/ruleTable.ts",
    "packages/core/src/internal/context.ts",
    "packages/core/src/retention.ts",
    "packages/core/src/internal/duration.ts",
  ],
  mutator: { excludedMutations: ["StringLiteral"] },
  // The engine is policy-agnostic: its mutants must die in core's own suite, which is also what
  // makes a run finish (the TrunkIQ property suite runs every table in every context per mutant).
  vitest: { configFile: "vitest.mutation.core.config.ts" },
  // Per-test coverage with static mutants ignored. A mutant in the table compiler is "hybrid":
  // core's tests also build guards inside a test, so it runs with the mutant switched on there.
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  htmlReporter: { fileName: "reports/mutation/core-engine.html" },
  jsonReporter: { fileName: "reports/mutation/core-engine.json" },
};
