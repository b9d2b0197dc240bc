// Mutation testing of @trunkiq/policy-core and @trunkiq/policy-law: `npx -y pnpm@12.4.2 mutation` (see docs/testing.md).
// One file or a few lines only: `npx stryker run stryker.core.config.mjs --mutate <file>[:<lines>]`.
import { createRequire } from "node:module";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // pnpm keeps plugins out of the core's reach, so the runner is loaded by its resolved path.
  plugins: [createRequire(import.meta.url).resolve("@stryker-mutator/vitest-runner")],
  // The engine is policy-agnostic: its mutants must die in core's own tests. That is also what
  // makes a run finish: the TrunkIQ property suite runs every table in every context per mutant.
  vitest: { configFile: "vitest.mutation.core.config.ts" },
  // Every module with runtime code; the rest is types and re-exports.
  mutate: [
    "packages/core/src/**/*.ts",
    "!packages/core/src/types/**",
    "!packages/core/src/index.ts",
    "!packages/core/src/decision.ts",
    "!packages/core/src/declaration.ts",
    "packages/law/src/**/*.ts",
    "!packages/law/src/index.ts",
    "!packages/law/src/rights/types.ts",
    "!packages/law/src/internal/countryCodes.ts",
  ],
  // Message wording is not behaviour. The literals that are (decision kinds, reason codes) are
  // typed unions, where a changed literal would not compile.
  mutator: { excludedMutations: ["StringLiteral"] },
  // Workspace packages resolve through pnpm links to the real source tree, so mutate it in place.
  inPlace: true,
  coverageAnalysis: "perTest",
  // Static mutants (code that runs only while modules load) would need the whole suite per
  // mutant; core's tests build their guards inside the tests, so there are few. See docs/testing.md.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/mutation/core.incremental.json",
  concurrency: 2,
  // On top of 1.5 × a test run's own time: enough for a loaded machine, short for a mutant that loops.
  timeoutMS: 15_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/core.html" },
  jsonReporter: { fileName: "reports/mutation/core.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
