import type { FastifyInstance } from "fastify";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type App, buildApp } from "../src/app";
import type { Database } from "../src/schema";
import { emptyTables, openTestDatabase } from "./support/database";
import { cdr, NOW, seedCustomers } from "./support/fixtures";

let db: Kysely<Database>;
let close: () => Promise<void>;
let service: App;
let app: FastifyInstance;
const sent: { customerId: string; email: string; campaign: string }[] = [];

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  service = buildApp({
    db,
    now: () => NOW,
    mailer: { send: async (message) => void sent.push(message) },
  });
  app = service.app;
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await service.audit.flush();
  await close();
});
beforeEach(async () => {
  await service.audit.flush();
  await emptyTables(db);
  await seedCustomers(db);
  sent.length = 0;
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url, payload, headers });
const count = async (table: "call_detail_records" | "disclosures" | "consent_events") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("POST /cdrs", () => {
  it("stores a batch, each record in its customer's jurisdiction", async () => {
    const response = await post("/cdrs", { cdrs: [cdr("us-1"), cdr("eea-1")] });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ stored: 2 });
    const rows = await db
      .selectFrom("call_detail_records")
      .select(["customer_id", "jurisdiction", "duration_seconds"])
      .orderBy("customer_id")
      .execute();
    expect(rows).toEqual([
      { customer_id: "eea-1", jurisdiction: "eea", duration_seconds: 125 },
      { customer_id: "us-1", jurisdiction: "us", duration_seconds: 125 },
    ]);
  });

  it("refuses a batch holding a full card number with a 400 naming the field, and writes none of it (§2(a))", async () => {
    const response = await post("/cdrs", {
      cdrs: [cdr("us-1"), cdr("us-2", { route: "paid by card 4111 1111 1111 1111" })],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ error: "invalid-input", field: "cdrs.1.route" });
    expect(body.reasons[0]).toMatchObject({ code: "invalid-input", section: "§2(a)" });
    // Nothing the client sent is echoed.
    expect(response.body).not.toContain("4111");
    expect(await count("call_detail_records")).toBe(0);
  });

  it("refuses a malformed E.164 number with a 400 naming the field", async () => {
    const response = await post("/cdrs", {
      cdrs: [cdr("us-1"), cdr("us-1", { callee: "020 7946 0000" })],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "cdrs.1.callee" });
    expect(response.json().reasons[0].message).toMatch(
      /^cdrs\.1\.callee: must be an E\.164 number/,
    );
    expect(await count("call_detail_records")).toBe(0);
  });

  it("refuses a batch naming an unknown customer, and writes none of it", async () => {
    const response = await post("/cdrs", { cdrs: [cdr("us-1"), cdr("nobody")] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "cdrs.1.customerId" });
    expect(await count("call_detail_records")).toBe(0);
  });

  it("refuses fields the record does not have", async () => {
    const response = await post("/cdrs", { cdrs: [cdr("us-1", { card: "x" })] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "cdrs.0.card" });
  });
});

describe("GET /customers/:id/calls (customer-support)", () => {
  it("answers the customer's calls with the columns support may use", async () => {
    await post("/cdrs", { cdrs: [cdr("us-1"), cdr("us-2")] });
    const response = await app.inject({ method: "GET", url: "/customers/us-1/calls" });
    expect(response.json()).not.toHaveProperty("error");
    expect(response.statusCode).toBe(200);
    const { customer, calls } = response.json();
    expect(customer).toBe("us-1");
    expect(calls).toEqual([
      {
        id: expect.any(Number),
        caller: "+12025550199",
        callee: "+442079460000",
        started_at: "2026-05-30T09:15:00.000Z",
        duration_seconds: 125,
        route: "carrier-a/trunk-7",
      },
    ]);
  });

  it("answers 400 naming the id when it is malformed", async () => {
    const response = await app.inject({ method: "GET", url: "/customers/a%20b/calls" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "id" });
  });
});

