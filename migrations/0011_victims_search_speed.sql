-- Fuzzy name search over distinct names (issue 4: p95 ≤ 100 ms over a million persons). Owned by
-- src/victims/duplicates (README "Speed").
--
-- A million persons carry about 150,000 distinct names, and a common name (Nguyễn Văn …) is borne
-- by hundreds. The trigram index over persons.name_chars merged posting lists of ~90,000 persons
-- per token and rechecked each candidate by re-parsing its string (≈ 10 µs a row, thousands of
-- rows: p95 425 ms). Now each agency's distinct names are indexed once, as sorted int arrays of
-- their keyed tokens (intarray, GIN): the search reads only the posting lists of the query's rarer
-- tokens and counts shared tokens with integer set operations (≈ 1 µs a row). Nothing new is
-- stored: a row here is a hash of a persons.name_tokens value.

create extension if not exists intarray;

-- One int per distinct keyed token (the first 32 bits of its md5), sorted: the name as a token set.
create function victims_name_ints(tokens text) returns int4[]
  language sql immutable strict parallel safe
  return (
    select coalesce(array_agg(distinct h order by h), '{}')
    from (select ('x' || substr(md5(t), 1, 8))::bit(32)::int as h
      from unnest(string_to_array(tokens, ' ')) as u(t) where t <> '') as hashed
  );

-- Which persons bear a name: the lookup from a found name back to its persons.
create index persons_name_key on persons (agency_id, (md5(name_tokens)::uuid));

create table victims_person_names (
  agency_id uuid not null references agencies (id),
  name_key uuid not null, -- md5(persons.name_tokens)
  name_ints int4[] not null,
  primary key (agency_id, name_key)
);
create index victims_person_names_ints on victims_person_names using gin (name_ints gin__int_ops);

insert into victims_person_names (agency_id, name_key, name_ints)
  select agency_id, name_key, victims_name_ints(name_tokens)
  from (select distinct agency_id, md5(name_tokens)::uuid as name_key, name_tokens from persons
    where name_tokens <> '') as names;

-- Kept by the database, so no insert path (registration, HTCDS import, edits) can forget it. A
-- name no person bears any more stays: it finds nobody.
create function victims_person_names_add() returns trigger language plpgsql as $$
begin
  insert into victims_person_names (agency_id, name_key, name_ints)
    select n.agency_id, n.name_key, victims_name_ints(n.name_tokens)
    from (select distinct a.agency_id, md5(a.name_tokens)::uuid as name_key, a.name_tokens from added a
      where a.name_tokens <> '') as n
    where not exists (
      select 1 from victims_person_names v where v.agency_id = n.agency_id and v.name_key = n.name_key)
    on conflict do nothing;
  return null;
end $$;

create trigger persons_names_on_insert after insert on persons
  referencing new table as added for each statement execute function victims_person_names_add();

create function victims_person_name_changed() returns trigger language plpgsql as $$
begin
  insert into victims_person_names (agency_id, name_key, name_ints)
    values (new.agency_id, md5(new.name_tokens)::uuid, victims_name_ints(new.name_tokens))
    on conflict do nothing;
  return null;
end $$;

create trigger persons_names_on_update after update of name_tokens, agency_id on persons
  for each row when (new.name_tokens <> '' and (old.name_tokens, old.agency_id) is distinct from (new.name_tokens, new.agency_id))
  execute function victims_person_name_changed();

-- The duplicate search no longer reads the trigram index over persons.name_chars; the column stays
-- (the birth date lookup compares it row by row).
drop index persons_name_chars;
