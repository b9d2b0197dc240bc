import { DataMapError } from "@trunkiq/policy-core";
import { policy } from "@trunkiq/privacy-policy";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineDatabaseMap, verifyDataMap } from "../src";
import { type Database, dataMap, openDatabase } from "./support/database";

let db: Kysely<Database>;
let schema: string;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, schema, close } = await openDatabase());
});
afterAll(() => close());

describe("the data map is checked against the live database at startup", () => {
  it("accepts a map that covers every column of its tables", async () => {
    await expect(verifyDataMap(db, dataMap, { schema })).resolves.toBeUndefined();
  });

  it("lists every missing table, missing column and unmapped column at once", async () => {
    await sql`alter table kyc_documents add column scanned_by text`.execute(db);
    const stale = defineDatabaseMap<Record<string, Record<string, unknown>>>()(policy, {
      tables: {
        kyc_documents: {
          subject: "account_id",
          columns: {
            id: "not-personal",
            account_id: "kyc-document",
            document: "kyc-document",
            collected_at: "kyc-document",
            pages: "kyc-document",
          },
          anchors: { "relationship-end": "collected_at" },
          jurisdiction: { constant: "us" },
        },
        invoices: {
          subject: "number",
          columns: { number: "payment-transaction" },
          anchors: { collection: "number" },
          jurisdiction: { constant: "us" },
        },
      },
    });
    const error = await verifyDataMap(db, stale, { schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataMapError);
    expect((error as DataMapError).issues.map((i) => i.message)).toEqual([
      "kyc_documents has no column pages in the database",
      "kyc_documents leaves scanned_by unmapped: give each column a data category or not-personal",
      "invoices is not a table of the database",
    ]);
  });
});
