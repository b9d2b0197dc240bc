// The public surface of every package, one API report per entry point, written by
// @microsoft/api-extractor from the built declarations (`pnpm build` first):
// `packages/<pkg>/etc/<entry>.api.md`. A change to what a package exports shows in review as a
// diff of its report.
//
//   node scripts/api-report.mjs          rewrite the reports
//   node scripts/api-report.mjs --check  fail when a report differs from the built surface
//
// Entry points are read from each package's `exports` map, so a new subpath gets its report
// without an edit here.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");

/** `[reportName, types file]` for every entry of a package's exports map that has types. */
function entryPoints(packageDir, manifest) {
  const entries = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const types = target?.import?.types ?? target?.types;
    if (typeof types !== "string") continue;
    const name = subpath === "." ? "index" : subpath.replace(/^\.\//, "").replaceAll("/", "-");
    entries.push([name, join(packageDir, types)]);
  }
  return entries;
}

// API Extractor's own notices; the outcome is summarised once per entry point below.
const quiet = new Set([
  "console-preamble",
  "console-compiler-version-notice",
  "console-api-report-copied",
  "console-api-report-created",
  "console-api-report-not-copied",
]);

const problems = [];
let written = 0;
for (const dir of readdirSync(join(root, "packages")).sort()) {
  const packageDir = join(root, "packages", dir);
  const manifestPath = join(packageDir, "package.json");
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  if (manifest.private) continue;
  const reportFolder = join(packageDir, "etc");
  const tempFolder = join(root, "reports", "api", dir);
  mkdirSync(reportFolder, { recursive: true });
  const expected = new Set();
  for (const [name, typesFile] of entryPoints(packageDir, manifest)) {
    expected.add(`${name}.api.md`);
    if (!existsSync(typesFile)) {
      problems.push(`${manifest.name}: ${typesFile} is missing; run \`pnpm build\` first`);
      continue;
    }
    const config = ExtractorConfig.prepare({
      configObjectFullPath: join(packageDir, "api-extractor.json"),
      packageJsonFullPath: manifestPath,
      configObject: {
        projectFolder: packageDir,
        mainEntryPointFilePath: typesFile,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: "ES2022",
              lib: ["ES2022"],
              module: "ESNext",
              moduleResolution: "Bundler",
              strict: true,
              skipLibCheck: true,
              types: ["node"],
            },
            files: [typesFile],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: name,
          reportFolder,
          reportTempFolder: tempFolder,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: "lf",
        messages: {
          compilerMessageReporting: { default: { logLevel: "warning" } },
          // Warnings would cite lines of tsup's hashed chunk files, which change with every
          // build; the report lists the surface only.
          extractorMessageReporting: { default: { logLevel: "none", addToApiReportFile: false } },
          tsdocMessageReporting: { default: { logLevel: "none" } },
        },
      },
    });
    const result = Extractor.invoke(config, {
      localBuild: !check,
      showVerboseMessages: false,
      // In a check, print what changed; a local run rewrites the report instead.
      printApiReportDiff: check,
      messageCallback: (message) => {
        if (quiet.has(message.messageId)) message.handled = true;
      },
    });
    const report = join("packages", dir, "etc", `${name}.api.md`);
    if (result.apiReportChanged) {
      if (check) problems.push(`${report} is out of date`);
      else written++;
    }
    if (result.errorCount > 0) problems.push(`${report}: ${result.errorCount} error(s)`);
  }
  // A report of an entry point that no longer exists is stale too.
  for (const file of readdirSync(reportFolder)) {
    if (!file.endsWith(".api.md") || expected.has(file)) continue;
    if (check) problems.push(`packages/${dir}/etc/${file} has no entry point any more`);
    else rmSync(join(reportFolder, file));
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  if (check) {
    console.error(
      "\nThe public surface changed. Run `pnpm build && pnpm api:update` and commit the reports.",
    );
  }
  process.exit(1);
}
console.log(check ? "API reports are up to date." : `API reports written (${written} changed).`);
