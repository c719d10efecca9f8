-- HTCDS 2.0 import and export (issue 4 §6). Owned by src/victims/htcds. Two HTCDS fields groups have
-- no other home yet; both are written only by HTCDS imports and read by HTCDS exports.
-- Columns ending in _enc hold FieldCipher values (AAD "<table>.<column without _enc>:<row key>").

-- HTCDS "Referral Details" of a case (the cas_ referral fields), one set per case as the flat HTCDS
-- record carries them. The cross-border referral lifecycle belongs to the referrals module (not built);
-- it should adopt these rows. The primary case workers are names of people (Lookup [to person] in
-- HTCDS), kept encrypted; the organisations are lookups into organisations.
create table htcds_case_referrals (
  case_id uuid primary key,
  agency_id uuid not null,
  referring_organisation_id uuid references organisations (id),
  incoming_referral_date date,
  referring_primary_case_worker_enc text,
  reason_for_incoming_referral text,
  incoming_referral_details_enc text,
  referred_organisation_id uuid references organisations (id),
  referred_primary_case_worker_enc text,
  reason_for_outgoing_referral text,
  outgoing_referral_date date,
  outgoing_referral_details_enc text,
  updated_at timestamptz not null default now(),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade
);

-- HTCDS con_Consent as an imported file states it: the person agreed to the interview (IOM screening
-- form guidance). It authorises no sharing: every share asks the consent module (consents), and an
-- import never creates a consent there, since a file cannot say to whom, for what, or how it was given.
create table htcds_interview_consents (
  person_id uuid primary key,
  agency_id uuid not null,
  con_consent boolean not null,
  updated_at timestamptz not null default now(),
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade
);
