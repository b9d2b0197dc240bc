import { defineDataMap } from "@trunkiq/policy-core";
import { policy } from "@trunkiq/privacy-policy";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { purgeExpired } from "../src";
import { type Database, dataMap, guards, openDatabase } from "./support/database";

const now = new Date("2026-06-01T00:00:00Z");
let db: Kysely<Database>;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openDatabase());
});
afterAll(() => close());
beforeEach(async () => {
  await db.deleteFrom("call_detail_records").execute();
  await db.deleteFrom("kyc_documents").execute();
  await db.deleteFrom("accounts").execute();
});

const cdr = (
  startedAt: string,
  jurisdiction: string | null,
  legalHold: boolean | null = false,
) => ({
  account_id: "a1",
  caller: "+12025550100",
  callee: "+12025550101",
  started_at: new Date(startedAt),
  duration_seconds: 30,
  jurisdiction,
  legal_hold: legalHold,
});

const remaining = async () =>
  (
    await db
      .selectFrom("call_detail_records")
      .select(["started_at", "jurisdiction"])
      .orderBy("id")
      .execute()
  ).map((r) => `${r.jurisdiction}:${r.started_at.toISOString().slice(0, 10)}`);

describe("§7 call detail records are deleted when their period runs out", () => {
  it("deletes per jurisdiction: 18 months in the US, 6 months in the EEA", async () => {
    await db
      .insertInto("call_detail_records")
      .values([
        cdr("2024-11-30T12:00:00Z", "us"), // 18 months end 2026-05-30: due
        cdr("2024-12-02T12:00:00Z", "us"), // runs until 2026-06-02
        cdr("2025-11-30T12:00:00Z", "eea"), // 6 months end 2026-05-30: due
        cdr("2025-12-02T12:00:00Z", "eea"),
      ])
      .execute();
    const report = await purgeExpired(db, guards, dataMap, { now });
    expect(await remaining()).toEqual(["us:2024-12-02", "eea:2025-12-02"]);
    expect(report.counts).toContainEqual({
      category: "call-detail-record",
      jurisdiction: "us",
      rows: 1,
      held: 0,
    });
    const usStep = report.steps.find(
      (s) => s.table === "call_detail_records" && s.jurisdiction === "us",
    );
    expect(usStep?.cutoffs).toEqual([
      {
        category: "call-detail-record",
        anchor: "collection",
        cutoff: new Date("2024-12-01T00:00:00Z"),
      },
    ]);
  });

  it("keeps a record under a legal hold, or whose hold is unknown, and reports it held", async () => {
    await db
      .insertInto("call_detail_records")
      .values([cdr("2020-01-01T00:00:00Z", "us", true), cdr("2020-01-01T00:00:00Z", "us", null)])
      .execute();
    const report = await purgeExpired(db, guards, dataMap, { now });
    expect(await remaining()).toEqual(["us:2020-01-01", "us:2020-01-01"]);
    expect(report.counts).toContainEqual({
      category: "call-detail-record",
      jurisdiction: "us",
      rows: 0,
      held: 2,
    });
  });

  it("never deletes a record whose jurisdiction is missing or unknown, and reports it", async () => {
    await db
      .insertInto("call_detail_records")
      .values([cdr("2020-01-01T00:00:00Z", null), cdr("2020-01-01T00:00:00Z", "mars")])
      .execute();
    const report = await purgeExpired(db, guards, dataMap, { now });
    expect(await remaining()).toEqual(["null:2020-01-01", "mars:2020-01-01"]);
    expect(report.unresolved).toContainEqual({
      table: "call_detail_records",
      rows: 2,
      reason: "the jurisdiction is missing or not one the policy declares (us, eea, uk)",
    });
  });

  it("counts without deleting in a dry run", async () => {
    await db
      .insertInto("call_detail_records")
      .values([cdr("2020-01-01T00:00:00Z", "uk")])
      .execute();
    const report = await purgeExpired(db, guards, dataMap, { now, dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.counts).toContainEqual({
      category: "call-detail-record",
      jurisdiction: "uk",
      rows: 1,
      held: 0,
    });
    expect(await remaining()).toEqual(["uk:2020-01-01"]);
  });

  it("deletes in batches of the given size until none is left", async () => {
    await db
      .insertInto("call_detail_records")
      .values(Array.from({ length: 7 }, () => cdr("2020-01-01T00:00:00Z", "us")))
      .execute();
    const report = await purgeExpired(db, guards, dataMap, { now, batchSize: 3 });
    expect(await remaining()).toEqual([]);
    expect(report.counts).toContainEqual({
      category: "call-detail-record",
      jurisdiction: "us",
      rows: 7,
      held: 0,
    });
  });

  it("refuses a batch size that is not a positive integer", async () => {
    await expect(purgeExpired(db, guards, dataMap, { now, batchSize: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("§7 KYC documents are kept five years from the end of the relationship", () => {
  const account = (id: string, closedAt: string | null, legalHold = false) => ({
    id,
    company: id,
    jurisdiction: "us",
    created_at: new Date("2015-01-01T00:00:00Z"),
    closed_at: closedAt === null ? null : new Date(closedAt),
    legal_hold: legalHold,
  });

  it("reads the anchor, jurisdiction and hold from the subject's account row", async () => {
    await db
      .insertInto("accounts")
      .values([
        account("open", null),
        account("closed-long-ago", "2020-01-01T00:00:00Z"),
        account("closed-recently", "2024-01-01T00:00:00Z"),
        account("held", "2020-01-01T00:00:00Z", true),
      ])
      .execute();
    await db
      .insertInto("kyc_documents")
      .values(
        ["open", "closed-long-ago", "closed-recently", "held"].map((id) => ({
          account_id: id,
          document: "passport",
          collected_at: new Date("2015-01-01T00:00:00Z"),
        })),
      )
      .execute();
    const report = await purgeExpired(db, guards, dataMap, { now });
    const left = await db
      .selectFrom("kyc_documents")
      .select("account_id")
      .orderBy("account_id")
      .execute();
    expect(left.map((r) => r.account_id)).toEqual(["closed-recently", "held", "open"]);
    expect(report.counts).toContainEqual({
      category: "kyc-document",
      jurisdiction: "us",
      rows: 1,
      held: 1,
    });
  });

  it("deletes an account row only once every category it holds has expired", async () => {
    // account data runs 6 years from closing, the sign-up IP 12 months from collection.
    await db
      .insertInto("accounts")
      .values([
        account("closed-2019", "2019-01-01T00:00:00Z"),
        account("closed-2021", "2021-01-01T00:00:00Z"),
      ])
      .execute();
    await purgeExpired(db, guards, dataMap, { now });
    const left = await db.selectFrom("accounts").select("id").execute();
    expect(left.map((r) => r.id)).toEqual(["closed-2021"]);
  });
});

describe("§7 a partitioned table is purged row by row within each partition", () => {
  it("deletes only the expired rows, though rows of different partitions share a ctid", async () => {
    await sql`create table cdr_by_year (id int, started_at timestamptz not null, jurisdiction text, legal_hold boolean) partition by range (started_at)`.execute(
      db,
    );
    await sql`create table cdr_2024 partition of cdr_by_year for values from ('2024-01-01') to ('2025-01-01')`.execute(
      db,
    );
    await sql`create table cdr_2026 partition of cdr_by_year for values from ('2026-01-01') to ('2027-01-01')`.execute(
      db,
    );
    // The first row of each partition has the same ctid: (0,1).
    await sql`insert into cdr_by_year values (1, '2024-03-01T00:00:00Z', 'us', false), (2, '2026-05-01T00:00:00Z', 'us', false)`.execute(
      db,
    );
    const partitioned = defineDataMap(policy, {
      tables: {
        cdr_by_year: {
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
      },
    });
    await purgeExpired(db, guards, partitioned, { now, batchSize: 1 });
    const { rows } = await sql<{ id: number }>`select id from cdr_by_year order by id`.execute(db);
    expect(rows.map((r) => r.id)).toEqual([2]);
  });
});
