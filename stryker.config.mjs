// Mutation testing of one part at a time, chosen by MUTATE_PACKAGE: core (with the law modules of
// @trunkiq/policy-law) or privacy-policy.
//   MUTATE_PACKAGE=core npx stryker run
//   MUTATE_PACKAGE=core npx stryker run --mutate packages/law/src/ageAt.ts[:<lines>]
// `npx -y pnpm@12.4.2 mutation` runs both. vitest.config.ts picks the same package's tests. See
// docs/testing.md.
import { createRequire } from "node:module";

const target = process.env.MUTATE_PACKAGE ?? "core";

const packages = {
  // The engine and the law modules are policy-agnostic: their mutants must die in their own
  // tests. That is also what makes a run finish: the TrunkIQ property suite runs every table in
  // every context per mutant.
  core: {
    // Every module with runtime code; the rest is types, re-exports and generated data.
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
    // Static mutants (code that runs only while modules load) would need the whole suite per
    // mutant; core's tests build their guards inside the tests, so there are few.
    ignoreStatic: true,
  },
  // The package's own code: the guards it builds on the declaration and the record schemas. The
  // declaration (policy.ts), its id lists (ids.ts) and the transfer facts (transferLaw.ts) are
  // data: a mutant there is a different policy, which the exhaustive suites compare the guards
  // with, not a bug the tests should catch.
  "privacy-policy": {
    mutate: [
      "packages/privacy-policy/src/canTransfer.ts",
      "packages/privacy-policy/src/children.ts",
      "packages/privacy-policy/src/consent.ts",
      "packages/privacy-policy/src/guards.ts",
      "packages/privacy-policy/src/recordSchemas.ts",
      "packages/privacy-policy/src/rights.ts",
      "packages/privacy-policy/src/withRetention.ts",
    ],
    // Here the literals are ids, citations and the wording the tests pin, so all are mutated.
    mutator: { excludedMutations: [] },
    // This package builds its guards while it loads, so most of its code runs only then: static
    // mutants are tested too, each against the package's tests with a fresh module graph.
    ignoreStatic: false,
  },
};

const settings = packages[target];
if (!settings) {
  throw new Error(
    `MUTATE_PACKAGE must be one of ${Object.keys(packages).join(", ")}, got "${target}"`,
  );
}
// vitest.config.ts reads the same variable to run this package's tests.
process.env.MUTATE_PACKAGE = target;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // pnpm keeps plugins out of the core's reach, so the runner is loaded by its resolved path.
  plugins: [createRequire(import.meta.url).resolve("@stryker-mutator/vitest-runner")],
  vitest: { configFile: "vitest.config.ts" },
  ...settings,
  // Workspace packages resolve through pnpm links to the real source tree, so mutate it in place.
  inPlace: true,
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: `reports/mutation/${target}.incremental.json`,
  concurrency: 2,
  // On top of 1.5 × a test run's own time: enough for a loaded machine, short for a mutant that loops.
  timeoutMS: 15_000,
  // The JSON and HTML reports list every surviving mutant by file, line and column.
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${target}.html` },
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
