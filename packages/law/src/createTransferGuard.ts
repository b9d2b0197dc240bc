import type {
  AuditHooks,
  Citation,
  Obligation,
  PolicyDeclaration,
  PolicyRef,
  Reason,
} from "@trunkiq/policy-core";
import { auditEmitter, describe, frozenCopy, ownFields } from "@trunkiq/policy-core/engine";
import { countryCodes } from "./internal/countryCodes";

/** A lawful transfer safeguard an exporting region accepts. */
export interface TransferMechanismRule {
  /** The law that makes it a safeguard, e.g. `"GDPR Art. 46(2)(c); Decision (EU) 2021/914"`. */
  readonly law: string;
  /** The destinations it serves; every destination when omitted (DPF serves only the US). */
  readonly to?: readonly string[];
  /** What the exporter must do when relying on it. */
  readonly obligation: { readonly id: string; readonly message: string };
}

/** A region whose law restricts exports of personal data (the EEA, the UK). */
export interface TransferRegion extends Citation {
  /** The countries inside the region (ISO 3166-1 alpha-2): data moves freely among them. */
  readonly members: readonly string[];
  /** Destinations with an adequacy decision of the region, each with the law that grants it. */
  readonly adequate: { readonly [country: string]: string };
  /** The safeguards the region accepts for other destinations, by mechanism id. */
  readonly mechanisms: { readonly [mechanism: string]: TransferMechanismRule };
  /** Why a mechanism the region does not accept fails, e.g. EU SCCs alone for UK exports. */
  readonly refused?: { readonly [mechanism: string]: string };
}

/** Every fact `canTransfer` decides from, kept in one table. */
export interface TransferLaw extends Citation {
  readonly regions: { readonly [region: string]: TransferRegion };
  /** Codes refused with a hint, e.g. `UK` (exceptionally reserved; the code is `GB`). */
  readonly notCountries: { readonly [code: string]: string };
}

/** The answer to `canTransfer(category, { from, to, mechanism })`. */
export interface TransferDecision<C extends string = string> {
  readonly kind: "transfer";
  readonly allowed: boolean;
  readonly category: C;
  readonly from: string;
  readonly to: string;
  /** The exporting region whose law applied; `null` when none restricts the transfer. */
  readonly region: string | null;
  /** The safeguard the transfer relies on; `null` when it needs none. */
  readonly mechanism: string | null;
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  readonly policy: PolicyRef;
}

/** Where a transfer goes and under what safeguard. */
export interface TransferRoute<M extends string = string> {
  readonly from: string;
  readonly to: string;
  readonly mechanism?: M | undefined;
}

/** `true` when `code` is an assigned upper-case ISO 3166-1 alpha-2 country code the law does not refuse. */
function isCountry(code: string, law: TransferLaw): boolean {
  return countryCodes.has(code) && !Object.hasOwn(law.notCountries, code);
}

/**
 * Compiles a transfer guard from a table of transfer law. A transfer from inside a region to
 * outside it needs an adequacy decision for the destination or a safeguard the region accepts
 * (for that destination); the decision carries the obligation to apply it. Transfers within a
 * region, or from a country no region covers, are not restricted. Unknown categories, country
 * codes that are not assigned alpha-2 codes and unknown mechanisms are `invalid-input`.
 * `hooks.onDecision` receives one `transfer` event per decision, without the route.
 *
 * @category Transfers
 * @example
 * const canTransfer = createTransferGuard(policy, transferLaw);
 * canTransfer("account", { from: "DE", to: "IN", mechanism: "scc" }).obligations[0]?.id; // "apply-scc"
 */
