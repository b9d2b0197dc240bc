import type { Decision } from "@trunkiq/policy-core";
import fc from "fast-check";
import { DecisionAssertionError } from "./DecisionAssertionError";
import { formatDecision } from "./formatDecision";

/**
 * Checks with fast-check that `guard` denies every input `arb` generates. A counterexample is
 * shrunk and reported with fast-check's seed and path (to replay it) and the allowed decision
 * rendered with its reasons and sections.
 *
 * `params` go to `fc.assert`: pass `{ seed }` to replay a failure, `{ numRuns }` to tune cost.
 *
 * @category Asserting
 * @example
 * const arbs = createArbitraries(policy);
 * assertNeverAllows((q) => canUse(q.purpose, q.category, q.context), arbs.forbiddenUseArb);
 * assertNeverAllows((request) => buildExport(request).decision, requestArb, { numRuns: 500 });
 */
export function assertNeverAllows<T>(
  guard: (input: T) => Decision,
  arb: fc.Arbitrary<T>,
  params: fc.Parameters<[T]> = {},
): void {
  fc.assert(
    fc.property(arb, (input) => {
      const decision = guard(input);
      if (decision?.allowed !== false) {
        throw new DecisionAssertionError(
          `expected every generated request to be denied, but this one was not:\n${formatDecision(decision)}`,
          decision,
        );
      }
    }),
    // The rendered decision goes into fast-check's report, beside the seed and the path.
    { includeErrorInReport: true, ...params },
  );
}
