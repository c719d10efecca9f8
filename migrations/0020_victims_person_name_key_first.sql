-- Owned by src/victims/duplicates. persons_name_key (0011) led with agency_id, so for any lookup by
-- agency and id (the foreign-key checks of every row that points at a person, findPersons) the
-- planner could take it instead of unique (agency_id, id) whenever the statistics said the agency had
-- few persons — as they do while an import fills a new agency — and read all of the agency's persons
-- each time (an HTCDS import with 100-row batches: 33 million index rows for 6,000 rows). Every
-- query of the name key gives both the key and the agency, so the key can lead; an index that starts
-- with the name can no longer stand in for a lookup by agency.
drop index persons_name_key;
create index persons_name_key on persons ((md5(name_tokens)::uuid), agency_id);
