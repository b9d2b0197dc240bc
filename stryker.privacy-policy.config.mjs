// Mutation testing of @trunkiq/privacy-policy: `npx -y pnpm@12.4.2 mutation` (see docs/testing.md).
import { createRequire } from "node:module";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // pnpm keeps plugins out of the core's reach, so the runner is loaded by its resolved path.
  plugins: [createRequire(import.meta.url).resolve("@stryker-mutator/vitest-runner")],
  vitest: { configFile: "vitest.mutation.config.ts" },
  // The declaration and its guards. The document renderers (trace, policyText,
  // renderCompileTimeTests) are checked by file snapshots left out of mutation runs.
  mutate: [
    "packages/privacy-policy/src/policy.ts",
    "packages/privacy-policy/src/guards.ts",
    "packages/privacy-policy/src/ids.ts",
    "packages/privacy-policy/src/withRetention.ts",
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
  htmlReporter: { fileName: "reports/mutation/privacy-policy.html" },
  jsonReporter: { fileName: "reports/mutation/privacy-policy.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
