import { defineDataMap } from "@trunkiq/policy-core";
import { policy } from "@trunkiq/privacy-policy";
import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "../../src";
import { type Database, dataMap, guards, openDatabase } from "../support/database";

// Call detail records whose start is kept without a time zone (read as UTC) or as a day only.
interface Anchored {
  cdr_timestamp: {
    id: number;
    started_at: string;
    jurisdiction: string | null;
    legal_hold: boolean | null;
  };
  cdr_date: {
    id: number;
    started_on: string;
    jurisdiction: string | null;
    legal_hold: boolean | null;
  };
}
const anchoredTables = [
  sql`create table cdr_timestamp (id serial primary key, started_at timestamp not null, jurisdiction text, legal_hold boolean)`,
  sql`create table cdr_date (id serial primary key, started_on date not null, jurisdiction text, legal_hold boolean)`,
];
const anchoredMap = defineDataMap(policy, {
  tables: {
    cdr_timestamp: {
      subject: "id",
      columns: {
        id: "call-detail-record",
        started_at: "call-detail-record",
        jurisdiction: "not-personal",
        legal_hold: "not-personal",
      },
      anchors: { collection: "started_at" },
      jurisdiction: "jurisdiction",
      legalHold: "legal_hold",
    },
    cdr_date: {
      subject: "id",
      columns: {
        id: "call-detail-record",
        started_on: "call-detail-record",
        jurisdiction: "not-personal",
        legal_hold: "not-personal",
      },
      anchors: { collection: "started_on" },
      jurisdiction: "jurisdiction",
      legalHold: "legal_hold",
    },
  },
});

// Moments anywhere in a range, and moments within a day of a month's end, where calendar
// arithmetic and a session's time zone disagree about the date.
const anyInstant = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
const monthEnd = (minYear: number, maxYear: number) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 0, max: 11 }),
      minutes: fc.integer({ min: -24 * 60, max: 24 * 60 }),
    })
    .map(({ year, month, minutes }) => new Date(Date.UTC(year, month + 1, 1) + minutes * 60_000));
const instant = (min: string, max: string) =>
  fc.oneof(anyInstant(min, max), monthEnd(Number(min.slice(0, 4)), Number(max.slice(0, 4)) - 1));
// Declared jurisdictions, a missing one and one the policy does not know.
const jurisdiction = fc.constantFrom("us", "eea", "uk", null, "mars");
const hold = fc.constantFrom(false, true, null);
const declared = (j: string | null): j is "us" | "eea" | "uk" =>
  j === "us" || j === "eea" || j === "uk";

// Within two days of the moment a record's retention runs out at `now` in its jurisdiction (or
// in the US, for a record of none), where a day's or a zone's difference decides.
const nearCutoff = (now: Date, of: "us" | "eea" | "uk") =>
  fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }).map((minutes) => {
    const { cutoff } = guards.retentionCutoff("call-detail-record", { now, jurisdiction: of });
    return new Date((cutoff ?? now).getTime() + minutes * 60_000);
  });
const cdr = (now: Date) =>
  fc
    .record({ kind: fc.constantFrom("timestamptz", "timestamp", "date"), jurisdiction, hold })
    .chain((c) =>
      fc
        .oneof(
          instant("2015-01-01", "2028-12-31"),
          nearCutoff(now, declared(c.jurisdiction) ? c.jurisdiction : "us"),
        )
        .map((startedAt) => ({ ...c, startedAt })),
    );
const account = fc.record({
  createdAt: instant("2010-01-01", "2028-12-31"),
  closedAt: fc.option(instant("2010-01-01", "2028-12-31")),
  jurisdiction,
  hold,
});

// `timestamp` holds the UTC wall clock; `date` the UTC day, which begins at its midnight UTC.
const utcWallClock = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const anchorOf = (c: { startedAt: Date; kind: string }) =>
  c.kind === "date" ? new Date(`${utcDay(c.startedAt)}T00:00:00Z`) : c.startedAt;

// The database session's time zone and the service's own, east and west of UTC, and UTC.
const zones = [
  ["America/Los_Angeles", "Asia/Kolkata"],
  ["Asia/Kolkata", "America/Los_Angeles"],
  ["UTC", "UTC"],
];

