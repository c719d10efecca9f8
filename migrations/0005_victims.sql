-- Victims: persons (with victim and perpetrator context), organisations, cases and the persons in
-- them, trafficking events, support plans and their items, case comments. Owned by src/victims.
-- Every HTCDS 2.0 field's home is listed in data/htcds/fields.json. Picklist values are checked
-- at the edge against that catalogue (one source of truth), not repeated here.
-- Columns ending in _enc hold FieldCipher values ("jf1.<keyId>.<...>", AAD "<table>.<column>:<id>").

create extension if not exists pg_trgm;

-- One secret for the module's keyed search tokens and pseudonyms, sealed under the data key
-- (registered for key rotation). Keyed tokens cannot be recomputed from a database copy alone.
create table victims_secrets (
  name text primary key check (name in ('search')),
  secret_enc text not null,
  created_at timestamptz not null default now()
);

-- External organisations referenced by HTCDS lookups (places of recruitment or exploitation,
-- service providers). org_ fields. The node's own agencies stay in the platform's agencies table.
create table organisations (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  external_id text,
  name text not null,
  org_type text,
  shipping_street text,
  shipping_city text,
  shipping_state text,
  shipping_postal_code text,
  shipping_country char(2),
  shipping_latitude double precision check (shipping_latitude between -90 and 90),
  shipping_longitude double precision check (shipping_longitude between -180 and 180),
  phone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, external_id)
);

create table persons (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  external_id text,
  registered_on date not null default current_date,
  -- identity, encrypted (prs_ fields)
  salutation_enc text,
  first_name_enc text,
  middle_name_enc text,
  second_name_enc text,
  birthdate_enc text,
  identity_number_enc text,
  email_enc text,
  home_phone_enc text,
  mobile_phone_enc text,
  mailing_street_enc text,
  mailing_city_enc text,
  mailing_state_enc text,
  mailing_postal_code_enc text,
  mailing_latitude_enc text,
  mailing_longitude_enc text,
  -- keyed search tokens (src/victims/search-keys.ts): no plaintext, not reversible without the key
  name_tokens text not null default '',
  birthdate_key text,
  identity_number_key text,
  phone_keys text[] not null default '{}',
  -- not identifying on their own; kept plain for statistics
  title text,
  gender text,
  deceased boolean,
  marital_status text,
  number_of_children smallint check (number_of_children between 0 and 99),
  primary_language text,
  secondary_language text,
  highest_level_of_education text,
  citizenship text[] not null default '{}',
  mailing_country char(2),
  -- vulnerability factors (ASEAN Declaration 2023 ¶4); Jaring extensions
  age_at_registration smallint check (age_at_registration between 0 and 130),
  age_is_estimate boolean not null default false,
  ethnicity text,
  disabilities text[] not null default '{}',
  migration_status text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, external_id),
  unique (agency_id, id)
);
create index persons_agency on persons (agency_id, created_at desc);
create index persons_name_tokens on persons using gin (name_tokens gin_trgm_ops);
create index persons_birthdate_key on persons (agency_id, birthdate_key) where birthdate_key is not null;
create index persons_identity_number_key on persons (agency_id, identity_number_key)
  where identity_number_key is not null;
create index persons_phone_keys on persons using gin (phone_keys);

-- HTCDS "Person - Victim Context" (vic_), one per person, plus the forced-criminality extension.
create table victim_contexts (
  person_id uuid primary key references persons (id) on delete cascade,
  agreement_to_manage_personal_data boolean,
  trafficking_status text,
  trafficking_status_decision_making_org text,
  relationship_to_trafficker text,
  age_when_trafficked smallint check (age_when_trafficked between 0 and 130),
  recruitment_websites_and_apps text[] not null default '{}',
  method_of_recruitment text[] not null default '{}',
  location_of_recruitment_id uuid references organisations (id),
  methods_of_control text[] not null default '{}',
  type_of_exploitation text[] not null default '{}',
  forced_labour_industry text,
  type_of_sex_exploitation text[] not null default '{}',
  location_of_exploitation_id uuid references organisations (id),
  exploitation_websites_and_apps text[] not null default '{}',
  vulnerabilities text[] not null default '{}',
  details_of_vulnerabilities_enc text,
  forced_criminality_types text[] not null default '{}',
  recruitment_platform text,
  recruitment_handle text,
  recruitment_ad_url text,
  scam_compound_name text,
  scam_compound_city text,
  scam_compound_country char(2),
  scam_compound_latitude double precision check (scam_compound_latitude between -90 and 90),
  scam_compound_longitude double precision check (scam_compound_longitude between -180 and 180),
  updated_at timestamptz not null default now()
);

