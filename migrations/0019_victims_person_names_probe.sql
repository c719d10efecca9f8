-- Owned by src/victims/duplicates. The statement trigger that keeps victims_person_names
-- (0011) skipped names already there with `not exists`; planned for a transition table of unknown
-- size, that became a hash anti-join reading the whole name table on every insert statement, so an
-- import's cost grew with the square of its rows (an HTCDS import of 100,000 rows read 4.95 million
-- name rows in 102 scans). `on conflict do nothing` already skips a known name with one probe of
-- the primary key, at the cost of hashing the name's tokens (victims_name_ints) first.
create or replace function victims_person_names_add() returns trigger language plpgsql as $$
begin
  insert into victims_person_names (agency_id, name_key, name_ints)
    select n.agency_id, n.name_key, victims_name_ints(n.name_tokens)
    from (select distinct a.agency_id, md5(a.name_tokens)::uuid as name_key, a.name_tokens from added a
      where a.name_tokens <> '') as n
    on conflict do nothing;
  return null;
end $$;
