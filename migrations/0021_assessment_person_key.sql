-- Owned by src/victims/identification. An assessment names its person and its agency with two
-- foreign keys (person_id → persons, agency_id → agencies). Every writer (the assessment API, the
-- HTCDS import) assesses a person of its own agency, so one key over both, onto persons'
-- unique (agency_id, id), says all that the two said — the person exists, and (persons.agency_id
-- being a foreign key, not null) so does the agency, and neither can be deleted while assessed —
-- and also that the assessment is filed under its person's agency. One check an insert instead of
-- two: measured (EXPLAIN ANALYZE, 8,000 assessments of an HTCDS import inserted again) 12–13.5 µs of
-- the two triggers → 6.5–7 µs, ~5 µs of PostgreSQL CPU a row of an HTCDS import (0.8 assessed).
-- deciding_agency_id keeps its own key: the deciding agency may be another one.
alter table identification_assessments
  drop constraint identification_assessments_person_id_fkey,
  drop constraint identification_assessments_agency_id_fkey,
  add constraint identification_assessments_person_fkey
    foreign key (agency_id, person_id) references persons (agency_id, id);
