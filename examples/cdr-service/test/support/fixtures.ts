import type { Kysely } from "kysely";
import type { Database } from "../../src/schema";

/** The service's clock in the tests. */
export const NOW = new Date("2026-06-01T12:00:00Z");

/** Customers in each jurisdiction, with and without an email address. */
export const customers = [
  {
    id: "us-1",
    company: "Acme Dialers",
    email: "ops@acme.test",
    phone: "+12025550101",
    jurisdiction: "us",
  },
  {
    id: "us-2",
    company: "Blue Calls",
    email: "hello@blue.test",
    phone: "+12025550102",
    jurisdiction: "us",
  },
  { id: "us-3", company: "Cedar Voice", email: null, phone: "+12025550103", jurisdiction: "us" },
  {
    id: "eea-1",
    company: "Delta Telefon",
    email: "info@delta.test",
    phone: "+4930555010",
    jurisdiction: "eea",
  },
] as const;

/** Inserts the customers, created a year before {@link NOW}. */
export async function seedCustomers(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("customers")
    .values(customers.map((c) => ({ ...c, created_at: new Date("2025-06-01T00:00:00Z") })))
    .execute();
}

/** A call detail record as `POST /cdrs` takes it. */
export const cdr = (customerId: string, overrides: Record<string, unknown> = {}) => ({
  customerId,
  caller: "+12025550199",
  callee: "+442079460000",
  startedAt: "2026-05-30T09:15:00Z",
  durationSeconds: 125,
  route: "carrier-a/trunk-7",
  ...overrides,
});
