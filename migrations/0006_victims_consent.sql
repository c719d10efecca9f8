-- Consent (issue 4 §4): what a person agreed to, per purpose, data category and recipient, and
-- its withdrawal. Owned by src/victims/consent. History is evidence: rows are never deleted, and
-- never changed except that key rotation may re-encrypt the _enc columns (trigger below).
-- Columns ending in _enc hold FieldCipher values (AAD "<table>.<column without _enc>:<id>").

create table consents (
  id uuid primary key,
  person_id uuid not null references persons (id),
  agency_id uuid not null references agencies (id),
  purpose text not null check (purpose in ('services', 'information_sharing', 'referral', 'research')),
  categories text[] not null check (
    cardinality(categories) between 1 and 4
    and categories <@ array['identity', 'assessment', 'health', 'case_history']::text[]),
  -- The recipient: a country, and a named agency there (null: any agency in that country).
  recipient_country char(2) not null check (recipient_country ~ '^[A-Z]{2}$'),
  recipient_agency text check (length(recipient_agency) between 1 and 200),
  -- Who gave it, and the person's age status then (data/consent/rules.json says what counts).
  given_by text not null check (given_by in ('subject', 'guardian', 'legal_representative')),
  subject_age text not null check (subject_age in ('adult', 'child', 'presumed_child')),
  giver_name_enc text,
  giver_relationship text,
  -- How it was given: a signed form (SHA-256 of the scanned file) or verbally before a witness.
  method text not null check (method in ('signed_form', 'verbal')),
  form_sha256 text check (form_sha256 ~ '^[0-9a-f]{64}$'),
  witness_name_enc text,
  witness_role text,
  interpreter_language text,
  interpreter_name_enc text,
  con_consent boolean not null,        -- HTCDS 2.0 con_Consent (Checkbox)
  given_at timestamptz not null,
  expires_at timestamptz not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check (expires_at > given_at),
  check (method <> 'signed_form' or form_sha256 is not null),
  check (method <> 'verbal' or witness_name_enc is not null),
  check ((given_by = 'subject') = (giver_name_enc is null and giver_relationship is null)),
  check (not (given_by = 'guardian' and subject_age = 'adult')),
  check ((interpreter_language is null) = (interpreter_name_enc is null)),
  unique (id, person_id)
);
create index consents_person on consents (person_id, given_at);

-- A withdrawal takes effect at withdrawn_at (the database clock when it was recorded, after the
-- consent row was locked), so a share deciding under the same lock is ordered before or after it.
create table consent_withdrawals (
  id uuid primary key,
  consent_id uuid not null unique,
  person_id uuid not null,
  stated_by text not null check (stated_by in ('subject', 'guardian', 'legal_representative')),
  method text not null check (method in ('verbal', 'written')),
  form_sha256 text check (form_sha256 ~ '^[0-9a-f]{64}$'),
  note_enc text,
  withdrawn_at timestamptz not null,
  recorded_by uuid not null references users (id),
  check (method <> 'written' or form_sha256 is not null),
  foreign key (consent_id, person_id) references consents (id, person_id)
);
create index consent_withdrawals_person on consent_withdrawals (person_id);

create function consent_history_is_kept() returns trigger language plpgsql as $$
declare
  sealed constant text[] := array['giver_name_enc', 'witness_name_enc', 'interpreter_name_enc', 'note_enc'];
begin
  if tg_op = 'UPDATE' and (to_jsonb(new) - sealed) = (to_jsonb(old) - sealed) then
    return new;
  end if;
  raise exception '% rows are history: they are never changed or deleted (withdraw a consent instead)',
    tg_table_name using errcode = 'restrict_violation';
end $$;

create trigger consents_history before update or delete on consents
  for each row execute function consent_history_is_kept();
create trigger consent_withdrawals_history before update or delete on consent_withdrawals
  for each row execute function consent_history_is_kept();
