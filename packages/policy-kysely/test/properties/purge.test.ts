import fc from "fast-check";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "../../src";
import { type Database, dataMap, guards, openDatabase } from "../support/database";

let db: Kysely<Database>;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openDatabase());
});
afterAll(() => close());

const instant = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
// Declared jurisdictions, a missing one and one the policy does not know.
const jurisdiction = fc.constantFrom("us", "eea", "uk", null, "mars");
const hold = fc.constantFrom(false, true, null);
const cdr = fc.record({ startedAt: instant("2015-01-01", "2028-12-31"), jurisdiction, hold });
const account = fc.record({
  createdAt: instant("2010-01-01", "2028-12-31"),
  closedAt: fc.option(instant("2010-01-01", "2028-12-31")),
  jurisdiction,
  hold,
});
const declared = (j: string | null): j is "us" | "eea" | "uk" =>
  j === "us" || j === "eea" || j === "uk";

describe("§7 the purge deletes exactly the rows past every retention period and free of holds", () => {
  it("for generated call detail records and accounts, in any jurisdiction and at any moment", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cdr, { maxLength: 12 }),
        fc.array(account, { maxLength: 8 }),
        instant("2024-01-01", "2029-12-31"),
        fc.integer({ min: 1, max: 5 }),
        async (cdrs, accounts, now, batchSize) => {
          await db.deleteFrom("call_detail_records").execute();
          await db.deleteFrom("accounts").execute();
          if (cdrs.length > 0) {
            await db
              .insertInto("call_detail_records")
              .values(
                cdrs.map((c) => ({
                  account_id: "a",
                  caller: "+1",
                  callee: "+2",
                  started_at: c.startedAt,
                  duration_seconds: 1,
                  jurisdiction: c.jurisdiction,
                  legal_hold: c.hold,
                })),
              )
              .execute();
          }
          if (accounts.length > 0) {
            await db
              .insertInto("accounts")
              .values(
                accounts.map((a, i) => ({
                  id: `acct-${i}`,
                  company: "c",
                  created_at: a.createdAt,
                  closed_at: a.closedAt,
                  jurisdiction: a.jurisdiction,
                  legal_hold: a.hold,
                })),
              )
              .execute();
          }
          const ids = await db
            .selectFrom("call_detail_records")
            .select("id")
            .orderBy("id")
            .execute();
          await purgeExpired(db, guards, dataMap, { now, batchSize });

          const keptCdrs = new Set(
            (await db.selectFrom("call_detail_records").select("id").execute()).map((r) => r.id),
          );
          cdrs.forEach((c, i) => {
            const due =
              declared(c.jurisdiction) &&
              c.hold === false &&
              guards.retentionFor("call-detail-record", {
                collectedAt: c.startedAt,
                jurisdiction: c.jurisdiction,
                now,
              }).expired;
            expect(keptCdrs.has(ids[i]?.id as number)).toBe(!due);
          });

          const keptAccounts = new Set(
            (await db.selectFrom("accounts").select("id").execute()).map((r) => r.id),
          );
          accounts.forEach((a, i) => {
            const expired = (category: "account" | "ip-address") =>
              declared(a.jurisdiction) &&
              guards.retentionFor(category, {
                collectedAt: a.createdAt,
                ...(a.closedAt === null ? {} : { relationshipEndedAt: a.closedAt }),
                jurisdiction: a.jurisdiction,
                now,
              }).expired;
            const due = a.hold === false && expired("account") && expired("ip-address");
            expect(keptAccounts.has(`acct-${i}`)).toBe(!due);
          });
        },
      ),
      { numRuns: 60 },
    );
    // A limit, not a measurement: 60 runs of inserts and purges on a loaded machine.
  }, 600_000);
});
