// @ts-nocheck
import base from "./vitest.mutation.config";

// The privacy-policy package's tests only, for its mutation run (stryker.privacy-policy.config.mjs).
export default {
  ...base,
  test: { ...base.test, include: ["packages/privacy-policy/test/**/*.test.ts"] },
};
