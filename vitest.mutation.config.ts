import { mergeConfig } from "vite";
import { configDefaults } from "vitest/config";
import base from "./vitest.config";

// Mutation testing runs the runtime tests only, on a fixed fast-check seed: a mutant must be
// killed (or survive) the same way on every run. Type tests and the tsc-driven compile-time
// check do not execute mutated code, so they are left out, as is the trace test, which checks
// that the policy text's sentences point at exported names rather than how the guards decide, and
// the generated-document snapshots (their file snapshots mismatch under Stryker's runner). The CLI
// tests start the built binary, which runs the built bundle rather than the mutated source, so
// they are left out too (they would also need a build and a process per test), as is the time-zone
// test, whose child processes run a bundle in which no mutant is switched on.
export default mergeConfig(base, {
  test: {
    include: ["packages/*/test/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      "**/dist/**",
      "**/compileTime.test.ts",
      "**/trace.test.ts",
      "**/matrix.test.ts",
      "**/timeZones.test.ts",
      "packages/cli/test/**",
    ],
    typecheck: { enabled: false },
    reporters: ["default"],
    env: { FC_SEED: "20250707", FC_NUM_RUNS: "25" },
  },
});
