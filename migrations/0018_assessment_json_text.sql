-- Owned by src/victims/identification. An assessment's answers, result and set versions are
-- written once (assessments are evidence, never changed) and read back whole by the application;
-- no query looks inside them. Stored as json (the text, checked to be JSON) rather than jsonb
-- (parsed into a binary form on every insert): PostgreSQL CPU per imported HTCDS row ~45 µs less
-- (bench/RESULTS.md, "HTCDS import notes"). The evidence trigger compares rows through to_jsonb,
-- which reads json as well.
alter table identification_assessments
  alter column answers type json using answers::json,
  alter column result type json using result::json,
  alter column set_versions type json using set_versions::json;
