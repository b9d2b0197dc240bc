import {
  createTransferGuard,
  type TransferDecision,
  type TransferGuard,
  type TransferRoute,
} from "@trunkiq/policy-law";
import type { Category } from "./ids";
import { policy } from "./policy";
import { type TransferMechanism, transferLaw } from "./transferLaw";

// The table is exported as `TransferLaw`; its mechanism ids come from the literal table. Built
// on the first transfer question, so importing the package for other guards builds nothing here.
let guard: TransferGuard<Category, TransferMechanism> | undefined;

export type { TransferMechanism };

/**
 * May `category` go from one country to another at `at` (§8)? Data leaving the EEA, the UK or
 * Switzerland for a country without an adequacy decision that applies on the day needs a
 * safeguard the exporting region accepts (EEA: SCCs, BCR, DPF for certified US importers; UK:
 * IDTA or UK Addendum, BCR, DPF; Switzerland: SCCs with the Swiss adaptations, BCR, DPF;
 * derogations as a last resort); the decision carries the obligation to apply it. Data keeps
 * the protection of its `origin` on every later hop (GDPR Art. 44; SCC clause 8.7). Transfers
 * within a region, to an adequate country, from elsewhere (e.g. the US) of data not from a
 * region, and direct collection from a person abroad (EDPB Guidelines 05/2021) need none.
 * Country codes are ISO 3166-1 alpha-2 (`"GB"`, not `"UK"`).
 *
 * @category Transfers
 * @example
 * const at = new Date();
 * canTransfer("call-detail-record", { from: "DE", to: "US", at }).allowed;                   // false
 * canTransfer("call-detail-record", { from: "DE", to: "US", at, mechanism: "dpf" }).allowed; // true
 * canTransfer("account", { from: "GB", to: "IN", at, mechanism: "scc" }).allowed;           // false: UK Addendum needed
 * canTransfer("account", { origin: "DE", from: "US", to: "IN", at }).allowed;               // false: still EEA data
 */
export function canTransfer(
  category: Category,
  route: TransferRoute<TransferMechanism>,
): TransferDecision<Category> {
  guard ??= createTransferGuard(policy, transferLaw);
  return guard.canTransfer(category, route);
}