describe.each(zones)(
  "§7 the purge deletes exactly the rows past every retention period and free of holds, in a session in %s, the service in %s",
  (timeZone, serviceZone) => {
    let db: Kysely<Database>;
    let anchored: Kysely<Anchored>;
    let close: () => Promise<void>;
    const serviceZoneBefore = process.env.TZ;
    beforeAll(async () => {
      // Node reads TZ when it changes: dates the driver sends are written in this zone.
      process.env.TZ = serviceZone;
      ({ db, close } = await openDatabase({ timeZone }));
      anchored = db as unknown as Kysely<Anchored>;
      for (const statement of anchoredTables) await statement.execute(db);
    });
    afterAll(async () => {
      await close();
      if (serviceZoneBefore === undefined) delete process.env.TZ;
      else process.env.TZ = serviceZoneBefore;
    });

    it("for timestamptz, timestamp and date anchors, accounts, in any jurisdiction and at any moment", async () => {
      const { rows } = await sql<{
        zone: string;
      }>`select current_setting('TimeZone') as zone`.execute(db);
      expect(rows[0]?.zone).toBe(timeZone);
      await fc.assert(
        fc.asyncProperty(
          instant("2024-01-01", "2029-12-31").chain((now) =>
            fc.tuple(fc.constant(now), fc.array(cdr(now), { maxLength: 12 })),
          ),
          fc.array(account, { maxLength: 8 }),
          fc.integer({ min: 1, max: 5 }),
          async ([now, cdrs], accounts, batchSize) => {
            await db.deleteFrom("call_detail_records").execute();
            await db.deleteFrom("accounts").execute();
            await anchored.deleteFrom("cdr_timestamp").execute();
            await anchored.deleteFrom("cdr_date").execute();
            // Each record goes to the table of its anchor's type; its id there is remembered.
            const ids: number[] = [];
            for (const c of cdrs) {
              const common = { jurisdiction: c.jurisdiction, legal_hold: c.hold };
              const inserted =
                c.kind === "timestamptz"
                  ? await db
                      .insertInto("call_detail_records")
                      .values({
                        account_id: "a",
                        caller: "+1",
                        callee: "+2",
                        started_at: c.startedAt,
                        duration_seconds: 1,
                        ...common,
                      })
                      .returning("id")
                      .executeTakeFirstOrThrow()
                  : c.kind === "timestamp"
                    ? await anchored
                        .insertInto("cdr_timestamp")
                        .values({ started_at: utcWallClock(c.startedAt), ...common } as never)
                        .returning("id")
                        .executeTakeFirstOrThrow()
                    : await anchored
                        .insertInto("cdr_date")
                        .values({ started_on: utcDay(c.startedAt), ...common } as never)
                        .returning("id")
                        .executeTakeFirstOrThrow();
              ids.push(inserted.id);
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
            await purgeExpired(db, guards, dataMap, { now, batchSize });
            await purgeExpired(db, guards, anchoredMap, { now, batchSize });

            const kept = {
              timestamptz: new Set(
                (await db.selectFrom("call_detail_records").select("id").execute()).map(
                  (r) => r.id,
                ),
              ),
              timestamp: new Set(
                (await anchored.selectFrom("cdr_timestamp").select("id").execute()).map(
                  (r) => r.id,
                ),
              ),
              date: new Set(
                (await anchored.selectFrom("cdr_date").select("id").execute()).map((r) => r.id),
              ),
            };
            cdrs.forEach((c, i) => {
              const due =
                declared(c.jurisdiction) &&
                c.hold === false &&
                guards.retentionFor("call-detail-record", {
                  collectedAt: anchorOf(c),
                  jurisdiction: c.jurisdiction,
                  now,
                }).expired;
              expect(
                kept[c.kind].has(ids[i] as number),
                `${c.kind} ${c.startedAt.toISOString()}`,
              ).toBe(!due);
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
        { numRuns: 40 },
      );
      // A limit, not a measurement: runs of inserts and purges on a loaded machine.
    }, 600_000);
  },
);
