import { type AnyDecision as CoreDecision, explain as explainCore } from "@trunkiq/policy-core";
import { explainWith } from "@trunkiq/policy-core/engine";
import type { CollectDecision } from "./createAgeGate";
import type { TransferDecision } from "./createTransferGuard";
import type { RightDecision } from "./rights/types";

/** Every kind of decision the engine's guards and the law modules return. */
export type AnyDecision = CoreDecision | RightDecision | CollectDecision | TransferDecision;

const verdict = (allowed: boolean) => (allowed ? "ALLOWED" : "DENIED");

/**
 * Renders any decision as a few lines of plain text: the decisions of the rights guards, the age
 * gate and the transfer guard here, and every other through core's `explain`, so one function
 * renders every decision a TrunkIQ guard returns.
 *
 * @category Explaining
 * @example
 * console.log(explain(canTransfer("account", { from: "DE", to: "IN", mechanism: "scc" })));
 * // ALLOWED: transfer of "account" from DE to IN under scc
 * //   - DE → IN leaves the eea under "scc" (GDPR Art. 46(2)(c)) [§8: "…"]
 * //   must: apply-scc: … [§8]
 * //   policy trunkiq-privacy-policy@2025-07-07
 */
export function explain(decision: AnyDecision): string {
  switch (decision.kind) {
    case "right":
      return explainWith(
        [
          `${verdict(decision.allowed)}: ${decision.right} of "${decision.category}" (${decision.jurisdiction})` +
            (decision.until ? `, until ${decision.until.toISOString()}` : ""),
          ...(decision.purposes.length > 0 ? [`  purposes: ${decision.purposes.join(", ")}`] : []),
        ],
        decision,
      );
    case "collect":
      return explainWith(
        [
          `${verdict(decision.allowed)}: collecting personal data from someone aged ${decision.age ?? "unknown"}`,
        ],
        decision,
      );
    case "transfer":
      return explainWith(
        [
          `${verdict(decision.allowed)}: transfer of "${decision.category}" from ${decision.from} to ${decision.to}` +
            (decision.mechanism ? ` under ${decision.mechanism}` : ""),
        ],
        decision,
      );
    default:
      return explainCore(decision);
  }
}
