import { Bound, PolicyViolationError } from "@trunkiq/policy-core";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purposeScopes, ScopedQueryError } from "../src";
import { type Database, dataMap, guards, openDatabase } from "./support/database";

const now = new Date("2026-06-01T00:00:00Z");
let db: Kysely<Database>;
let close: () => Promise<void>;
// Every query the service sends, to show a refusal comes before any SQL.
const sent: string[] = [];

beforeAll(async () => {
  ({ db, close } = await openDatabase());
  const account = (id: string, jurisdiction: string | null, extra = {}) => ({
    id,
    company: `${id} Ltd`,
    email: `${id}@example.com`,
    signup_ip: "198.51.100.7",
    jurisdiction,
    created_at: new Date("2024-01-01T00:00:00Z"),
    ...extra,
  });
  await db
    .insertInto("accounts")
    .values([
      account("consenting", "us"),
      account("withdrawn", "eea"),
      account("regranted", "uk"),
      account("silent", "us"),
      account("future-consent", "us"),
      account("restricted", "us", { restricted_at: new Date("2025-01-01T00:00:00Z") }),
    ])
    .execute();
  const event = (subject: string, type: string, at: string, purpose = "marketing") => ({
    subject,
    purpose,
    event: type,
    at: new Date(at),
  });
  await db
    .insertInto("consent_events")
    .values([
      event("consenting", "granted", "2025-01-01T00:00:00Z"),
      event("withdrawn", "granted", "2025-01-01T00:00:00Z"),
      event("withdrawn", "withdrawn", "2025-03-01T00:00:00Z"),
      event("regranted", "granted", "2025-01-01T00:00:00Z"),
      event("regranted", "withdrawn", "2025-02-01T00:00:00Z"),
      event("regranted", "granted", "2025-04-01T00:00:00Z"),
      event("silent", "granted", "2025-01-01T00:00:00Z", "product-development"),
      event("future-consent", "granted", "2027-01-01T00:00:00Z"),
      event("restricted", "granted", "2025-01-01T00:00:00Z"),
    ])
    .execute();
  await db
    .insertInto("kyc_documents")
    .values({ account_id: "consenting", document: "passport", collected_at: now })
    .execute();
  await db
    .insertInto("call_detail_records")
    .values({
      account_id: "silent",
      caller: "+12025550100",
      callee: "+12025550101",
      started_at: now,
      duration_seconds: 60,
      jurisdiction: "us",
    })
    .execute();
});
afterAll(() => close());

const scopes = () =>
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
    { now: () => now },
  );

describe("§3 marketing uses account data only with consent", () => {
  it("returns only subjects whose consent events show consent now, filtered in SQL", async () => {
    const marketing = scopes().forPurpose("marketing");
    const query = marketing.selectFrom("accounts", ["id", "email"]).orderBy("id");
    expect(query.compile().sql).toContain("exists (select 1 from");
    const rows = await query.execute();
    expect(
      Bound.read(
        "marketing",
        Bound.map(Bound.all(rows), (r) => r.id),
      ),
    ).toEqual(["consenting", "regranted"]);
  });

  it("never returns a restricted row (GDPR Art. 18)", async () => {
    const rows = await scopes().forPurpose("marketing").selectFrom("accounts", ["id"]).execute();
    expect(
      Bound.read(
        "marketing",
        Bound.map(Bound.all(rows), (r) => r.id),
      ),
    ).not.toContain("restricted");
  });

  it("ignores a caller's own claim of consent: the consent events decide", async () => {
    const rows = await scopes()
      .forPurpose("marketing", { consent: true })
      .selectFrom("accounts", ["id"])
      .orderBy("id")
      .execute();
    expect(
      Bound.read(
        "marketing",
        Bound.map(Bound.all(rows), (r) => r.id),
      ),
    ).toEqual(["consenting", "regranted"]);
  });

  it("refuses a forbidden column named at runtime with the decision's reasons, before any SQL", async () => {
    const before = sent.length;
    const fromRequest: string[] = ["document"];
    const marketing = scopes().forPurpose("marketing");
    let error: unknown;
    try {
      await marketing.selectFrom("kyc_documents", fromRequest).execute();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyViolationError);
    const decision = (error as PolicyViolationError).decision;
    expect(decision).toMatchObject({
      allowed: false,
      purpose: "marketing",
      category: "kyc-document",
    });
    expect(decision.reasons[0]?.section).toBe("§3");
    expect(sent.length).toBe(before);
  });

  it("refuses a forbidden column reached through the guarded builder too", async () => {
    const marketing = scopes().forPurpose("marketing");
    const column = "document" as never;
    await expect(
      marketing.db.selectFrom("kyc_documents").select(column).execute(),
    ).rejects.toBeInstanceOf(PolicyViolationError);
    await expect(marketing.db.selectFrom("accounts").selectAll().execute()).rejects.toBeInstanceOf(
      PolicyViolationError,
    );
  });

  it("refuses a filter on a column the purpose may not use, not only a selection", async () => {
    const marketing = scopes().forPurpose("marketing");
    const column = "signup_ip" as never;
    await expect(
      marketing.db
        .selectFrom("accounts")
        .select("id")
        .where(column, "=", "198.51.100.7" as never)
        .execute(),
    ).rejects.toMatchObject({ decision: { category: "ip-address", allowed: false } });
  });

  it("refuses a forbidden column in a subquery as soon as it is built", () => {
    const marketing = scopes().forPurpose("marketing");
    expect(() =>
      marketing.db
        .selectFrom("accounts")
        .select("id")
        .where("id", "in", marketing.db.selectFrom("kyc_documents").select("document" as never)),
    ).toThrow(PolicyViolationError);
  });
});

