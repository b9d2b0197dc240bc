import type { DataMap, Decision } from "@trunkiq/policy-core";
import type { LooseGuards } from "./loose";

/** Where a purpose may use one column, by jurisdiction of the row. */
export interface ColumnPermission {
  /** Jurisdictions whose rows may be used as they are. */
  readonly plain: ReadonlySet<string>;
  /** Jurisdictions whose rows may be used only where the subject consented to the purpose. */
  readonly withConsent: ReadonlySet<string>;
  /** The decision that refuses it, when no row of any jurisdiction may be used. */
  readonly refusal: Decision | undefined;
}

/**
 * Decides, once per column, where `purpose` may use it: each jurisdiction is asked without the
 * consent flag (the caller's word for it is dropped: the ledger decides), then with it when the
 * map says where consent events live.
 */
export function usePermissions(
  guards: LooseGuards,
  map: DataMap,
  purpose: string,
  context: object,
): (category: string) => ColumnPermission {
  const { jurisdictions } = guards.policy;
  const field = map.consent?.contextField;
  const base: Record<string, unknown> = { ...context };
  if (field !== undefined) delete base[field];
  const cache = new Map<string, ColumnPermission>();
  const everywhere: ColumnPermission = {
    plain: new Set(jurisdictions),
    withConsent: new Set(),
    refusal: undefined,
  };
  return (category) => {
    if (category === "not-personal") return everywhere;
    const known = cache.get(category);
    if (known !== undefined) return known;
    const plain = new Set<string>();
    const withConsent = new Set<string>();
    let refusal: Decision | undefined;
    for (const jurisdiction of jurisdictions) {
      const decision = guards.canUse(purpose, category, { ...base, jurisdiction });
      if (decision.allowed) {
        plain.add(jurisdiction);
        continue;
      }
      refusal ??= decision;
      if (
        field !== undefined &&
        guards.canUse(purpose, category, { ...base, jurisdiction, [field]: true }).allowed
      ) {
        withConsent.add(jurisdiction);
      }
    }
    const permission = {
      plain,
      withConsent,
      refusal: plain.size + withConsent.size === 0 ? refusal : undefined,
    };
    cache.set(category, permission);
    return permission;
  };
}