describe("GET /usage (product-development)", () => {
  it("counts US traffic per route, leaving out groups of fewer than three customers", async () => {
    await post("/cdrs", {
      cdrs: [
        cdr("us-1"),
        cdr("us-2", { durationSeconds: 60 }),
        cdr("us-3", { durationSeconds: 15 }),
        cdr("us-1", { route: "carrier-b/trunk-1" }),
      ],
    });
    const response = await app.inject({ method: "GET", url: "/usage?jurisdiction=us" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      jurisdiction: "us",
      minimumCustomersPerGroup: 3,
      routes: [{ route: "carrier-a/trunk-7", calls: 3, seconds: 200, customers: 3 }],
    });
  });

  it("answers 403 citing the policy in the EEA, where traffic data needs consent for it", async () => {
    const response = await app.inject({ method: "GET", url: "/usage?jurisdiction=eea" });
    expect(response.statusCode).toBe(403);
    const body = response.json();
    expect(body).toMatchObject({
      error: "denied",
      purpose: "product-development",
      category: "call-detail-record",
      policy: { id: "trunkiq-privacy-policy", version: "2025-07-07" },
    });
    expect(body.reasons.length).toBeGreaterThan(0);
    for (const reason of body.reasons) expect(reason.section).toMatch(/^§/);
  });

  it("answers 400 naming the jurisdiction when it is missing or undeclared", async () => {
    for (const url of ["/usage", "/usage?jurisdiction=mars"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ field: "jurisdiction" });
    }
  });
});

describe("consent and POST /marketing/sends", () => {
  it("writes a ledger event per grant and withdrawal", async () => {
    expect(
      (await app.inject({ method: "PUT", url: "/customers/us-1/consents/marketing" })).statusCode,
    ).toBe(201);
    const withdrawn = await app.inject({
      method: "DELETE",
      url: "/customers/us-1/consents/marketing",
    });
    expect(withdrawn.statusCode).toBe(201);
    expect(withdrawn.json()).toEqual({
      subject: "us-1",
      purpose: "marketing",
      type: "withdrawn",
      at: NOW.toISOString(),
    });
    const events = await db
      .selectFrom("consent_events")
      .select(["subject", "purpose", "event"])
      .execute();
    expect(events).toEqual([
      { subject: "us-1", purpose: "marketing", event: "granted" },
      { subject: "us-1", purpose: "marketing", event: "withdrawn" },
    ]);
  });

  it("refuses an undeclared purpose and an unknown customer", async () => {
    const undeclared = await app.inject({ method: "PUT", url: "/customers/us-1/consents/spam" });
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json()).toMatchObject({ field: "purpose" });
    const unknown = await app.inject({
      method: "PUT",
      url: "/customers/nobody/consents/marketing",
    });
    expect(unknown.statusCode).toBe(404);
    expect(await count("consent_events")).toBe(0);
  });

  it("sends only to customers whose consent holds now", async () => {
    await app.inject({ method: "PUT", url: "/customers/us-1/consents/marketing" });
    await app.inject({ method: "PUT", url: "/customers/us-2/consents/marketing" });
    await app.inject({ method: "DELETE", url: "/customers/us-2/consents/marketing" });
    await app.inject({ method: "PUT", url: "/customers/eea-1/consents/product-development" });
    const response = await post("/marketing/sends", { campaign: "summer-rates" });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      campaign: "summer-rates",
      sent: 1,
      recipients: ["us-1"],
      obligations: ["honour-opt-out"],
    });
    expect(sent).toEqual([
      { customerId: "us-1", email: "ops@acme.test", campaign: "summer-rates" },
    ]);
  });

  it("never widens the list to customers named in the request", async () => {
    const response = await post("/marketing/sends", {
      campaign: "summer-rates",
      customers: ["us-2"],
    });
    expect(response.json()).toMatchObject({ sent: 0, recipients: [] });
    expect(sent).toEqual([]);
  });
});

