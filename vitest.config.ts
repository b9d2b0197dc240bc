import { fileURLToPath } from "node:url";
import { defaultServerConditions, defineConfig } from "vite";
import { configDefaults, type TestProjectInlineConfiguration } from "vitest/config";

// Tests and examples run against source through the "@trunkiq/source" export condition.
const conditions = ["@trunkiq/source", ...defaultServerConditions];
const setupFile = fileURLToPath(new URL("./test-support/setup.ts", import.meta.url));
const exclude = [...configDefaults.exclude, "**/dist/**"];

/** One project per folder: its runtime tests, and its `*.test-d.ts` type tests through tsc. */
function project(
  name: string,
  dir: string,
  test: TestProjectInlineConfiguration["test"] = {},
): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      include: [`${dir}/test/**/*.test.ts`],
      typecheck: { enabled: true, include: [`${dir}/test/**/*.test-d.ts`] },
      ...test,
    },
  };
}

// Mutation testing (stryker.config.mjs) runs one package's runtime tests on a fixed fast-check
// seed, so a mutant is killed or survives the same way on every run. Type tests execute no
// mutated code; the generated-document snapshots mismatch under Stryker's runner; the built CLI
// binary and the time-zone test's child processes run bundles in which no mutant is switched on.
const mutating = process.env.MUTATE_PACKAGE;
// Core's mutants and the law modules' die in their own packages' tests.
const mutationTests: Record<string, string[]> = {
  core: ["packages/core/test/**/*.test.ts", "packages/law/test/**/*.test.ts"],
  "privacy-policy": ["packages/privacy-policy/test/**/*.test.ts"],
};
const mutation = {
  include: mutationTests[mutating ?? ""] ?? [],
  exclude: [
    ...exclude,
    // The package's own unit tests only: the TrunkIQ property suite runs every table in every
    // context, which would make each mutant take tens of seconds.
    "packages/privacy-policy/test/properties/**",
    "**/trace.test.ts",
    "**/matrix.test.ts",
    "**/timeZones.test.ts",
  ],
  typecheck: { enabled: false },
  reporters: ["default"],
  env: { FC_SEED: "20250707", FC_NUM_RUNS: "25" },
};

const projects = [
  project("core", "packages/core"),
  project("law", "packages/law"),
  // Its property suite walks every point of the declaration's context space (half a million
  // shares): slow on a loaded machine, not wrong.
  project("privacy-policy", "packages/privacy-policy", { testTimeout: 60_000 }),
  project("testing", "packages/testing"),
  // Runs on embedded PGlite; against a server when DATABASE_URL is set.
  // PGlite starts slowly on a loaded machine: one dump of its data directory per run.
  project("policy-kysely", "packages/policy-kysely", {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["packages/policy-kysely/test/support/initDatabase.ts"],
  }),
  project("fastify", "packages/fastify"),
  project("cli", "packages/cli", { exclude: [...exclude, "packages/cli/test/bin/**"] }),
  // The built binary, end to end: the one suite that needs a build, made once for it.
  project("cli-bin", "packages/cli", {
    include: ["packages/cli/test/bin/**/*.test.ts"],
    typecheck: { enabled: false },
    globalSetup: ["packages/cli/test/bin/buildBin.ts"],
  }),
  project("examples", "examples/*", {
    exclude: [...exclude, "examples/cdr-service/**"],
  }),
  // The service example, on PGlite (one dump per run) or on the server DATABASE_URL names; one
  // test starts the service as a process of its own.
  project("cdr-service", "examples/cdr-service", {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["examples/cdr-service/test/support/initDatabase.ts"],
  }),
  // Every TypeScript block of the READMEs and docs/, type-checked and, where marked, run.
  project("docs", "docs", {
    testTimeout: 60_000,
    exclude: [...exclude, "docs/test/walkthrough.test.ts"],
  }),
  // docs/getting-started.md followed in an empty folder against the packed packages, installed
  // with npm: builds (when dist/ is stale), packs and installs, so it is given minutes.
  project("walkthrough", "docs", {
    include: ["docs/test/walkthrough.test.ts"],
    typecheck: { enabled: false },
    testTimeout: 900_000,
  }),
  // The benchmark harness's own tests; the benchmarks themselves run in bench/run.mjs.
  // Its answer checks scan 10 MB values with every candidate: slow on a loaded machine, not wrong.
  project("bench", "bench", {
    include: ["bench/**/*.test.ts"],
    typecheck: { enabled: false },
    testTimeout: 60_000,
  }),
];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@trunkiq/source"] } },
  test: {
    setupFiles: [setupFile],
    ...(mutating
      ? mutation
      : {
          exclude,
          typecheck: { tsconfig: "./tsconfig.json" },
          // A second run (the database suites on a server, in .ci/run) names its own report.
          reporters: [
            "default",
            ["json", { outputFile: process.env.VITEST_JSON_REPORT ?? "reports/vitest.json" }],
          ],
          projects,
        }),
  },
});
