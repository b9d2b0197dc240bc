// Prints the closing line CI reads ("N passed, N failed", alone on its line) from vitest's JSON
// reports: the main run's, and any further run's given after it (the database suites on a server).
import { existsSync, readFileSync } from "node:fs";

const paths = process.argv.slice(2);
if (paths.length === 0) paths.push("reports/vitest.json");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [index, path] of paths.entries()) {
  if (!existsSync(path)) {
    // The main report must exist; a further one only when its run was started.
    if (index === 0) {
      console.error(`no test report at ${path}: the test run did not finish`);
      console.log("0 passed, 1 failed");
      process.exit(1);
    }
    continue;
  }
  const report = JSON.parse(readFileSync(path, "utf8"));
  passed += report.numPassedTests ?? 0;
  // A suite that failed to load counts as a failure even though none of its tests ran.
  const failedSuites = (report.testResults ?? []).filter(
    (suite) => suite.status === "failed" && (suite.assertionResults ?? []).length === 0,
  ).length;
  failed += (report.numFailedTests ?? 0) + failedSuites;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (skipped > 0) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
