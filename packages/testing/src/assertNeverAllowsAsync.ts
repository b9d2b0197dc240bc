import type { Decision } from "@trunkiq/policy-core";
import fc from "fast-check";
import { DecisionAssertionError } from "./DecisionAssertionError";
import { formatDecision } from "./formatDecision";

/**
 * {@link assertNeverAllows} for a guard that answers asynchronously: a service route, a query
 * through a database, a call over the network. Each generated input is awaited in turn; a
 * counterexample is shrunk and reported with the seed, the path and the decision.
 *
 * @category Asserting
 * @example
 * await assertNeverAllowsAsync(
 *   async (request) => (await exportHandler(request)).decision,
 *   requestArb,
 *   { numRuns: 50 },
 * );
 */
export async function assertNeverAllowsAsync<T>(
  guard: (input: T) => Promise<Decision>,
  arb: fc.Arbitrary<T>,
  params: fc.Parameters<[T]> = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      const decision = await guard(input);
      if (decision?.allowed !== false) {
        throw new DecisionAssertionError(
          `expected every generated request to be denied, but this one was not:\n${formatDecision(decision)}`,
          decision,
        );
      }
    }),
    { includeErrorInReport: true, ...params },
  );
}
