import { type ShareDecision, untrusted } from "@trunkiq/privacy-policy";

/** What a caller asks for. Everything in it is untrusted: it comes from a request body. */
export interface ExportRequest {
  /** The data categories to export, e.g. `["website-usage"]`. */
  readonly categories?: unknown;
  /** The records, each keyed by data category id. */
  readonly rows?: unknown;
  /** What the caller states about the disclosure (`canShare` context). */
  readonly context?: unknown;
}

/** The payload sent to the analytics vendor, and why each requested category was or was not included. */
export interface AnalyticsExport {
  readonly recipient: "analytics-vendor";
  /** The categories the policy lets the vendor receive, in request order, without duplicates. */
  readonly categories: readonly string[];
  /** Each row cut down to those categories. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** One decision per requested category, allowed or not, for the audit log. */
  readonly decisions: readonly ShareDecision[];
  /** What the service must do because of the export (e.g. the vendor contract, §4). */
  readonly obligations: readonly string[];
}

const RECIPIENT = "analytics-vendor";

/**
 * Builds the export for the analytics vendor. Each requested category goes through `untrusted.canShare`;
 * only allowed ones are copied out of the rows, key by key, so nothing else can ride along.
 *
 * @example
 * const payload = buildAnalyticsExport({
 *   categories: ["website-usage", "kyc-document"],
 *   rows: [{ "website-usage": { page: "/pricing" }, "kyc-document": passportScan }],
 * });
 * payload.categories; // ["website-usage"]: KYC documents never go to analytics (§4)
 */
export function buildAnalyticsExport(request: ExportRequest): AnalyticsExport {
  const requested = Array.isArray(request?.categories) ? request.categories : [];
  const decisions: ShareDecision[] = [];
  const categories: string[] = [];
  for (const category of requested) {
    // Ids from a request are unknown: the untrusted guard denies anything undeclared (invalid-input).
    const decision = untrusted.canShare(category, RECIPIENT, request?.context);
    decisions.push(decision);
    if (decision.allowed && !categories.includes(decision.category)) {
      categories.push(decision.category);
    }
  }

  const rows: Record<string, unknown>[] = [];
  for (const row of Array.isArray(request?.rows) ? request.rows : []) {
    const picked = pick(row, categories);
    if (picked) rows.push(picked);
  }

  const obligations = [
    ...new Set(decisions.filter((d) => d.allowed).flatMap((d) => d.obligations.map((o) => o.id))),
  ];
  return { recipient: RECIPIENT, categories, rows, decisions, obligations };
}

/** Copies the allowed own keys of a row, or `null` for a row that is not a readable object. */
function pick(row: unknown, allowed: readonly string[]): Record<string, unknown> | null {
  if (row === null || typeof row !== "object" || Array.isArray(row)) return null;
  try {
    const out: Record<string, unknown> = {};
    for (const key of allowed) {
      if (Object.hasOwn(row, key)) out[key] = (row as Record<string, unknown>)[key];
    }
    return out;
  } catch {
    // A row whose getters throw is dropped rather than half exported.
    return null;
  }
}