describe("POST /disclosures", () => {
  const request = (overrides: Record<string, unknown> = {}) => ({
    customerId: "us-1",
    authority: "District Court, D. Example",
    legalProcess: "subpoena",
    reference: "case 26-cv-0042",
    receivedAt: "2026-05-31T08:00:00Z",
    ...overrides,
  });

  it("discloses under a subpoena and records that the customer is to be notified (§4)", async () => {
    await post("/cdrs", { cdrs: [cdr("us-1"), cdr("us-2")] });
    const response = await post("/disclosures", request());
    expect(response.statusCode).toBe(201);
    const { disclosure, records } = response.json();
    expect(disclosure).toMatchObject({
      legalProcess: "subpoena",
      categories: ["account", "call-detail-record"],
      customerNotification: "due",
    });
    expect(disclosure.obligations.map((o: { id: string }) => o.id)).toEqual(["notify-customer"]);
    expect(records.account).toMatchObject({ id: "us-1", company: "Acme Dialers" });
    expect(records.callDetailRecords).toHaveLength(1);
    const stored = await db.selectFrom("disclosures").selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      customer_id: "us-1",
      legal_process: "subpoena",
      customer_notification: "due",
      obligations: [{ id: "notify-customer", section: "§4" }],
    });
  });

  it("records no notification when an order forbids telling the customer", async () => {
    const response = await post("/disclosures", request({ disclosureProhibited: true }));
    expect(response.statusCode).toBe(201);
    expect(response.json().disclosure).toMatchObject({
      obligations: [],
      customerNotification: "prohibited",
    });
  });

  it("refuses a foreign order (GDPR Art. 48) and records nothing", async () => {
    const response = await post(
      "/disclosures",
      request({ customerId: "eea-1", legalProcess: "foreign-order" }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: "denied", purpose: "lawful-request" });
    expect(await count("disclosures")).toBe(0);
  });

  it("answers 400 naming a missing legal-process field", async () => {
    const { legalProcess: _, ...withoutProcess } = request();
    const response = await post("/disclosures", withoutProcess);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "legalProcess" });
  });
});

describe("POST /rights-requests", () => {
  it("answers an access request with the receipt and the customer's data", async () => {
    await post("/cdrs", { cdrs: [cdr("us-1")] });
    const response = await post("/rights-requests", { customerId: "us-1", right: "access" });
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({
      customer: "us-1",
      right: "access",
      jurisdiction: "us",
      receivedAt: NOW.toISOString(),
      policy: { id: "trunkiq-privacy-policy", version: "2025-07-07" },
    });
    expect(new Date(receipt.deadline).getTime()).toBeGreaterThan(NOW.getTime());
    expect(receipt.exported.customers).toEqual([
      { id: "us-1", company: "Acme Dialers", email: "ops@acme.test", phone: "+12025550101" },
    ]);
    expect(receipt.exported.call_detail_records).toHaveLength(1);
    const cdrEntry = receipt.entries.find(
      (e: { category: string }) => e.category === "call-detail-record",
    );
    expect(cdrEntry).toMatchObject({
      action: "export",
      done: "exported",
      tables: [{ table: "call_detail_records", operation: "export", rows: 1 }],
    });
    expect(
      receipt.obligations
        .filter((o: { category: string }) => o.category === "call-detail-record")
        .map((o: { id: string }) => o.id),
    ).toContain("authenticate-customer");
    const stored = await db.selectFrom("rights_requests").selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ customer_id: "us-1", requested_right: "access" });
    // The stored receipt keeps what was done, not the data that was handed over.
    expect(JSON.stringify(stored.receipt)).not.toContain("ops@acme.test");
  });

  it("carries out an erasure as the plan says, keeping what the law keeps", async () => {
    await post("/cdrs", { cdrs: [cdr("eea-1")] });
    const response = await post("/rights-requests", { customerId: "eea-1", right: "erasure" });
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    type Entry = {
      category: string;
      action: string;
      tables: { table: string; operation: string; rows: number }[];
    };
    const actions = Object.fromEntries(receipt.entries.map((e: Entry) => [e.category, e.action]));
    const remaining = await db.selectFrom("call_detail_records").select("id").execute();
    const deletedCdrs = receipt.entries
      .flatMap((e: Entry) => e.tables)
      .some(
        (t: Entry["tables"][number]) =>
          t.table === "call_detail_records" && t.operation === "delete" && t.rows === 1,
      );
    expect(deletedCdrs).toBe(actions["call-detail-record"] === "delete");
    expect(remaining).toHaveLength(deletedCdrs ? 0 : 1);
  });

  it("answers 400 naming an undeclared right", async () => {
    const response = await post("/rights-requests", { customerId: "us-1", right: "oblivion" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "right" });
  });
});

