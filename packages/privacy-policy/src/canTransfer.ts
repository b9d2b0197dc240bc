import {
  createTransferGuard,
  type TransferDecision,
  type TransferRoute,
} from "@trunkiq/policy-law";
import type { DataCategory } from "./ids";
import { policy } from "./policy";
import { type TransferMechanism, transferLaw } from "./transferLaw";

const guard = /* @__PURE__ */ createTransferGuard(policy, transferLaw);

export type { TransferMechanism };

/**
 * May `category` go from one country to another (§8)? Data leaving the EEA or the UK for a
 * country without an adequacy decision needs a safeguard the exporting region accepts (EEA:
 * SCCs, BCR, DPF for certified US importers; UK: IDTA or UK Addendum, BCR, DPF; Art. 49
 * derogations as a last resort); the decision carries the obligation to apply it. Transfers
 * within the EEA, to an adequate country or from elsewhere (e.g. the US) need none. Country
 * codes are ISO 3166-1 alpha-2 (`"GB"`, not `"UK"`).
 *
 * @category Transfers
 * @example
 * canTransfer("call-detail-record", { from: "DE", to: "US" }).allowed;                 // false
 * canTransfer("call-detail-record", { from: "DE", to: "US", mechanism: "dpf" }).allowed; // true
 * canTransfer("account", { from: "GB", to: "IN", mechanism: "scc" }).allowed;           // false: UK Addendum needed
 */
export function canTransfer(
  category: DataCategory,
  route: TransferRoute<TransferMechanism>,
): TransferDecision<DataCategory> {
  return guard(category, route) as TransferDecision<DataCategory>;
}
