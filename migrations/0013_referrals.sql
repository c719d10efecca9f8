-- The regional referral mechanism (issue 5 §4–5). Owned by src/referrals.
-- A referral has the same id (the federation conversation id) on both nodes: the sending node keeps
-- an 'outgoing' row, the receiving node an 'incoming' one. Columns ending in _enc hold FieldCipher
-- values (AAD "<table>.<column without _enc>:<id>"). Withdrawing consent purges the personal data
-- (the _enc columns are set to null) and keeps a non-personal tombstone: ids, statuses, dates.

create table referrals (
  id uuid primary key,
  direction text not null check (direction in ('outgoing', 'incoming')),
  -- The local agency that owns the referral (sender's agency, or the receiving agency here).
  agency_id uuid not null references agencies (id),
  -- The other node (federation_peers.id) and its country.
  peer_id uuid not null,
  peer_country char(2) not null check (peer_country ~ '^[A-Z]{2}$'),
  -- Outgoing only: the person and case referred (their data never leaves but through the offer).
  person_id uuid references persons (id),
  case_id uuid references cases (id),
  status text not null check (status in
    ('draft', 'sent', 'received', 'accepted', 'declined', 'in_progress', 'completed', 'closed', 'withdrawn')),
  sending_agency text not null check (length(sending_agency) between 1 and 200),
  sending_country char(2) not null check (sending_country ~ '^[A-Z]{2}$'),
  receiving_agency text not null check (length(receiving_agency) between 1 and 200),
  receiving_country char(2) not null check (receiving_country ~ '^[A-Z]{2}$'),
  -- HTCDS 2.0 Referral Details (cas_): incoming side
  referring_organisation_id uuid references organisations (id),
  incoming_referral_date date,
  referring_primary_case_worker_id uuid,
  reason_for_incoming_referral text check (reason_for_incoming_referral in
    ('AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other')),
  incoming_referral_details_enc text,
  -- HTCDS 2.0 Referral Details (cas_): outgoing side
  referred_organisation_id uuid references organisations (id),
  referred_primary_case_worker_id uuid,
  reason_for_outgoing_referral text check (reason_for_outgoing_referral in
    ('AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other')),
  outgoing_referral_date date,
  outgoing_referral_details_enc text,
  -- What the consent decision let go (outgoing) or what arrived (incoming), and why the rest did not.
  categories_shared text[] not null default '{}'
    check (categories_shared <@ array['identity', 'assessment', 'health', 'case_history']::text[]),
  -- [{ category, reason, message }] of the categories the consent decision refused (outgoing)
  categories_refused jsonb not null default '[]',
  consent_ids uuid[] not null default '{}',
  -- Incoming only: the shared sections (JSON) and the shared assessment, sealed.
  shared_data_enc text,
  assessment_enc text,
  -- SLA clock
  sent_at timestamptz,
  received_at timestamptz,
  decided_at timestamptz,
  closed_at timestamptz,
  withdrawn_at timestamptz,
  purged_at timestamptz,
  purge_confirmed_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (direction <> 'outgoing' or person_id is not null),
  check (direction = 'outgoing' or status <> 'draft')
);
create index referrals_list on referrals (agency_id, direction, created_at desc);
create index referrals_person on referrals (person_id) where person_id is not null;
create index referrals_consents on referrals using gin (consent_ids);

-- The timeline: one row per transition or event, on the node where it was recorded or learned.
create table referral_events (
  id uuid primary key,
  referral_id uuid not null references referrals (id),
  kind text not null check (kind in ('created', 'sent', 'received', 'accepted', 'declined', 'step',
    'reintegration', 'completed', 'closed', 'withdrawn', 'purged', 'purge_confirmed',
    'assessment_shared')),
  status text not null,
  -- Repatriation step and its state, for kind 'step'.
  step text check (step in ('nationality_verification', 'travel_document', 'family_assessment',
    'travel_arrangements', 'border_handover', 'reception_in_origin')),
  step_status text check (step_status in ('planned', 'in_progress', 'done', 'not_needed')),
  -- Who: a local user, or a peer ('peer:<country>:<node id>'), and on which node.
  actor_id uuid references users (id),
  actor_label text not null,
  node_id uuid not null,
  node_country char(2) not null,
  -- The reason or update text, sealed (purged with the shared data on withdrawal).
  note_enc text,
  at timestamptz not null,
  recorded_at timestamptz not null default clock_timestamp()
);
create index referral_events_referral on referral_events (referral_id, recorded_at);

-- Access receipts (sender side): who at the receiving node opened the shared record, and when.
create table referral_receipts (
  id uuid primary key,
  referral_id uuid not null references referrals (id),
  reader_name text not null check (length(reader_name) between 1 and 200),
  reader_agency text not null check (length(reader_agency) between 1 and 200),
  opened_at timestamptz not null,
  received_at timestamptz not null default now()
);
create index referral_receipts_referral on referral_receipts (referral_id, opened_at);
