-- Screening: alerts raised by screened posts and their review, the watchlist, and node-trained
-- models. Owned by src/screening.

create table screening_alerts (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  source text not null check (source in ('api', 'ui')),
  external_id text,
  post_text text not null,
  post_url text,
  country char(2),
  posted_at timestamptz,
  lang text not null,
  risk double precision not null check (risk >= 0 and risk <= 1),
  level text not null check (level in ('low', 'medium', 'high')),
  result jsonb not null,                 -- the full screening result (indicators, identifiers, spans)
  watchlist_hits text[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'confirmed', 'dismissed')),
  assignee_id uuid references users (id),
  review_reason text,
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index screening_alerts_queue on screening_alerts (status, created_at desc);
create index screening_alerts_level on screening_alerts (level, created_at desc);
create index screening_alerts_assignee on screening_alerts (assignee_id) where assignee_id is not null;

-- Identifiers that raise an alert whenever they appear (kind + normalised value, as extracted).
create table screening_watchlist (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  normalized text not null,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (kind, normalized)
);

-- Models trained on this node (from reviewed alerts); the newest active one screens.
create table screening_models (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  model jsonb not null,
  metrics jsonb,
  examples integer not null,
  active boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create unique index screening_models_one_active on screening_models (active) where active;