export function createTransferGuard<const D extends PolicyDeclaration>(
  declaration: D,
  transferLaw: TransferLaw,
  hooks: AuditHooks = {},
) {
  // Private frozen copies: changing the caller's tables afterwards changes no decision.
  const policy = frozenCopy(declaration);
  const law = frozenCopy(transferLaw);
  const onDecision = auditEmitter(hooks);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const knownMechanisms = new Set(
    Object.values(law.regions).flatMap((r) => [
      ...Object.keys(r.mechanisms),
      ...Object.keys(r.refused ?? {}),
    ]),
  );
  const regionOf = (country: string) =>
    Object.entries(law.regions).find(([, r]) => r.members.includes(country));

  const decide = (category: unknown, route: unknown): TransferDecision => {
    const echo = (v: unknown) => (typeof v === "string" ? v : describe(v));
    let from: unknown;
    let to: unknown;
    const make = (
      allowed: boolean,
      fields: {
        region?: string | null;
        mechanism?: string | null;
        reason: Reason;
        obligations?: readonly Obligation[];
      },
    ): TransferDecision =>
      Object.freeze({
        kind: "transfer" as const,
        allowed,
        category: echo(category),
        from: echo(from),
        to: echo(to),
        region: fields.region ?? null,
        mechanism: fields.mechanism ?? null,
        reasons: Object.freeze([fields.reason]),
        obligations: Object.freeze([...(fields.obligations ?? [])]),
        policy: policyRef,
      });
    const reason = (code: Reason["code"], message: string, cite: Citation = law): Reason =>
      Object.freeze({ code, message, section: cite.section, text: cite.text });
    const invalid = (message: string) => make(false, { reason: reason("invalid-input", message) });
    try {
      if (typeof category !== "string" || !Object.hasOwn(policy.categories, category)) {
        return invalid(
          `unknown data category ${describe(category)} (declared: ${Object.keys(policy.categories).join(", ")})`,
        );
      }
      if (route === null || typeof route !== "object" || Array.isArray(route)) {
        return invalid(
          `the route must be an object { from, to, mechanism? }, got ${describe(route)}`,
        );
      }
      const read = ownFields(route, ["from", "to", "mechanism"], "route");
      if (read.problem !== undefined) return invalid(read.problem);
      ({ from, to } = read.fields);
      const { mechanism } = read.fields;
      for (const [name, code] of [
        ["from", from],
        ["to", to],
      ] as const) {
        if (typeof code !== "string" || !isCountry(code, law)) {
          const hint =
            typeof code === "string" && Object.hasOwn(law.notCountries, code)
              ? `: ${law.notCountries[code]}`
              : "";
          return invalid(
            `${name} must be an ISO 3166-1 alpha-2 country code, got ${describe(code)}${hint}`,
          );
        }
      }
      if (
        mechanism !== undefined &&
        (typeof mechanism !== "string" || !knownMechanisms.has(mechanism))
      ) {
        return invalid(
          `unknown transfer mechanism ${describe(mechanism)} (known: ${[...knownMechanisms].join(", ")})`,
        );
      }
      const f = from as string;
      const t = to as string;
      const exporting = regionOf(f);
      if (!exporting) {
        return make(true, {
          reason: reason(
            "transfer-covered",
            `${f} is in no region whose law restricts exports (${Object.keys(law.regions).join(", ")}): ${law.section} does not apply`,
          ),
        });
      }
      const [regionId, region] = exporting;
      if (region.members.includes(t)) {
        return make(true, {
          region: regionId,
          reason: reason("transfer-covered", `${f} → ${t} stays within the ${regionId}`, region),
        });
      }
      if (Object.hasOwn(region.adequate, t)) {
        return make(true, {
          region: regionId,
          reason: reason(
            "transfer-covered",
            `${t} has an adequacy decision for ${regionId} exports (${region.adequate[t]})`,
            region,
          ),
        });
      }
      if (mechanism === undefined) {
        return make(false, {
          region: regionId,
          reason: reason(
            "transfer-unprotected",
            `${f} → ${t} leaves the ${regionId} for a country without an adequacy decision: name a safeguard (${Object.keys(region.mechanisms).join(", ")})`,
            region,
          ),
        });
      }
      const rule = Object.hasOwn(region.mechanisms, mechanism as string)
        ? region.mechanisms[mechanism as string]
        : undefined;
      if (!rule || (rule.to !== undefined && !rule.to.includes(t))) {
        const why =
          region.refused?.[mechanism as string] ??
          (rule
            ? `"${mechanism}" serves only transfers to ${rule.to?.join(", ")}`
            : `"${mechanism}" is not a safeguard for ${regionId} exports`);
        return make(false, {
          region: regionId,
          mechanism: mechanism as string,
          reason: reason("transfer-unprotected", `${f} → ${t}: ${why}`, region),
        });
      }
      return make(true, {
        region: regionId,
        mechanism: mechanism as string,
        reason: reason(
          "transfer-covered",
          `${f} → ${t} leaves the ${regionId} under "${mechanism}" (${rule.law})`,
          region,
        ),
        obligations: [Object.freeze({ ...rule.obligation, section: law.section })],
      });
    } catch {
      return invalid("the route could not be read");
    }
  };
  return (category: unknown, route: unknown): TransferDecision => {
    const decision = decide(category, route);
    // The event names the category when declared, never the route a caller gave.
    onDecision?.({
      kind: "transfer",
      allowed: decision.allowed,
      purpose: null,
      category:
        typeof category === "string" && Object.hasOwn(policy.categories, category)
          ? category
          : null,
      recipient: null,
      reasonCodes: Object.freeze(decision.reasons.map((r) => r.code)),
      obligations: Object.freeze(decision.obligations.map((o) => o.id)),
      policy: policyRef,
    });
    return decision;
  };
}
