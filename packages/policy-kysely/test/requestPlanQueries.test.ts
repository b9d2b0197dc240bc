import { planRequest } from "@trunkiq/privacy-policy";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { executeRequestPlan, requestPlanQueries } from "../src";
import { type Database, dataMap, openDatabase } from "./support/database";

const receivedAt = new Date("2026-06-01T00:00:00Z");
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
  await db
    .insertInto("accounts")
    .values(
      ["subject", "other"].map((id) => ({
        id,
        company: `${id} Ltd`,
        email: `${id}@example.com`,
        signup_ip: "198.51.100.7",
        jurisdiction: "eea",
        created_at: new Date("2024-01-01T00:00:00Z"),
      })),
    )
    .execute();
  await db
    .insertInto("call_detail_records")
    .values(
      ["subject", "other"].map((id) => ({
        account_id: id,
        caller: "+4930000000",
        callee: "+4930000001",
        started_at: new Date("2026-05-01T00:00:00Z"),
        duration_seconds: 10,
        jurisdiction: "eea",
      })),
    )
    .execute();
  await db
    .insertInto("kyc_documents")
    .values({ account_id: "subject", document: "passport", collected_at: receivedAt })
    .execute();
});

describe("§9 the right of access becomes one SELECT per table", () => {
  it("exports every personal column of the subject's rows, and nothing of other subjects", async () => {
    const plan = planRequest({ right: "access", receivedAt, jurisdiction: "eea" });
    const result = await executeRequestPlan(db, dataMap, plan, { subject: "subject" });
    expect(result.exported.accounts).toEqual([
      {
        id: "subject",
        company: "subject Ltd",
        email: "subject@example.com",
        signup_ip: "198.51.100.7",
      },
    ]);
    expect(result.exported.call_detail_records).toEqual([
      {
        account_id: "subject",
        caller: "+4930000000",
        callee: "+4930000001",
        started_at: new Date("2026-05-01T00:00:00Z"),
        duration_seconds: 10,
      },
    ]);
    expect(result.exported.kyc_documents).toHaveLength(1);
    expect(result.changed).toEqual([]);
  });
});