describe("§3 purposes read only what the data map lets them", () => {
  it("lets product development read call detail records only for aggregates (47 U.S.C. 222(c)(3))", async () => {
    const rows = await scopes()
      .forPurpose("product-development", { aggregate: true })
      .selectFrom("call_detail_records", ["caller", "duration_seconds"])
      .execute();
    expect(rows).toEqual([{ caller: "+12025550100", duration_seconds: 60 }]);
    // Identifiable CPNI for product development is refused before any SQL is sent.
    expect(() =>
      scopes()
        .forPurpose("product-development")
        .selectFrom("call_detail_records", ["caller", "duration_seconds"]),
    ).toThrow(PolicyViolationError);
  });

  it("lets KYC verification read KYC documents", async () => {
    const rows = await scopes()
      .forPurpose("kyc-verification")
      .selectFrom("kyc_documents", ["document"])
      .execute();
    expect(rows).toEqual([{ document: "passport" }]);
  });

  it("refuses writes, raw SQL and tables outside the data map", async () => {
    const scoped = scopes().forPurpose("account-management").db as unknown as Kysely<Database>;
    await expect(scoped.deleteFrom("accounts").execute()).rejects.toBeInstanceOf(ScopedQueryError);
    const { sql } = await import("kysely");
    await expect(
      scoped.selectFrom("accounts").select(sql<string>`email`.as("e")).execute(),
    ).rejects.toBeInstanceOf(ScopedQueryError);
    await expect(
      (scoped as unknown as Kysely<{ audit: { x: string } }>)
        .selectFrom("audit")
        .select("x")
        .execute(),
    ).rejects.toThrow("audit is not a table of the data map");
  });

  it("sorts in either direction: Kysely's raw `asc` and `desc` name no column", async () => {
    const support = scopes().forPurpose("customer-support");
    const descending = await support.selectFrom("accounts", ["id"]).orderBy("id", "desc").execute();
    const ascending = await support.selectFrom("accounts", ["id"]).orderBy("id", "asc").execute();
    expect(descending.length).toBeGreaterThan(1);
    const ids = (rows: typeof ascending) =>
      Bound.read(
        "customer-support",
        Bound.map(Bound.all(rows), (r) => r.id),
      );
    expect(ids(descending)).toEqual(ids(ascending).reverse());
    // Any other raw SQL in the sort is still refused.
    const { sql } = await import("kysely");
    await expect(
      support.selectFrom("accounts", ["id"]).orderBy(sql`email`).execute(),
    ).rejects.toBeInstanceOf(ScopedQueryError);
  });

  it("refuses a column the map does not declare", () => {
    const scope = scopes().forPurpose("account-management");
    expect(() => scope.selectFrom("accounts", ["password" as string])).toThrow(
      "password is not a mapped column of accounts",
    );
  });
});
