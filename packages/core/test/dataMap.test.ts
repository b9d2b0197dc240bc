import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { type DataMapDeclaration, DataMapError, dataMapIssues, defineDataMap } from "../src";

const orders = {
  subject: "customer_id",
  columns: {
    id: "not-personal",
    customer_id: "order",
    placed_at: "order",
    card_last4: "card",
    jurisdiction: "not-personal",
    legal_hold: "not-personal",
  },
  anchors: { collection: "placed_at" },
  jurisdiction: "jurisdiction",
  legalHold: "legal_hold",
} as const;

const customers = {
  subject: "id",
  columns: { id: "email", email: "email", closed_at: "not-personal", region: "not-personal" },
  anchors: { "relationship-end": "closed_at" },
  jurisdiction: "region",
} as const;

const issues = (map: unknown) =>
  dataMapIssues(examplePolicy, map as DataMapDeclaration).map((i) => `${i.path}: ${i.message}`);

describe("§7 a data map says where each category of the policy lives", () => {
  it("returns the map frozen and bound to its policy", () => {
    const map = defineDataMap(examplePolicy, {
      subjects: { table: "customers", key: "id" },
      tables: { orders, customers },
      consent: {
        table: "consent_events",
        subject: "customer_id",
        purpose: "purpose",
        event: "event",
        at: "at",
        contextField: "consent",
      },
    });
    expect(map.policy).toBe(examplePolicy);
    expect(map.tables.orders.columns.card_last4).toBe("card");
    expect(Object.isFrozen(map.tables.orders)).toBe(true);
  });

  it("accepts facts read from the subject's row", () => {
    expect(
      issues({
        subjects: { table: "customers", key: "id" },
        tables: {
          customers,
          addresses: {
            subject: "customer_id",
            columns: { customer_id: "email", line: "email" },
            anchors: { "relationship-end": { ofSubject: "closed_at" } },
            jurisdiction: { ofSubject: "region" },
            legalHold: { constant: true },
          },
        },
      }),
    ).toEqual([
      'tables.addresses.legalHold: the legal hold of addresses names {"constant":true}, which is not a mapped column of addresses',
    ]);
  });

  it("throws one DataMapError listing every problem at startup", () => {
    const broken = {
      subjects: { table: "people", key: "id" },
      tables: {
        orders: {
          ...orders,
          columns: { ...orders.columns, note: "notes" },
          anchors: {},
          jurisdiction: { constant: "mars" },
          onExpiry: "restrict",
        },
        customers: { ...customers, subject: "customer", jurisdiction: undefined },
      },
      consent: {
        table: "orders",
        subject: "customer_id",
        purpose: "p",
        event: "e",
        at: "at",
        contextField: "channel",
      },
    };
    expect(() => defineDataMap(examplePolicy, broken as never)).toThrow(DataMapError);
    expect(issues(broken)).toEqual([
      "subjects.table: the subjects table people is not a mapped table",
      "tables.orders.columns.note: orders.note maps to notes, which is not a declared data category; declared: email, order, card, or not-personal",
      "tables.orders.onExpiry: orders restricts expired rows but maps no restrictedAt column",
      "tables.orders.jurisdiction: orders names jurisdiction mars, which the policy does not declare; declared: us, eea",
      "tables.orders.anchors.collection: orders holds order, whose retention runs from collection, but maps no collection anchor",
      "tables.orders.anchors.collection: orders holds card, whose retention runs from collection, but maps no collection anchor",
      "tables.customers.subject: the subject of customers names customer, which is not a mapped column of customers",
      "tables.customers.jurisdiction: customers holds email, whose retention depends on the jurisdiction, but maps no jurisdiction",
      "consent.contextField: channel is not a flag context field of the policy",
      "consent.table: orders holds consent events and must not be mapped as a table too",
    ]);
  });

  it("refuses a map without tables", () => {
    expect(issues({})).toEqual(["tables: the data map must have a tables object"]);
  });
});
