// Rewrites the counts the READMEs state (purposes, categories, recipients, …) from the TrunkIQ
// declaration, inside their `<!-- declared-counts:… -->` markers. The drift test
// packages/privacy-policy/test/readmeCounts.test.ts fails until this has been run.
//
//   node scripts/readme-counts.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "readme-counts-"));
const bundle = join(dir, "declaredCounts.mjs");
try {
  // The declaration is TypeScript source; bundle it as the tests read it (`@trunkiq/source`).
  await build({
    entryPoints: [join(root, "packages/privacy-policy/test/support/declaredCounts.ts")],
    outfile: bundle,
    bundle: true,
    format: "esm",
    platform: "node",
    conditions: ["@trunkiq/source"],
    packages: "bundle",
    logLevel: "warning",
  });
  const { READMES, renderBlock, writeBlock } = await import(pathToFileURL(bundle).href);
  for (const [file, block] of Object.entries(READMES)) {
    const path = join(root, file);
    const before = readFileSync(path, "utf8");
    const after = writeBlock(before, block, renderBlock(block));
    if (after !== before) writeFileSync(path, after);
    console.log(`${file}: ${after === before ? "up to date" : "rewritten"}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
