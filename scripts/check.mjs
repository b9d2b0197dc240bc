// The check pipeline, in one place: `pnpm check` runs it whole; CI runs the README's test
// command first and then `pnpm check --after-test <its exit status>`. Each step is a root
// package.json script; the closing line is the test count from the JSON report.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const REPORT = "reports/vitest.json";
// `api` compares each package's public surface, read from the build, with its committed API
// report (scripts/api-report.mjs).
const steps = ["test", "typecheck", "lint", "build", "api", "publint", "attw"];

const args = process.argv.slice(2);
const at = args.indexOf("--after-test");
// The status of a test run made before this script, or undefined to run the tests here.
const testStatus = at === -1 ? undefined : Number(args[at + 1]);
if (testStatus !== undefined && !Number.isInteger(testStatus)) {
  console.error("usage: node scripts/check.mjs [--after-test <exit status of the test run>]");
  process.exit(2);
}

const run = (command) => spawnSync(command, { shell: true, stdio: "inherit" }).status ?? 1;
// Runs a root package.json script through the pnpm that started this script: a script file run
// by Node, or pnpm's own executable.
const execPath = process.env.npm_execpath;
const pnpm = !execPath
  ? "npx -y pnpm@12.4.2"
  : /\.[cm]?js$/.test(execPath)
    ? `"${process.execPath}" "${execPath}"`
    : `"${execPath}"`;

const failed = [];
for (const step of steps) {
  if (step === "test" && testStatus !== undefined) {
    if (testStatus !== 0) failed.push(step);
  } else {
    // A report left by an earlier run must not stand in for this one.
    if (step === "test") {
      rmSync(REPORT, { force: true });
      rmSync("reports/vitest-postgres.json", { force: true });
    }
    console.log(`\n> ${step}`);
    if (run(`${pnpm} run ${step}`) !== 0) failed.push(step);
  }
  // Later steps check what the earlier ones passed; stop at the first failure.
  if (failed.length > 0) break;
}

if (failed.length > 0) console.error(`\ncheck failed at: ${failed.join(", ")}`);
// The database suites' second run on a PostgreSQL server (.ci/run), when there was one.
const summary = run(
  `"${process.execPath}" scripts/test-summary.mjs ${REPORT} reports/vitest-postgres.json`,
);
process.exit(failed.length === 0 && summary === 0 ? 0 : 1);
