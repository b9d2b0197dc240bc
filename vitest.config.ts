import { defaultServerConditions, defineConfig } from "vite";
import { configDefaults } from "vitest/config";

// Tests and examples run against source through the "@trunkiq/source" export condition.
const conditions = ["@trunkiq/source", ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@trunkiq/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/dist/**"],
    setupFiles: ["./vitest.setup.ts"],
    typecheck: {
      enabled: true,
      include: ["packages/*/test/**/*.test-d.ts", "examples/*/test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
