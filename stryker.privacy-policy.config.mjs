// Mutation testing of @trunkiq/privacy-policy: `npx -y pnpm@12.4.2 mutation` (see docs/testing.md).
// Runner, in-place mode, coverage and static-mutant settings are core's (stryker.core.config.mjs).
import core from "./stryker.core.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...core,
  // The declaration and its guards. The document renderers (trace, policyText,
  // renderCompileTimeTests) are checked by file snapshots left out of mutation runs.
  mutate: [
    "packages/privacy-policy/src/policy.ts",
    "packages/privacy-policy/src/guards.ts",
    "packages/privacy-policy/src/ids.ts",
    "packages/privacy-policy/src/withRetention.ts",
  ],
  htmlReporter: { fileName: "reports/mutation/privacy-policy.html" },
  jsonReporter: { fileName: "reports/mutation/privacy-policy.json" },
};