-- HTCDS "Person - Perpetrator Context" (per_).
create table perpetrator_contexts (
  person_id uuid primary key references persons (id) on delete cascade,
  role_in_process text[] not null default '{}',
  role_details_enc text,
  organisation_id uuid references organisations (id),
  updated_at timestamptz not null default now()
);

-- Cases (cas_). status is our lifecycle; htcds_status is cas_Status, kept for lossless exchange.
create table cases (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  external_id text,
  status text not null default 'open' check (status in ('open', 'active', 'referred', 'closed')),
  htcds_status text not null default 'Active',
  close_reason_enc text,
  closed_at timestamptz,
  opened_on date not null default current_date,
  owner_id uuid references users (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, external_id),
  unique (agency_id, id),
  check ((status = 'closed') = (closed_at is not null)),
  check (status <> 'closed' or close_reason_enc is not null)
);
create index cases_agency on cases (agency_id, status, created_at desc);
create index cases_owner on cases (owner_id) where owner_id is not null;

-- Persons in a case; the composite keys keep both in the same agency.
create table case_persons (
  case_id uuid not null,
  person_id uuid not null,
  agency_id uuid not null,
  role text not null check (role in ('victim', 'perpetrator', 'witness', 'family', 'other')),
  linked_by uuid references users (id),
  linked_at timestamptz not null default now(),
  primary key (case_id, person_id),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade,
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade
);
create index case_persons_person on case_persons (person_id);

-- HTCDS "Historic Trafficking Events" (hte_): where and when recruitment, transit, exploitation happened.
create table trafficking_events (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null,
  person_id uuid not null,
  case_id uuid,
  external_id text,
  type text,
  event_date date,
  street text,
  city text,
  state text,
  postal_code text,
  country text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  description_enc text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, external_id),
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade,
  foreign key (agency_id, case_id) references cases (agency_id, id)
);
create index trafficking_events_person on trafficking_events (person_id, event_date);

-- HTCDS "Support Plan" (spl_) for a person in a case, and its items (ours: the issue's services).
create table support_plans (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null,
  case_id uuid not null,
  person_id uuid not null,
  external_id text,
  type text,
  objectives_enc text,
  action_plan_enc text,
  planned_end_date date,
  actual_end_date date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, external_id),
  unique (agency_id, id),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade,
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade
);
create index support_plans_case on support_plans (case_id);

create table support_plan_items (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null,
  plan_id uuid not null,
  kind text not null check (kind in ('shelter', 'medical', 'psychosocial', 'legal_aid', 'interpretation',
    'family_tracing', 'repatriation', 'rehabilitation', 'reintegration')),
  repatriation_step text check (repatriation_step in ('nationality_verification', 'travel_document',
    'family_assessment', 'travel_arrangements', 'border_handover', 'reception_in_origin')),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  provider_organisation_id uuid references organisations (id),
  provider_name text,
  start_date date,
  due_date date,
  end_date date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (agency_id, plan_id) references support_plans (agency_id, id) on delete cascade,
  check (repatriation_step is null or kind = 'repatriation'),
  check (end_date is null or start_date is null or end_date >= start_date)
);
create index support_plan_items_plan on support_plan_items (plan_id);

-- HTCDS "Case Comment" (cco_): formal updates from a caseworker; the body is encrypted.
create table case_comments (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null,
  case_id uuid not null,
  author_id uuid references users (id),
  body_enc text not null,
  created_at timestamptz not null default now(),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade
);
create index case_comments_case on case_comments (case_id, created_at);
