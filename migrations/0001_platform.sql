-- Platform: the node itself, field-encryption keys, agencies, users, sessions, API tokens, login throttling.

create table node (
  id uuid primary key,
  name text not null,
  country char(2) not null,
  public_key bytea not null,          -- Ed25519, raw 32 bytes
  private_key_enc text not null,      -- PKCS#8, sealed under the master key
  created_at timestamptz not null default now(),
  singleton boolean not null default true unique check (singleton)
);

-- Data-encryption keys, each wrapped (AES-256-GCM) under the master key. Exactly one is active.
create table crypto_keys (
  id text primary key,
  wrapped text not null,
  status text not null check (status in ('active', 'retired')),
  created_at timestamptz not null default now()
);
create unique index crypto_keys_one_active on crypto_keys (status) where status = 'active';

-- org_type: the HTCDS 2.0 org_Type picklist (standards/htcds/htcds-2.0-fields.csv).
create table agencies (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  org_type text not null check (org_type in (
    'NGO', 'LawEnforcement', 'HealthServiceOrganisation', 'CentralGovernmentOrganisation',
    'LocalGovernmentOrganisation', 'ImmigrationService', 'LegalService', 'CorporateBusiness', 'SchoolOrCollege')),
  country char(2) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  username text not null,
  display_name text not null,
  password_hash text not null,
  roles text[] not null check (roles <@ array['administrator', 'investigator', 'analyst', 'caseworker',
    'referral_focal_point', 'central_authority', 'researcher']::text[]),
  must_change_password boolean not null default false,
  totp_secret_enc text,
  totp_enabled boolean not null default false,
  totp_last_step bigint,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username on users (lower(username));

create table sessions (
  id_hash bytea primary key,          -- SHA-256 of the cookie value; the value itself is never stored
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  second_factor_pending boolean not null default false,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash bytea not null unique,   -- SHA-256 of the whole jrt_... secret
  prefix text not null,               -- first characters, shown to tell tokens apart
  scopes text[] not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);

-- Fixed-window counters for login attempts per client address, shared by every app process.
create table login_throttle (
  key text primary key,
  window_start timestamptz not null,
  attempts integer not null
);

-- The audit queue and log: entries are queued with seq null in the writer's transaction and
-- given their leaf index by the sequencer (src/platform/audit).
create table audit_entries (
  id bigserial primary key,
  seq bigint unique,
  at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  actor text not null,
  action text not null,
  record_type text not null,
  record_id text,
  digest bytea not null,
  leaf bytea                           -- canonical entry bytes, fixed at integration
);
create index audit_entries_unsequenced on audit_entries (id) where seq is null;
