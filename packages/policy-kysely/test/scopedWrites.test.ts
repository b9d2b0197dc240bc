import { PolicyViolationError } from "@trunkiq/policy-core";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { purposeScopes, ScopedQueryError } from "../src";
import { type Database, dataMap, guards, openDatabase } from "./support/database";

const now = new Date("2026-06-01T00:00:00Z");
const card = "4111 1111 1111 1111";
let db: Kysely<Database>;
let close: () => Promise<void>;
// Every query the service sends, to show a refusal comes before any SQL.
const sent: string[] = [];

beforeAll(async () => {
  ({ db, close } = await openDatabase());
});
afterAll(() => close());
beforeEach(async () => {
  await db.deleteFrom("accounts").execute();
  await db.deleteFrom("consent_events").execute();
  const account = (id: string, extra = {}) => ({
    id,
    company: `${id} Ltd`,
    email: `${id}@example.com`,
    jurisdiction: "us",
    created_at: new Date("2024-01-01T00:00:00Z"),
    ...extra,
  });
  await db
    .insertInto("accounts")
    .values([
      account("consenting"),
      account("silent"),
      account("restricted", { restricted_at: new Date("2025-01-01T00:00:00Z") }),
    ])
    .execute();
  await db
    .insertInto("consent_events")
    .values(
      ["consenting", "restricted"].map((subject) => ({
        subject,
        purpose: "marketing",
        event: "granted",
        at: new Date("2025-01-01T00:00:00Z"),
      })),
    )
    .execute();
});

const scopes = (cardNumbers = true) =>
  purposeScopes(
    db.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        sent.push(args.queryId.queryId);
        return args.result;
      },
    }),
    guards,
    dataMap,
    { now: () => now, ...(cardNumbers ? { cardNumbers: { category: "payment-card" } } : {}) },
  );
const company = async (id: string) =>
  (await db.selectFrom("accounts").select("company").where("id", "=", id).executeTakeFirst())
    ?.company;

describe("§3 a write is a use: the scope writes only columns the purpose may use", () => {
  it("inserts and updates the columns the purpose may use", async () => {
    const scope = scopes().forPurpose("account-management").db;
    await scope
      .insertInto("accounts")
      .values({
        id: "new",
        company: "New Ltd",
        email: "new@example.com",
        jurisdiction: "us",
        created_at: now,
      })
      .execute();
    await scope
      .updateTable("accounts")
      .set({ company: "Renamed" })
      .where("id", "=", "new")
      .execute();
    expect(await company("new")).toBe("Renamed");
  });

  it("refuses writing a column the purpose may never use, with the decision, before any SQL", async () => {
    const marketing = scopes().forPurpose("marketing").db as unknown as Kysely<Database>;
    const before = sent.length;
    let error: unknown;
    try {
      await marketing.updateTable("accounts").set({ signup_ip: "203.0.113.9" }).execute();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect((error as PolicyViolationError).decision).toMatchObject({
      allowed: false,
      purpose: "marketing",
      category: "ip-address",
    });
    expect((error as PolicyViolationError).decision.reasons[0]?.section).toMatch(/^§/);
    await expect(
      marketing
        .insertInto("kyc_documents")
        .values({ account_id: "silent", document: "passport", collected_at: now })
        .execute(),
    ).rejects.toMatchObject({ decision: { category: "kyc-document", allowed: false } });
    expect(sent.length).toBe(before);
  });

  it("updates only the rows the purpose may use: consenting subjects, never a restricted row", async () => {
    const marketing = scopes().forPurpose("marketing").db;
    const result = await marketing.updateTable("accounts").set({ company: "Updated" }).execute();
    expect(result.map((r) => Number(r.numUpdatedRows))).toEqual([1]);
    expect(await company("consenting")).toBe("Updated");
    expect(await company("silent")).toBe("silent Ltd");
    expect(await company("restricted")).toBe("restricted Ltd");
  });

  it("refuses an insert of data the purpose may use only on some rows, which it cannot narrow", async () => {
    const marketing = scopes().forPurpose("marketing").db;
    await expect(
      marketing
        .insertInto("accounts")
        .values({ id: "x", company: "X", email: null, jurisdiction: "us", created_at: now })
        .execute(),
    ).rejects.toBeInstanceOf(ScopedQueryError);
  });

  it("refuses deletes, inserts from a query and columns the map does not declare", async () => {
    const scope = scopes().forPurpose("account-management").db as unknown as Kysely<Database>;
    await expect(scope.deleteFrom("accounts").execute()).rejects.toBeInstanceOf(ScopedQueryError);
    await expect(
      scope
        .insertInto("accounts")
        .columns(["id", "company", "created_at"])
        .expression(scope.selectFrom("accounts").select(["id", "company", "created_at"]))
        .execute(),
    ).rejects.toBeInstanceOf(ScopedQueryError);
    await expect(
      (scope as unknown as Kysely<{ accounts: { password: string } }>)
        .updateTable("accounts")
        .set({ password: "x" })
        .execute(),
    ).rejects.toThrow("password is not a mapped column of accounts");
  });
});

describe("§2(a) a full card number never reaches a column", () => {
  it("refuses it in an insert or an update, in any column, citing §2(a), before any SQL", async () => {
    const scope = scopes().forPurpose("account-management").db;
    const before = sent.length;
    const attempts = [
      () =>
        scope
          .insertInto("accounts")
          .values({ id: "c", company: `card ${card}`, jurisdiction: "us", created_at: now })
          .execute(),
      () =>
        scope
          .insertInto("accounts")
          .values([
            { id: "a", company: "A", jurisdiction: "us", created_at: now },
            { id: "b", company: "B", email: `${card.replaceAll(" ", "")}@x.test`, created_at: now },
          ])
          .execute(),
      () => scope.updateTable("accounts").set({ email: card }).where("id", "=", "silent").execute(),
    ];
    for (const attempt of attempts) {
      let error: unknown;
      try {
        await attempt();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PolicyViolationError);
      const decision = (error as PolicyViolationError).decision;
      expect(decision).toMatchObject({ allowed: false, category: "payment-card" });
      expect(decision.reasons[0]).toMatchObject({ code: "prohibited", section: "§2(a)" });
    }
    expect(sent.length).toBe(before);
    expect(
      await db.selectFrom("accounts").select("id").where("id", "in", ["a", "b", "c"]).execute(),
    ).toEqual([]);
  });

  it("lets a masked card number through, and refuses a full one without a category to cite too", async () => {
    const scope = scopes(false).forPurpose("account-management").db;
    await scope
      .updateTable("accounts")
      .set({ company: "411111******1111" })
      .where("id", "=", "silent")
      .execute();
    expect(await company("silent")).toBe("411111******1111");
    await expect(
      scope.updateTable("accounts").set({ company: card }).where("id", "=", "silent").execute(),
    ).rejects.toThrow("the value written to accounts.company holds a full card number");
  });
});
