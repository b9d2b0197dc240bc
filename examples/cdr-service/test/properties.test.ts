import { purgeExpired } from "@trunkiq/policy-kysely";
import { consentAt } from "@trunkiq/policy-law";
import {
  assertPurgeFollowsPolicy,
  consentLedgerArb,
  retentionRecordArb,
} from "@trunkiq/policy-testing";
import { createTrunkiqGuards, policy } from "@trunkiq/privacy-policy";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../src/app";
import { dataMap } from "../src/dataMap";
import type { Database } from "../src/schema";
import { emptyTables, openTestDatabase } from "./support/database";
import { customers, NOW, seedCustomers } from "./support/fixtures";

// Each case resets tables of a real database: a few runs each keep the suite quick on 2 cores.
const numRuns = Number(process.env.FC_NUM_RUNS ?? 12);
const guards = createTrunkiqGuards();
const canUse = guards.canUse as unknown as (
  purpose: string,
  category: string,
  context: object,
) => { allowed: boolean };

let db: Kysely<Database>;
let close: () => Promise<void>;
let service: App;
let app: FastifyInstance;
const sent: string[] = [];

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  service = buildApp({
    db,
    now: () => NOW,
    mailer: { send: async ({ customerId }) => void sent.push(customerId) },
  });
  app = service.app;
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await service.audit.flush();
  await close();
});

const reset = async () => {
  await service.audit.flush();
  await emptyTables(db);
  await seedCustomers(db);
  sent.length = 0;
};

const ids = customers.map((c) => c.id);
const cdrArb = fc.record({
  customerId: fc.constantFrom(...ids),
  caller: fc.constantFrom("+12025550100", "+442079460001", "+4930555012"),
  callee: fc.constantFrom("+12025550177", "+33142685300"),
  startedAt: fc
    .date({ min: new Date("2025-01-01T00:00:00Z"), max: NOW, noInvalidDate: true })
    .map((d) => d.toISOString()),
  durationSeconds: fc.integer({ min: 0, max: 7200 }),
  route: fc.constantFrom("carrier-a/trunk-1", "carrier-b/trunk-2", "carrier-c/trunk-3"),
});

/** Every column a response row names must hold a category its route's purpose may use. */
function expectOnlyUsableColumns(
  purpose: string,
  context: object,
  table: keyof typeof dataMap.tables,
  rows: readonly Record<string, unknown>[],
) {
  const columns: Record<string, string> = dataMap.tables[table].columns;
  for (const row of rows) {
    for (const field of Object.keys(row)) {
      const category = columns[field];
      if (category === undefined || category === "not-personal") continue;
      expect(
        canUse(purpose, category, context).allowed,
        `${purpose} returned ${table}.${field}`,
      ).toBe(true);
    }
  }
}

describe("properties of the service", () => {
  it("no route ever returns a column its purpose may not use", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cdrArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...ids),
        async (cdrs, id) => {
          await reset();
          expect(
            (await app.inject({ method: "POST", url: "/cdrs", payload: { cdrs } })).statusCode,
          ).toBe(201);
          const jurisdiction = customers.find((c) => c.id === id)?.jurisdiction;

          const calls = (await app.inject({ method: "GET", url: `/customers/${id}/calls` })).json();
          expectOnlyUsableColumns(
            "customer-support",
            { jurisdiction },
            "call_detail_records",
            calls.calls,
          );

          const usage = (await app.inject({ method: "GET", url: "/usage?jurisdiction=us" })).json();
          expectOnlyUsableColumns(
            "product-development",
            { jurisdiction: "us", aggregate: true },
            "call_detail_records",
            usage.routes,
          );

          const disclosure = await app.inject({
            method: "POST",
            url: "/disclosures",
            payload: {
              customerId: id,
              authority: "Court",
              legalProcess: "subpoena",
              reference: "r",
              receivedAt: NOW.toISOString(),
            },
          });
          if (disclosure.statusCode === 201) {
            const { records } = disclosure.json();
            const context = { jurisdiction, legalProcess: "subpoena" };
            expectOnlyUsableColumns("lawful-request", context, "customers", [records.account]);
            expectOnlyUsableColumns(
              "lawful-request",
              context,
              "call_detail_records",
              records.callDetailRecords,
            );
          }
        },
      ),
      { numRuns },
    );
  });

  it("marketing never reaches a subject without consent, and reaches every consenting one", async () => {
    const ledgers = consentLedgerArb(policy, {
      subjects: ids,
      purposes: ["marketing", "product-development"],
      from: new Date("2025-01-01T00:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
    await fc.assert(
      fc.asyncProperty(ledgers, async (ledger) => {
        await reset();
        if (ledger.length > 0) {
          await db
            .insertInto("consent_events")
            .values(
              ledger.map((e) => ({
                subject: e.subject,
                purpose: e.purpose,
                event: e.type,
                at: e.at,
              })),
            )
            .execute();
        }
        const response = await app.inject({
          method: "POST",
          url: "/marketing/sends",
          payload: { campaign: "c" },
        });
        expect(response.statusCode).toBe(202);
        const consenting = customers
          .filter((c) => c.email !== null)
          .filter((c) => consentAt(ledger, { subject: c.id, purpose: "marketing", at: NOW }))
          .map((c) => c.id)
          .sort();
        expect([...sent].sort()).toEqual(consenting);
        expect(response.json().recipients).toEqual(consenting);
      }),
      { numRuns },
    );
  });

  it("the purge deletes exactly the expired rows", async () => {
    await assertPurgeFollowsPolicy({
      guards,
      now: NOW,
      records: retentionRecordArb(policy, {
        categories: ["call-detail-record"],
        now: NOW,
        years: 3,
      }),
      purge: async (records, now) => {
        await reset();
        if (records.length > 0) {
          await db
            .insertInto("call_detail_records")
            .values(
              records.map((r) => ({
                id: r.id,
                customer_id: "us-1",
                caller: "+12025550100",
                callee: "+12025550111",
                started_at: r.collectedAt,
                duration_seconds: 60,
                route: "carrier-a",
                jurisdiction: r.jurisdiction,
                legal_hold: r.legalHold,
              })),
            )
            .execute();
        }
        await purgeExpired(db, guards, dataMap, { now });
        return (await db.selectFrom("call_detail_records").select("id").execute()).map((r) => r.id);
      },
      params: { numRuns },
    });
  });
});
