import type {
  AuditHooks,
  CategoryOf,
  Citation,
  Obligation,
  PolicyDeclaration,
  PolicyRef,
  Reason,
} from "@trunkiq/policy-core";
import {
  auditEmitter,
  calendarDayStart,
  describe,
  frozenCopy,
  ownFields,
  timeOf,
} from "@trunkiq/policy-core/engine";
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

/**
 * An adequacy decision for one destination, with the days it applies: a decision can lapse
 * (the EU decision for the UK had a sunset), and a transfer after that needs a safeguard.
 */
export interface AdequacyDecision {
  /** The instrument that grants it, e.g. `"Commission Implementing Decision (EU) 2019/419"`. */
  readonly decision: string;
  /** The first day it applies (`YYYY-MM-DD`, UTC). */
  readonly from: string;
  /** The last day it applies (`YYYY-MM-DD`, UTC); open-ended when omitted. */
  readonly until?: string;
}

/** A region whose law restricts exports of personal data (the EEA, the UK, Switzerland). */
export interface TransferRegion extends Citation {
  /** The countries inside the region (ISO 3166-1 alpha-2): data moves freely among them. */
  readonly members: readonly string[];
  /** Destinations with an adequacy decision of the region, each with the decision and its days. */
  readonly adequate: { readonly [country: string]: AdequacyDecision };
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

/** The answer to `canTransfer(category, { from, to, at, origin, mechanism })`. */
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

/** Where a transfer goes, when, and under what safeguard. */
export interface TransferRoute<M extends string = string> {
  /** The country the data leaves. */
  readonly from: string;
  /** The country it goes to. */
  readonly to: string;
  /** When it happens: adequacy decisions start and lapse. */
  readonly at: Date;
  /**
   * Where the data was first collected, when that is not `from`: EEA data sent on from the US
   * to India is still an EEA export (onward transfer, GDPR Art. 44; SCC clause 8.7).
   */
  readonly origin?: string | undefined;
  /**
   * The person in `from` gives the data straight to the recipient in `to` (a sign-up form
   * abroad): not a transfer (EDPB Guidelines 05/2021).
   */
  readonly collectedDirectly?: boolean | undefined;
  readonly mechanism?: M | undefined;
}

/**
 * The safeguards a table of transfer law names: those its regions accept, and those they refuse
 * with a reason. Over a table typed only as {@link TransferLaw}, any string.
 */
export type TransferMechanismOf<L extends TransferLaw> = {
  [R in keyof L["regions"]]:
    | keyof L["regions"][R]["mechanisms"]
    | (L["regions"][R] extends { readonly refused: infer Refused } ? keyof Refused : never);
}[keyof L["regions"]] &
  string;

/** The guard {@link createTransferGuard} returns. */
export interface TransferGuard<C extends string = string, M extends string = string> {
  /**
   * May `category` go along `route`? A decision that allows names the region whose law applied,
   * the safeguard relied on and the obligation to apply it.
   */
  readonly canTransfer: (category: C, route: TransferRoute<M>) => TransferDecision<C>;
}

/** `true` when `code` is an assigned upper-case ISO 3166-1 alpha-2 country code the law does not refuse. */
function isCountry(code: string, law: TransferLaw): boolean {
  return countryCodes.has(code) && !Object.hasOwn(law.notCountries, code);
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC start of an ISO day, or `NaN` for anything else (`2025-02-30` included). */
function dayStart(day: string): number {
  const parts = ISO_DAY.exec(day);
  const ms = parts && calendarDayStart(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  return typeof ms === "number" ? ms : Number.NaN;
}

/** A region's adequacy decisions as the instants they apply from and until (exclusive). */
function adequacySpans(law: TransferLaw) {
  const spans = new Map<
    string,
    Map<string, { from: number; until: number; entry: AdequacyDecision }>
  >();
  for (const [regionId, region] of Object.entries(law.regions)) {
    const byCountry = new Map<string, { from: number; until: number; entry: AdequacyDecision }>();
    for (const [country, entry] of Object.entries(region.adequate)) {
      const from = dayStart(entry.from);
      const until =
        entry.until === undefined ? Number.POSITIVE_INFINITY : dayStart(entry.until) + DAY_MS;
      // A malformed date makes the entry grant nothing: an adequacy never applies by mistake.
      byCountry.set(country, { from, until, entry });
    }
    spans.set(regionId, byCountry);
  }
  return spans;
}

/** How one region's law judges one hop: covered (perhaps under a safeguard) or not. */
interface Verdict {
  readonly allowed: boolean;
  readonly region: string;
  readonly mechanism: string | null;
  readonly reason: Reason;
  readonly obligation: Obligation | null;
}

/**
 * Compiles a transfer guard, `{ canTransfer }`, from a table of transfer law. A transfer from inside a region to
 * outside it needs an adequacy decision for the destination that applies at `at`, or a
 * safeguard the region accepts (for that destination); the decision carries the obligation to
 * apply it. Data keeps the protection of the region it came from: with an `origin` in a region,
 * every later hop out of that region is judged by its law too (onward transfers, GDPR Art. 44).
 * Transfers within a region, from a country no region covers (of data not from one), and
 * collection directly from a person abroad (EDPB Guidelines 05/2021) are not restricted.
 * Unknown categories, country codes that are not assigned alpha-2 codes, unknown mechanisms and
 * a missing or invalid `at` are `invalid-input`. `hooks.onDecision` receives one `transfer`
 * event per decision, without the route.
 *
 * @category Transfers
 * @example
 * const { canTransfer } = createTransferGuard(policy, transferLaw);
 * const at = new Date();
 * canTransfer("account", { from: "DE", to: "IN", at, mechanism: "scc" }).obligations[0]?.id; // "apply-scc"
 * canTransfer("account", { origin: "DE", from: "US", to: "IN", at }).allowed; // false: still EEA data
 */
export function createTransferGuard<const D extends PolicyDeclaration, const L extends TransferLaw>(
  declaration: D,
  transferLaw: L,
  hooks: AuditHooks = {},
): TransferGuard<CategoryOf<D>, TransferMechanismOf<L>> {
  // Private frozen copies: changing the caller's tables afterwards changes no decision.
  const policy = frozenCopy(declaration);
  const law: TransferLaw = frozenCopy(transferLaw);
  const onDecision = auditEmitter(hooks);
  const policyRef: PolicyRef = Object.freeze({ id: policy.id, version: policy.version });
  const knownMechanisms = new Set(
    Object.values(law.regions).flatMap((r) => [
      ...Object.keys(r.mechanisms),
      ...Object.keys(r.refused ?? {}),
    ]),
  );
  const spans = adequacySpans(law);
  const regionOf = (country: string) =>
    Object.entries(law.regions).find(([, r]) => r.members.includes(country));
  const reason = (code: Reason["code"], message: string, cite: Citation = law): Reason =>
    Object.freeze({ code, message, section: cite.section, text: cite.text });

  /** How region `regionId`'s law judges the hop `f → t` at `at`; `lead` opens every message. */
  const judge = (
    regionId: string,
    region: TransferRegion,
    f: string,
    t: string,
    at: number,
    mechanism: string | undefined,
    lead: string,
  ): Verdict => {
    const verdict = (
      allowed: boolean,
      message: string,
      used: string | null = null,
      obligation: Obligation | null = null,
    ): Verdict => ({
      allowed,
      region: regionId,
      mechanism: used,
      reason: reason(allowed ? "transfer-covered" : "transfer-unprotected", lead + message, region),
      obligation,
    });
    if (region.members.includes(t))
      return verdict(true, `${f} → ${t} stays within the ${regionId}`);
    const span = spans.get(regionId)?.get(t);
    let lapsed = "";
    if (span !== undefined) {
      if (span.from <= at && at < span.until) {
        return verdict(
          true,
          `${t} has an adequacy decision for ${regionId} exports (${span.entry.decision})`,
        );
      }
      lapsed =
        at < span.from
          ? ` (${span.entry.decision} applies only from ${span.entry.from})`
          : ` (${span.entry.decision} lapsed after ${span.entry.until})`;
    }
    if (mechanism === undefined) {
      return verdict(
        false,
        `${f} → ${t} leaves the ${regionId} for a country without an adequacy decision${lapsed}: name a safeguard (${Object.keys(region.mechanisms).join(", ")})`,
      );
    }
    const rule = Object.hasOwn(region.mechanisms, mechanism)
      ? region.mechanisms[mechanism]
      : undefined;
    if (!rule || (rule.to !== undefined && !rule.to.includes(t))) {
      const why =
        region.refused?.[mechanism] ??
        (rule
          ? `"${mechanism}" serves only transfers to ${rule.to?.join(", ")}`
          : `"${mechanism}" is not a safeguard for ${regionId} exports`);
      return verdict(false, `${f} → ${t}: ${why}`, mechanism);
    }
    return verdict(
      true,
      `${f} → ${t} leaves the ${regionId} under "${mechanism}" (${rule.law})`,
      mechanism,
      Object.freeze({ ...rule.obligation, section: law.section }),
    );
  };

  const decide = (category: unknown, route: unknown): TransferDecision => {
    const echo = (v: unknown) => (typeof v === "string" ? v : describe(v));
    let from: unknown;
    let to: unknown;
    const make = (
      allowed: boolean,
      fields: {
        region?: string | null;
        mechanism?: string | null;
        reasons: readonly Reason[];
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
        reasons: Object.freeze([...fields.reasons]),
        obligations: Object.freeze([...(fields.obligations ?? [])]),
        policy: policyRef,
      });
    const invalid = (message: string) =>
      make(false, { reasons: [reason("invalid-input", message)] });
    try {
      if (typeof category !== "string" || !Object.hasOwn(policy.categories, category)) {
        return invalid(
          `unknown data category ${describe(category)} (declared: ${Object.keys(policy.categories).join(", ")})`,
        );
      }
      if (route === null || typeof route !== "object" || Array.isArray(route)) {
        return invalid(
          `the route must be an object { from, to, at, origin?, collectedDirectly?, mechanism? }, got ${describe(route)}`,
        );
      }
      const read = ownFields(
        route,
        ["from", "to", "at", "origin", "collectedDirectly", "mechanism"],
        "route",
      );
      if (read.problem !== undefined) return invalid(read.problem);
      ({ from, to } = read.fields);
      const { mechanism, origin, collectedDirectly } = read.fields;
      for (const [name, code] of [
        ["from", from],
        ["to", to],
        ["origin", origin ?? from],
      ] as const) {
        if (typeof code !== "string" || !isCountry(code, law)) {
          const hint =
            typeof code === "string" && Object.hasOwn(law.notCountries, code)
              ? `: ${law.notCountries[code]}`
              : "";
          return invalid(
            `${name} must be an ISO 3166-1 alpha-2 country code${name === "origin" ? " when given" : ""}, got ${describe(code)}${hint}`,
          );
        }
      }
      const at = timeOf(read.fields.at);
      if (at === undefined) {
        return invalid(
          `at must be a valid Date: adequacy decisions start and lapse, so a transfer is judged at a moment; got ${describe(read.fields.at)}`,
        );
      }
      if (collectedDirectly !== undefined && typeof collectedDirectly !== "boolean") {
        return invalid(
          `collectedDirectly must be true or false, got ${describe(collectedDirectly)}`,
        );
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
      const o = (origin ?? f) as string;
      if (collectedDirectly === true) {
        if (o !== f) {
          return invalid(
            `collectedDirectly means the person in ${f} gives the data to the recipient in ${t}: origin ${o} contradicts it`,
          );
        }
        return make(true, {
          reasons: [
            reason(
              "transfer-covered",
              `collected directly from a person in ${f} by the recipient in ${t}: not a transfer (EDPB Guidelines 05/2021); ${law.section} applies when it is sent on`,
            ),
          ],
        });
      }
      // Every region whose law follows the data: the one it came from, then the one it leaves.
      const bound: [string, TransferRegion, string][] = [];
      const home = regionOf(o);
      if (home) bound.push([...home, o === f ? "" : `${o}-origin data sent on from ${f}: `]);
      const leaving = regionOf(f);
      if (leaving && leaving[0] !== home?.[0]) bound.push([...leaving, ""]);
      if (bound.length === 0) {
        return make(true, {
          reasons: [
            reason(
              "transfer-covered",
              `${o === f ? f : `${f}, and ${o} where the data came from,`} ${o === f ? "is" : "are"} in no region whose law restricts exports (${Object.keys(law.regions).join(", ")}): ${law.section} does not apply`,
            ),
          ],
        });
      }
      const verdicts = bound.map(([id, region, lead]) =>
        judge(id, region, f, t, at, mechanism as string | undefined, lead),
      );
      const refusal = verdicts.find((v) => !v.allowed);
      const first = verdicts[0] as Verdict;
      if (refusal) {
        return make(false, {
          region: refusal.region,
          mechanism: refusal.mechanism,
          reasons: [refusal.reason],
        });
      }
      return make(true, {
        region: first.region,
        mechanism: verdicts.find((v) => v.mechanism !== null)?.mechanism ?? null,
        reasons: verdicts.map((v) => v.reason),
        obligations: verdicts.flatMap((v) => (v.obligation ? [v.obligation] : [])),
      });
    } catch {
      return invalid("the route could not be read");
    }
  };
  // Typed for callers; the checks above hold for whatever a caller casts past the compiler.
  const canTransfer = (category: unknown, route: unknown): TransferDecision => {
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
  return Object.freeze({ canTransfer }) as TransferGuard<CategoryOf<D>, TransferMechanismOf<L>>;
}
