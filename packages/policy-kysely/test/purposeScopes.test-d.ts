import type { Bound } from "@trunkiq/policy-core";
import type { Kysely } from "kysely";
import { describe, expectTypeOf, it } from "vitest";
import { purposeScopes } from "../src";
import { dataMap, guards } from "./support/database";
import type { Database } from "./support/schema";

declare const db: Kysely<Database>;
const scopes = purposeScopes(db, guards, dataMap);

describe("§3 rows carry the purpose they were read for", () => {
  it("binds rows to the purpose and the categories of the columns read", async () => {
    const rows = await scopes
      .forPurpose("marketing")
      .selectFrom("accounts", ["id", "email"])
      .execute();
    expectTypeOf(rows).toExtend<
      readonly Bound<"marketing", "account", { id: string; email: string | null }>[]
    >();
    expectTypeOf(rows).not.toExtend<readonly Bound<"marketing", "kyc-document", object>[]>();
  });

  it("does not let rows read for one purpose pass where another is required", async () => {
    const send = (_: Bound<"marketing", "account", object>[]) => {};
    const rows = await scopes
      .forPurpose("customer-support")
      .selectFrom("accounts", ["email"])
      .execute();
    // @ts-expect-error: rows read for customer support are not bound to marketing
    send(rows);
  });

  it("leaves out of the purpose's view the columns it may never use", () => {
    const marketing = scopes.forPurpose("marketing").db;
    // @ts-expect-error: marketing may never use call detail records (§3)
    marketing.selectFrom("call_detail_records").select("caller");
    // @ts-expect-error: marketing may never use the sign-up IP address (§3)
    marketing.selectFrom("accounts").select("signup_ip");
    marketing.selectFrom("accounts").select(["email", "plan"]);
  });

  it("does not compile a write of a column the purpose may never use", () => {
    const marketing = scopes.forPurpose("marketing").db;
    // @ts-expect-error: marketing may never use the sign-up IP address (§3)
    marketing.updateTable("accounts").set({ signup_ip: "203.0.113.9" });
    marketing.updateTable("accounts").set({ company: "Renamed" });
    const kyc = marketing.insertInto("kyc_documents");
    // @ts-expect-error: marketing may never use KYC documents (§3)
    kyc.values({ account_id: "a", document: "passport", collected_at: new Date() });
  });

  it("accepts a column list known only at runtime, checked when the query is built", () => {
    const fromRequest: string[] = ["email"];
    scopes.forPurpose("marketing").selectFrom("accounts", fromRequest);
  });
});
