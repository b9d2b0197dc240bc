import type { PolicyDeclaration } from "../declaration";
import { PolicyDefinitionError, type PolicyDefinitionIssue } from "../PolicyDefinitionError";
import type { RetentionSchedule } from "../retention";
import { describe } from "./context";
import { formatPeriod, isAtLeast } from "./duration";
import { readPeriod } from "./readPeriod";

/**
 * Refuses a retention schedule that names an unknown category or jurisdiction, is not a
 * duration, or leaves the limits its rule cites. Every problem is thrown at once.
 */
export function validateSchedule(
  policy: PolicyDeclaration,
  schedule: unknown,
): asserts schedule is RetentionSchedule {
  const issues: PolicyDefinitionIssue[] = [];
  const report = (path: string, message: string) =>
    issues.push({ path: `retention.${path}`, message });
  if (schedule === null || typeof schedule !== "object" || Array.isArray(schedule)) {
    throw new PolicyDefinitionError([
      {
        path: "retention",
        message: `a retention schedule is an object, got ${describe(schedule)}`,
      },
    ]);
  }
  for (const [category, byJurisdiction] of Object.entries(schedule)) {
    if (byJurisdiction === undefined) continue;
    const rules = Object.hasOwn(policy.retention, category)
      ? policy.retention[category]
      : undefined;
    if (!rules) {
      report(
        category,
        `unknown data category "${category}" (declared: ${Object.keys(policy.retention).join(", ")})`,
      );
      continue;
    }
    if (byJurisdiction === null || typeof byJurisdiction !== "object") {
      report(category, `expected { [jurisdiction]: Duration }, got ${describe(byJurisdiction)}`);
      continue;
    }
    for (const [jurisdiction, period] of Object.entries(byJurisdiction as object)) {
      const path = `${category}.${jurisdiction}`;
      const rule = Object.hasOwn(rules, jurisdiction) ? rules[jurisdiction] : undefined;
      if (!rule) {
        report(
          path,
          `unknown jurisdiction "${jurisdiction}" (declared: ${policy.jurisdictions.join(", ")})`,
        );
        continue;
      }
      const read = readPeriod(period);
      if ("problems" in read) {
        report(path, `not a duration: ${read.problems.join("; ")}`);
        continue;
      }
      if (rule.minimum && !isAtLeast(read.period, rule.minimum)) {
        report(
          path,
          `${formatPeriod(read.period)} is shorter than the legal minimum of ${formatPeriod(rule.minimum)} (${rule.law})`,
        );
      }
      if (rule.maximum && !isAtLeast(rule.maximum, read.period)) {
        report(
          path,
          `${formatPeriod(read.period)} is longer than the maximum of ${formatPeriod(rule.maximum)} (${rule.law})`,
        );
      }
    }
  }
  if (issues.length > 0) throw new PolicyDefinitionError(issues);
}
