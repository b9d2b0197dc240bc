import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The `trunkiq-policy` binary built from source for this run. */
    cliBin: string;
  }
}

// Inside the package (git-ignored), so the binary finds the policy text the way dist/bin.js does.
const generated = fileURLToPath(new URL("../.generated/", import.meta.url));

/**
 * Builds the `trunkiq-policy` binary once for the end-to-end tests: `src/bin.ts` bundled with
 * everything it imports, the workspace packages from source, so the tests need no `pnpm build`
 * and never run a stale `dist/`.
 */
export default async function buildBin(project: TestProject): Promise<() => void> {
  mkdirSync(generated, { recursive: true });
  const outDir = mkdtempSync(join(generated, "bin-"));
  await build({
    entry: { bin: fileURLToPath(new URL("../../src/bin.ts", import.meta.url)) },
    outDir,
    format: ["esm"],
    platform: "node",
    target: "node20",
    bundle: true,
    noExternal: [/.*/],
    // Bundled CommonJS dependencies call require, which an ES module lacks.
    banner: {
      js: 'import { createRequire as __binRequire } from "node:module";\nconst require = __binRequire(import.meta.url);',
    },
    silent: true,
    config: false,
    dts: false,
    esbuildOptions(options) {
      options.conditions = ["@trunkiq/source"];
    },
  });
  project.provide("cliBin", join(outDir, "bin.js"));
  return () => rmSync(outDir, { recursive: true, force: true });
}
