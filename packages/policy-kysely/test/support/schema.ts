import { type Generated, type Kysely, sql } from "kysely";

/** The tables of a small telephony service: accounts, call detail records, KYC documents. */
export interface Database {
  accounts: {
    id: string;
    company: string;
    email: string | null;
    signup_ip: string | null;
    plan: Generated<string>;
    jurisdiction: string | null;
    created_at: Date;
    closed_at: Date | null;
    legal_hold: boolean | null;
    restricted_at: Date | null;
  };
  call_detail_records: {
    id: Generated<number>;
    account_id: string;
    caller: string;
    callee: string;
    started_at: Date;
    duration_seconds: number;
    jurisdiction: string | null;
    legal_hold: boolean | null;
  };
  kyc_documents: {
    id: Generated<number>;
    account_id: string;
    document: string;
    collected_at: Date;
  };
  consent_events: {
    subject: string;
    purpose: string;
    event: string;
    at: Date;
  };
}

const schema = [
  sql`create table accounts (
    id text primary key, company text not null, email text, signup_ip text,
    plan text not null default 'standard', jurisdiction text,
    created_at timestamptz not null, closed_at timestamptz,
    legal_hold boolean default false, restricted_at timestamptz
  )`,
  sql`create table call_detail_records (
    id serial primary key, account_id text not null, caller text not null, callee text not null,
    started_at timestamptz not null, duration_seconds integer not null,
    jurisdiction text, legal_hold boolean default false
  )`,
  sql`create table kyc_documents (
    id serial primary key, account_id text not null, document text not null,
    collected_at timestamptz not null
  )`,
  sql`create table consent_events (
    subject text not null, purpose text not null, event text not null, at timestamptz not null
  )`,
];

/** Creates the service's tables. */
export async function createTables(db: Kysely<Database>): Promise<void> {
  for (const statement of schema) await statement.execute(db);
}
