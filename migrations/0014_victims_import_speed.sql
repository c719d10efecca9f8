-- What a person insert and an assessment insert cost (issue 4: HTCDS import of 100k rows ≤ 60 s).
-- Owned by src/victims/htcds (README "Speed"), with the name search moved as src/victims/README.md
-- and src/victims/duplicates/README.md say.
--
-- Measured per imported row (PostgreSQL backend CPU, /proc): the trigram GIN index over
-- persons.name_tokens ~110 µs, the generated column persons.name_chars ~50 µs, the assessment's
-- ~4 KB row ~200 µs (over the 2 KB TOAST threshold: result compressed, narrative_enc moved out of
-- line). Neither the index nor the column is read any more:
-- - the plain name search (GET /api/victims/persons?name=) now finds names through
--   victims_person_names (migration 0011), as the duplicate search does;
-- - the duplicate search's birth date lookup compares token sets through victims_person_names
--   (icount of the int arrays, the same Jaccard likeness name_chars's trigrams gave).

drop index persons_name_tokens;
alter table persons drop column name_chars;
drop function victims_name_chars(text);

-- Ciphertexts are random bytes in base64: compressing them never pays. If a value is ever moved
-- out of line it is stored as is.
alter table identification_assessments alter column narrative_enc set storage external;

-- An assessment row is ~4.4 KB: the scored result with every indicator (~2.5 KB of JSON, ~2 KB as
-- jsonb) and the sealed narrative (~1.8 KB). Past the default ~2 KB target PostgreSQL tried to
-- compress the result and moved the narrative out of line (a TOAST insert and index entry per row).
-- Now a row up to a whole page stays in its heap page as it is. Measured on the same 16,000
-- assessment rows: 57 → 23 µs of backend CPU a row, 62 → 83 MB on disk. (lz4, which would
-- compress the result cheaply, is not built into the embedded PostgreSQL.)
alter table identification_assessments set (toast_tuple_target = 8160);
