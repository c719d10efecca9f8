-- Victim identification assessments (issue 4 §2). Owned by src/victims/identification.
-- An assessment records what was asked, how it scored and what the officer decided. It is evidence:
-- never changed or deleted (a later assessment supersedes it), except that key rotation may
-- re-encrypt narrative_enc (trigger below).

create table identification_assessments (
  id uuid primary key,
  person_id uuid not null references persons (id),
  agency_id uuid not null references agencies (id),
  subject_age text not null check (subject_age in ('adult', 'child', 'presumed_child')),
  -- [{ setId, answers: [{ indicatorId, answer }] }]; the officer's notes are in narrative_enc
  answers jsonb not null,
  -- the scored result with its explanation (src/victims/identification/score.ts, AssessmentResult)
  result jsonb not null,
  -- [{ id, version }] of the sets as scored; a national change shows in the version (1.0.0+th-2025.2)
  set_versions jsonb not null,
  -- the node's national file as "<id>@<version>", when it had one
  national_set text,
  non_punishment boolean not null,
  decision text not null
    check (decision in ('presumed_victim', 'victim', 'not_victim', 'needs_more_information')),
  deciding_agency_id uuid not null references agencies (id),
  -- FieldCipher value, AAD "identification_assessments.narrative:<id>": JSON { rationale, notes }
  narrative_enc text not null,
  assessed_at timestamptz not null,
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index identification_assessments_person on identification_assessments (person_id, created_at desc);
create index identification_assessments_non_punishment on identification_assessments (person_id)
  where non_punishment;

create function identification_assessment_is_kept() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and (to_jsonb(new) - 'narrative_enc') = (to_jsonb(old) - 'narrative_enc') then
    return new;
  end if;
  raise exception 'identification assessments are evidence: they are never changed or deleted (record a new one)'
    using errcode = 'restrict_violation';
end $$;

create trigger identification_assessments_kept before update or delete on identification_assessments
  for each row execute function identification_assessment_is_kept();
