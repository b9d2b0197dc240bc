import type { Generated, JSONColumnType } from "kysely";

/** The service's tables as Kysely sees them; `migrations/` creates them. */
export interface Database {
  customers: {
    id: string;
    company: string;
    email: string | null;
    phone: string | null;
    jurisdiction: string | null;
    created_at: Generated<Date>;
    closed_at: Date | null;
    legal_hold: Generated<boolean | null>;
    restricted_at: Date | null;
  };
  call_detail_records: {
    id: Generated<number>;
    customer_id: string;
    caller: string;
    callee: string;
    started_at: Date;
    duration_seconds: number;
    route: string;
    jurisdiction: string | null;
    legal_hold: Generated<boolean | null>;
  };
  consent_events: {
    subject: string;
    purpose: string;
    event: string;
    at: Date;
  };
  disclosures: {
    id: Generated<number>;
    customer_id: string;
    authority: string;
    legal_process: string;
    reference: string;
    received_at: Date;
    disclosed_at: Date;
    categories: JSONColumnType<string[]>;
    obligations: JSONColumnType<{ id: string; section: string }[]>;
    customer_notification: string;
  };
  rights_requests: {
    id: Generated<number>;
    customer_id: string;
    requested_right: string;
    jurisdiction: string;
    received_at: Date;
    deadline: Date;
    receipt: JSONColumnType<object>;
  };
  audit_decisions: {
    id: Generated<number>;
    at: Date;
    kind: string;
    allowed: boolean;
    purpose: string | null;
    category: string | null;
    recipient: string | null;
    requested_right: string | null;
    reason_codes: JSONColumnType<string[]>;
    obligations: JSONColumnType<string[]>;
    policy_version: string;
    request_id: string | null;
    actor: string | null;
    subject: string | null;
    method: string | null;
    route: string | null;
  };
  schema_migrations: {
    name: string;
    applied_at: Date;
  };
}
