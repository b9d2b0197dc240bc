// Mutation testing of @trunkiq/policy-core: `npx -y pnpm@12.4.2 mutation` (see docs/testing.md).
import { createRequire } from "node:module";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // pnpm keeps plugins out of the core's reach, so the runner is loaded by its resolved path.
  plugins: [createRequire(import.meta.url).resolve("@stryker-mutator/vitest-runner")],
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: [
    "packages/core/src/**/*.ts",
    "!packages/core/src/types/**",
    "!packages/core/src/index.ts",
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
