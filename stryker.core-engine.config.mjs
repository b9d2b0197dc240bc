// A quicker mutation run of the deciding engine only, without string-literal mutants (message
// wording): `npx stryker run stryker.core-engine.config.mjs`. See docs/testing.md.
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
  // Guards compile their decision tables when a module loads; with per-test coverage a mutant in
  // that code is active only inside tests and the tables never see it (a false survivor). Running
  // every test with the mutant active from the start avoids that.
  coverageAnalysis: "all",
  ignoreStatic: false,
  htmlReporter: { fileName: "reports/mutation/core-engine.html" },
  jsonReporter: { fileName: "reports/mutation/core-engine.json" },
};
