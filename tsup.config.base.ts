import { defineConfig, type Options } from "tsup";

/** Build settings shared by every publishable package: dual ESM + CJS with declarations. */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    ...overrides,
  });
}
