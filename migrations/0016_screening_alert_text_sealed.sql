-- Screening: an alert's post and its screening result (which names the post's phone numbers, chat
-- handles and accounts) are sealed with the node's field encryption (src/screening/sealed.ts), and
-- the alert search uses keyed identifier tokens instead of the post text. Owned by src/screening.

-- The data keys live in the app, not here, so alerts stored in plain text cannot be sealed by SQL:
-- refuse, and say what to do, rather than keep plain text around or drop someone's alerts silently.
do $$
begin
  if exists (select 1 from screening_alerts) then
    raise exception '%', 'screening_alerts holds alerts whose posts are stored unencrypted, which this '
      'migration cannot encrypt (the data keys are not in the database). Note what you still need from '
      'them (their reviews have already trained any model you activated), delete them in psql with '
      '"delete from screening_alerts;", then start Jaring again.';
  end if;
end
$$;

alter table screening_alerts
  drop column post_text,
  drop column result,
  add column post_text_enc text not null,      -- the post as posted, sealed
  add column result_enc text not null,         -- the screening result as JSON (identifiers, spans), sealed
  -- One keyed token (HMAC, screening_secrets) per identifier the post names: GET /api/alerts?q=.
  add column identifier_keys text[] not null default '{}';

create index screening_alerts_identifier_keys on screening_alerts using gin (identifier_keys);
-- Every alert route is scoped to the reader's agency.
create index screening_alerts_agency on screening_alerts (agency_id, created_at desc);

-- The module's secrets (the search-token key), sealed under the node's data key.
create table screening_secrets (
  name text primary key,
  secret_enc text not null,
  created_at timestamptz not null default now()
);
