import type { RetentionPeriod } from "../declaration";
import { describe } from "./context";
import { ACCESSOR, INHERITED, notOwnProblem, ownValue } from "./ownValue";

// INVARIANT: accepts exactly the plain values `durationSchema` (policyDeclarationSchema.ts)
// accepts; test/readPeriod.test.ts compares the two. Written out so the guards load no zod.
const units = ["years", "months", "weeks", "days"] as const;
const isUnit = (key: string): key is (typeof units)[number] =>
  (units as readonly string[]).includes(key);

/**
 * A retention period in whole non-negative years, months, weeks and days, read from untrusted
 * input into a copy of its own data fields, or every problem, each naming its unit (or `value`).
 */
export function readPeriod(
  value: unknown,
): { readonly period: RetentionPeriod } | { readonly problems: readonly string[] } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      problems: [
        `value expected an object { years?, months?, weeks?, days? }, got ${describe(value)}`,
      ],
    };
  }
  const period: { -readonly [K in keyof RetentionPeriod]: RetentionPeriod[K] } = {};
  const problems: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    const name = String(key);
    if (typeof key !== "string" || !isUnit(key)) {
      problems.push(
        `${name} is not a unit: a period counts whole UTC days in years, months, weeks or days`,
      );
      continue;
    }
    const n = ownValue(value, key);
    if (n === INHERITED || n === ACCESSOR)
      problems.push(`${name} ${notOwnProblem("period", key, n)}`);
    else if (n === undefined) continue;
    else if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
      problems.push(`${name} expected a non-negative whole number, got ${describe(n)}`);
    } else period[key] = n;
  }
  return problems.length > 0 ? { problems } : { period };
}