describe("POST /jobs/purge", () => {
  it("counts in a dry run and deletes only what expired", async () => {
    await post("/cdrs", {
      cdrs: [
        cdr("us-1", { startedAt: "2024-01-10T10:00:00Z" }),
        cdr("us-1", { startedAt: "2026-05-01T10:00:00Z" }),
      ],
    });
    const dry = await post("/jobs/purge", { dryRun: true });
    expect(dry.statusCode).toBe(200);
    const preview = dry.json();
    expect(preview.dryRun).toBe(true);
    expect(preview.counts).toContainEqual({
      category: "call-detail-record",
      jurisdiction: "us",
      rows: 1,
      held: 0,
    });
    expect(await count("call_detail_records")).toBe(2);

    const done = await post("/jobs/purge", {});
    expect(done.json().dryRun).toBe(false);
    const left = await db.selectFrom("call_detail_records").select("started_at").execute();
    expect(left.map((r) => r.started_at.toISOString())).toEqual(["2026-05-01T10:00:00.000Z"]);
  });
});

describe("the audit trail", () => {
  it("records each decision with the request, actor and route, and nothing personal", async () => {
    await app.inject({
      method: "GET",
      url: "/usage?jurisdiction=eea",
      headers: { "x-actor": "analyst-7" },
    });
    await post("/disclosures", {
      customerId: "us-1",
      authority: "District Court",
      legalProcess: "court-order",
      reference: "r-1",
      receivedAt: "2026-05-31T08:00:00Z",
    });
    await service.audit.flush();
    const rows = await db.selectFrom("audit_decisions").selectAll().orderBy("id").execute();
    // Records are written side by side: on a server their ids need not follow the decisions.
    const usage = rows.filter((r) => r.route === "/usage");
    expect(usage).toEqual([
      expect.objectContaining({
        kind: "route-use",
        allowed: false,
        purpose: "product-development",
        category: "call-detail-record",
        request_id: expect.any(String),
        actor: "analyst-7",
        method: "GET",
        policy_version: "2025-07-07",
      }),
    ]);
    // The gate's two decisions and the two shares, each once, all about customer us-1; the
    // shares name their request by its id, as the gate's records do.
    const gate = rows.filter((r) => r.route === "/disclosures");
    const disclosure = rows.filter((r) => r.request_id === gate[0]?.request_id);
    expect(disclosure.map((r) => [r.kind, r.category, r.recipient]).sort()).toEqual([
      ["route-use", "account", null],
      ["route-use", "call-detail-record", null],
      ["share", "account", "authority"],
      ["share", "call-detail-record", "authority"],
    ]);
    expect(rows).toHaveLength(usage.length + disclosure.length);
    expect(new Set(disclosure.map((r) => r.request_id)).size).toBe(1);
    expect(disclosure[0]?.request_id).not.toBe(usage[0]?.request_id);
    expect(disclosure.every((r) => r.subject === "us-1")).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Acme|ops@acme|\+1202/);
  });

  it("records a rights request's plan about the customer its body names", async () => {
    await post("/rights-requests", { customerId: "us-1", right: "access" }, { "x-actor": "dpo-2" });
    await service.audit.flush();
    const rows = await db.selectFrom("audit_decisions").selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({
        kind: "request-plan",
        allowed: true,
        requested_right: "access",
        request_id: expect.any(String),
        actor: "dpo-2",
        subject: "us-1",
      }),
    ]);
  });

  it("never fails a request when the audit write fails", async () => {
    await sql`alter table audit_decisions rename to audit_decisions_away`.execute(db);
    try {
      const response = await app.inject({ method: "GET", url: "/usage?jurisdiction=eea" });
      expect(response.statusCode).toBe(403);
      await service.audit.flush();
    } finally {
      await sql`alter table audit_decisions_away rename to audit_decisions`.execute(db);
    }
    expect(await db.selectFrom("audit_decisions").selectAll().execute()).toEqual([]);
  });
});
