// Mutation testing of @trunkiq/policy-core: `npx -y pnpm@12.4.2 mutation` (see docs/testing.md).
import { createRequire } from "node:module";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // pnpm keeps plugins out of the core's reach, so the runner is loaded by its resolved path.
  plugins: [createRequire(import.meta.url).resolve("@stryker-mutator/vitest-runner")],
  vitest: { configFile: "vitest.mutation.config.ts" },
  // The engine that decides: guards, rule tables, contexts and retention arithmetic. Definition
  // checking (referenceIssues, policyDeclarationSchema) and document rendering (policyMatrix) are left
  // to the core unit tests' own run; see docs/testing.md.
  mutate: [
    "packages/core/src/createGuards.ts",
    "packages/core/src/retention.ts",
    "packages/core/src/explain.ts",
    "packages/core/src/definePolicy.ts",
    "packages/core/src/PolicyViolationError.ts",
    "packages/core/src/PolicyDefinitionError.ts",
    "packages/core/src/internal/context.ts",
    "packages/core/src/internal/ruleTable.ts",
    "packages/core/src/internal/duration.ts",
    "packages/core/src/internal/schedule.ts",
    "packages/core/src/internal/deepFreeze.ts",
  ],
  // Workspace packages resolve through pnpm links to the real source tree, so mutate it in place.
  inPlace: true,
  coverageAnalysis: "perTest",
  // Static mutants (code run while modules load, e.g. the declaration itself and the tables
  // built from it) need the whole suite per mutant: hours on two cores. See docs/testing.md.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/core.html" },
  jsonReporter: { fileName: "reports/mutation/core.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
