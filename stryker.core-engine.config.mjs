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
  htmlReporter: { fileName: "reports/mutation/core-engine.html" },
  jsonReporter: { fileName: "reports/mutation/core-engine.json" },
};