describe("§9 the right to erasure becomes DELETE and UPDATE statements from the plan", () => {
  it("follows the plan: deletes what may go and restricts what the law keeps", async () => {
    const plan = planRequest({ right: "erasure", receivedAt, jurisdiction: "eea" });
    if (!plan.valid) throw new Error("the plan should be valid");
    const actions = Object.fromEntries(plan.actions.map((a) => [a.category, a.action]));
    const { writes } = requestPlanQueries(db, dataMap, plan, {
      subject: "subject",
      now: receivedAt,
    });
    for (const write of writes) {
      expect(
        write.categories.every(
          (c) => actions[c] === (write.action === "restrict" ? "restrict" : "delete"),
        ),
      ).toBe(true);
    }
    const { receipt } = await executeRequestPlan(db, dataMap, plan, {
      subject: "subject",
      now: receivedAt,
    });
    // The receipt says per category what was done and until when, and holds no personal data.
    expect(receipt.entries.map((e) => [e.category, e.action])).toEqual(
      plan.actions.map((a) => [a.category, a.action]),
    );
    const kyc = receipt.entries.find((e) => e.category === "kyc-document");
    const kycStep = plan.actions.find((a) => a.category === "kyc-document");
    expect(kyc?.until).toEqual(kycStep?.until ?? null);
    expect(kyc?.sections.length).toBeGreaterThan(0);
    // The map gives KYC documents no restriction column: the receipt says it was not done.
    expect(kyc?.done).toBe("not carried out: kyc_documents maps no restrictedAt column");
    expect(kyc?.tables).toEqual([]);
    const cdr = receipt.entries.find((e) => e.category === "call-detail-record");
    expect(cdr?.tables).toEqual([
      {
        table: "call_detail_records",
        operation: cdr?.action === "delete" ? "delete" : "restrict",
        rows: cdr?.action === "delete" ? 1 : 0,
      },
    ]);
    const written = JSON.stringify(receipt);
    for (const personal of [
      "subject@example.com",
      "198.51.100.7",
      "+4930000000",
      "passport",
      '"subject"',
    ]) {
      expect(written).not.toContain(personal);
    }
    // KYC documents are kept five years after the relationship (§7): restricted, not deleted.
    expect(actions["kyc-document"]).toBe("restrict");
    const kept = async (table: "kyc_documents" | "call_detail_records") =>
      (
        await db
          .selectFrom(table)
          .select("account_id")
          .where("account_id", "=", "subject")
          .execute()
      ).length;
    expect(await kept("kyc_documents")).toBe(1);
    expect(await kept("call_detail_records")).toBe(
      actions["call-detail-record"] === "delete" ? 0 : 1,
    );
    const account = await db
      .selectFrom("accounts")
      .selectAll()
      .where("id", "=", "subject")
      .executeTakeFirst();
    if (actions.account === "delete" && actions["ip-address"] === "delete")
      expect(account).toBeUndefined();
    else
      expect(account?.signup_ip ?? null).toBe(
        actions["ip-address"] === "delete" ? null : "198.51.100.7",
      );
    const other = await db
      .selectFrom("accounts")
      .selectAll()
      .where("id", "=", "other")
      .executeTakeFirst();
    expect(other?.email).toBe("other@example.com");
  });

  it("sets the erased categories' columns to null where other categories keep the row", async () => {
    const plan = {
      valid: true as const,
      right: "erasure",
      actions: [
        { category: "ip-address", action: "delete" as const },
        { category: "account", action: "restrict" as const },
      ],
    };
    const { writes, unmapped } = requestPlanQueries(db, dataMap, plan, {
      subject: "subject",
      now: receivedAt,
    });
    expect(writes.map((w) => [w.table, w.action, w.columns])).toEqual([
      ["accounts", "erase-columns", ["signup_ip"]],
      ["accounts", "restrict", ["restricted_at"]],
    ]);
    expect(unmapped).toEqual([]);
    await executeRequestPlan(db, dataMap, plan, { subject: "subject", now: receivedAt });
    const row = await db
      .selectFrom("accounts")
      .selectAll()
      .where("id", "=", "subject")
      .executeTakeFirstOrThrow();
    expect(row.signup_ip).toBeNull();
    expect(row.email).toBe("subject@example.com");
    expect(row.restricted_at).toEqual(receivedAt);
  });

  it("pseudonymises instead of deleting where a cascade would reach data the law keeps", async () => {
    // KYC documents are kept (restricted) while the account is erased; a foreign key would
    // delete them with the account.
    await sql`alter table kyc_documents add constraint kyc_account foreign key (account_id) references accounts (id) on delete cascade`.execute(
      db,
    );
    await sql`alter table accounts alter column company drop not null`.execute(db);
    try {
      const plan = {
        valid: true as const,
        right: "erasure",
        actions: [
          { category: "account", action: "delete" as const },
          { category: "ip-address", action: "delete" as const },
          { category: "kyc-document", action: "restrict" as const },
        ],
      };
      const result = await executeRequestPlan(db, dataMap, plan, {
        subject: "subject",
        now: receivedAt,
      });
      expect(result.changed.find((c) => c.table === "accounts")).toEqual({
        table: "accounts",
        action: "pseudonymise",
        rows: 1,
      });
      const account = await db
        .selectFrom("accounts")
        .selectAll()
        .where("id", "=", "subject")
        .executeTakeFirstOrThrow();
      expect([account.company, account.email, account.signup_ip]).toEqual([null, null, null]);
      const kept = await db.selectFrom("kyc_documents").select("document").execute();
      expect(kept).toEqual([{ document: "passport" }]);
      const entry = result.receipt.entries.find((e) => e.category === "account");
      expect(entry?.tables).toContainEqual({
        table: "accounts",
        operation: "pseudonymise",
        rows: 1,
      });
      // Without the cascade the same plan deletes the row.
      const { writes } = requestPlanQueries(db, dataMap, plan, { subject: "other", cascades: {} });
      expect(writes.find((w) => w.table === "accounts")?.action).toBe("delete");
      // And when everything the cascade reaches is erased too, the row is deleted.
      const all = {
        ...plan,
        actions: plan.actions.map((a) => ({ ...a, action: "delete" as const })),
      };
      const cascading = requestPlanQueries(db, dataMap, all, {
        subject: "other",
        cascades: { accounts: ["kyc_documents"] },
      });
      expect(cascading.writes.find((w) => w.table === "accounts")?.action).toBe("delete");
    } finally {
      await sql`alter table kyc_documents drop constraint kyc_account`.execute(db);
      // The next test starts from fresh rows; the pseudonymised one goes before NOT NULL returns.
      await db.deleteFrom("accounts").where("company", "is", null).execute();
      await sql`alter table accounts alter column company set not null`.execute(db);
    }
  });

  it("deletes a row whose every category is erased, unless a legal hold covers it", async () => {
    const plan = {
      valid: true as const,
      right: "erasure",
      actions: [{ category: "call-detail-record", action: "delete" as const }],
    };
    await db
      .updateTable("call_detail_records")
      .set({ legal_hold: null })
      .where("account_id", "=", "other")
      .execute();
    await executeRequestPlan(db, dataMap, plan, { subject: "subject" });
    await executeRequestPlan(db, dataMap, plan, { subject: "other" });
    const left = await db.selectFrom("call_detail_records").select("account_id").execute();
    expect(left.map((r) => r.account_id)).toEqual(["other"]);
  });

  it("never guesses at an action it does not know", () => {
    const plan = {
      valid: true as const,
      right: "erasure",
      actions: [{ category: "account", action: "shred" as never }],
    };
    const { writes, unmapped } = requestPlanQueries(db, dataMap, plan, { subject: "subject" });
    expect(writes).toEqual([]);
    expect(unmapped).toEqual([
      { table: null, category: "account", action: "shred", reason: "shred is not a plan action" },
    ]);
  });

  it("lists what the map cannot carry out, and does nothing for an invalid plan", () => {
    const plan = {
      valid: true as const,
      right: "restriction",
      actions: [
        { category: "kyc-document", action: "restrict" as const },
        { category: "website-usage", action: "export" as const },
      ],
    };
    const { unmapped } = requestPlanQueries(db, dataMap, plan, { subject: "subject" });
    expect(unmapped).toEqual([
      {
        table: "kyc_documents",
        category: "kyc-document",
        action: "restrict",
        reason: "kyc_documents maps no restrictedAt column",
      },
      {
        table: null,
        category: "website-usage",
        action: "export",
        reason: "no mapped table holds website-usage",
      },
    ]);
    const invalid = planRequest({
      right: "erasure",
      receivedAt: new Date(Number.NaN),
      jurisdiction: "eea",
    });
    expect(requestPlanQueries(db, dataMap, invalid, { subject: "subject" })).toEqual({
      reads: [],
      writes: [],
      unmapped: [],
    });
  });
});
