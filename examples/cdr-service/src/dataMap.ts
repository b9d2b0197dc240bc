import { defineDatabaseMap } from "@trunkiq/policy-kysely";
import { policy } from "@trunkiq/privacy-policy";
import type { Database } from "./schema";

/**
 * Which column holds which data category of the policy. Purpose-scoped reads, the retention
 * purge and data subject requests are all derived from it.
 *
 * The disclosure register, the rights-request receipts and the audit trail are not in it: they
 * are the records the controller keeps to show what it did (GDPR Art. 5(2), Art. 30), and hold
 * customer ids and policy ids, never the data itself.
 */
export const dataMap = defineDatabaseMap<Database>()(policy, {
  subjects: { table: "customers", key: "id" },
  tables: {
    customers: {
      subject: "id",
      columns: {
        id: "account",
        company: "account",
        email: "account",
        phone: "account",
        jurisdiction: "not-personal",
        created_at: "not-personal",
        closed_at: "not-personal",
        legal_hold: "not-personal",
        restricted_at: "not-personal",
      },
      anchors: { collection: "created_at", "relationship-end": "closed_at" },
      jurisdiction: "jurisdiction",
      legalHold: "legal_hold",
      restrictedAt: "restricted_at",
    },
    call_detail_records: {
      subject: "customer_id",
      columns: {
        id: "not-personal",
        customer_id: "call-detail-record",
        caller: "call-detail-record",
        callee: "call-detail-record",
        started_at: "call-detail-record",
        duration_seconds: "call-detail-record",
        route: "call-detail-record",
        jurisdiction: "not-personal",
        legal_hold: "not-personal",
      },
      anchors: { collection: "started_at" },
      jurisdiction: "jurisdiction",
      legalHold: "legal_hold",
    },
  },
  consent: {
    table: "consent_events",
    subject: "subject",
    purpose: "purpose",
    event: "event",
    at: "at",
    contextField: "consent",
  },
});
