import { deepFreeze } from "@trunkiq/policy-core/engine";
import type { TransferLaw } from "./createTransferGuard";

/**
 * Declares a table of transfer law for {@link createTransferGuard}, deep-frozen: an exported
 * table that code could change (an adequacy decision added at runtime) would widen transfers.
 *
 * @category Transfers
 * @example
 * export const transferLaw = defineTransferLaw({
 *   section: "§8", text: "appropriate safeguards", notCountries: {},
 *   regions: { eea: { section: "§8", text: "EEA", members: ["DE", "FR"],
 *     adequate: { CH: { decision: "Decision 2000/518/EC", from: "2000-07-26" } },
 *     mechanisms: { scc: { law: "GDPR Art. 46(2)(c)", obligation: { id: "apply-scc", message: "sign the SCCs" } } } } },
 * });
 */
export function defineTransferLaw<const L extends TransferLaw>(law: L): L {
  return deepFreeze(law);
}
