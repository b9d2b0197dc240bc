-- The service's tables. Each statement ends with a semicolon at the end of a line.

-- One row per customer: the data subject every other table refers to.
create table customers (
  id text primary key,
  company text not null,
  email text,
  phone text,
  jurisdiction text,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  legal_hold boolean default false,
  restricted_at timestamptz
);

-- Call detail records (§2(b)): who called whom, when, how long, and the route taken.
create table call_detail_records (
  id serial primary key,
  customer_id text not null,
  caller text not null,
  callee text not null,
  started_at timestamptz not null,
  duration_seconds integer not null,
  route text not null,
  jurisdiction text,
  legal_hold boolean default false
);
create index call_detail_records_customer on call_detail_records (customer_id, started_at);

-- The consent ledger: append-only grants and withdrawals (GDPR Art. 7(1)).
create table consent_events (
  subject text not null,
  purpose text not null,
  event text not null,
  at timestamptz not null
);
create index consent_events_subject on consent_events (subject, purpose);

-- Disclosures to authorities and what each obliges (§4).
create table disclosures (
  id serial primary key,
  customer_id text not null,
  authority text not null,
  legal_process text not null,
  reference text not null,
  received_at timestamptz not null,
  disclosed_at timestamptz not null,
  categories jsonb not null,
  obligations jsonb not null,
  customer_notification text not null
);

-- Data subject requests (§9) and the receipt each was answered with.
create table rights_requests (
  id serial primary key,
  customer_id text not null,
  requested_right text not null,
  jurisdiction text not null,
  received_at timestamptz not null,
  deadline timestamptz not null,
  receipt jsonb not null
);

-- One row per policy decision: ids, outcome and references, never personal data.
create table audit_decisions (
  id serial primary key,
  at timestamptz not null,
  kind text not null,
  allowed boolean not null,
  purpose text,
  category text,
  recipient text,
  requested_right text,
  reason_codes jsonb not null,
  obligations jsonb not null,
  policy_version text not null,
  request_id text,
  actor text,
  subject text,
  method text,
  route text
);
