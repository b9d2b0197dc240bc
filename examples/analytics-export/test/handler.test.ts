import {
  assertNeverAllows,
  createArbitraries,
  expectAllowed,
  expectDenied,
} from "@trunkiq/policy-testing";
import { policy } from "@trunkiq/privacy-policy";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAnalyticsExport } from "../src/handler";

const arbs = createArbitraries(policy);
const KYC = "kyc-document";

// A KYC document is a unique object, so a leak is found by identity wherever it ends up.
const kycDocumentArb = fc.string().map((name) => ({ kind: "passport-scan", name }));

const rowArb = fc.dictionary(
  fc.oneof(arbs.categoryArb, fc.string()),
  fc.oneof(fc.anything(), kycDocumentArb),
);

const requestArb = fc.record(
  {
    categories: fc.array(fc.oneof(arbs.categoryArb, fc.constant(KYC), arbs.hostileIdArb), {
      maxLength: 8,
    }),
    rows: fc.array(
      fc.tuple(rowArb, kycDocumentArb).map(([row, kyc]) => ({ ...row, [KYC]: kyc })),
      { maxLength: 5 },
    ),
    context: fc.oneof(arbs.shareContextArb, arbs.hostileContextArb),
  },
  { requiredKeys: [] },
);

function contains(value: unknown, needle: object, seen = new Set<unknown>()): boolean {
  if (value === needle) return true;
  if (value === null || typeof value !== "object" || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => contains(v, needle, seen));
}

describe("buildAnalyticsExport", () => {
  it("exports website usage to the analytics vendor, under the vendor contract (§4)", () => {
    const payload = buildAnalyticsExport({
      categories: ["website-usage"],
      rows: [{ "website-usage": { page: "/pricing" }, account: { email: "a@b.c" } }],
      context: { jurisdiction: "us" },
    });
    expectAllowed(payload.decisions[0] as (typeof payload.decisions)[number]);
    expect(payload.categories).toEqual(["website-usage"]);
    expect(payload.rows).toEqual([{ "website-usage": { page: "/pricing" } }]);
    expect(payload.obligations).toEqual(["vendor-contract"]);
  });

  it("exports EEA website usage only with cookie consent (ePrivacy Art. 5(3))", () => {
    const rows = [{ "website-usage": { page: "/pricing" } }];
    const without = buildAnalyticsExport({
      categories: ["website-usage"],
      rows,
      context: { jurisdiction: "eea" },
    });
    expect(without.categories).toEqual([]);
    expect(without.rows).toEqual([{}]);
    const withConsent = buildAnalyticsExport({
      categories: ["website-usage"],
      rows,
      context: { jurisdiction: "eea", cookieConsent: true },
    });
    expect(withConsent.categories).toEqual(["website-usage"]);
  });

  it("refuses KYC documents with a decision that cites §4", () => {
    const payload = buildAnalyticsExport({ categories: [KYC], rows: [{ [KYC]: "scan" }] });
    const decision = payload.decisions[0] as (typeof payload.decisions)[number];
    expectDenied(decision, "not-permitted");
    expect(decision.reasons[0]?.section).toBe("§4");
    expect(payload.rows).toEqual([{}]);
  });

  it("never sends KYC documents to the analytics vendor, whatever the request", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const payload = buildAnalyticsExport(request);
        expect(payload.categories).not.toContain(KYC);
        for (const row of payload.rows) expect(Object.hasOwn(row, KYC)).toBe(false);
        for (const row of request.rows ?? []) {
          expect(contains(payload.rows, row[KYC])).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("decides every requested KYC category as a denial, whatever the context claims", () => {
    assertNeverAllows(
      (request) => {
        const payload = buildAnalyticsExport({ ...request, categories: [KYC] });
        return payload.decisions[0] as (typeof payload.decisions)[number];
      },
      requestArb,
      { numRuns: 200 },
    );
  });
});
