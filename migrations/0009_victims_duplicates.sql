-- Possible duplicates and merges of persons (issue 4 §5). Owned by src/victims/duplicates.

-- Name search index. persons.name_tokens holds one 7-letter keyed token per name trigram
-- (src/victims/search-keys.ts); pg_trgm over those strings makes 8 trigrams per token, most of
-- them shared by chance with unrelated tokens, so at a million persons its GIN lists are long and
-- every recheck is slow. name_chars writes each token as one letter (md5 of the token onto the
-- 32,164 CJK ideographs and Hangul syllables of the BMP): 2 trigrams per token, both specific to
-- it, same similarity. It is derived in the database, so it can never disagree with name_tokens.
do $$
begin
  if coalesce(array_length(show_trgm(chr(19968)), 1), 0) = 0 then
    raise exception 'pg_trgm does not treat letters beyond ASCII as word characters here: the database needs a UTF-8 LC_CTYPE (such as C.UTF-8)';
  end if;
end $$;

create function victims_name_chars(tokens text) returns text
  language sql immutable strict parallel safe
  return (
    select coalesce(string_agg(case when h < 20992 then chr(19968 + h) else chr(44032 + h - 20992) end, ' '
      order by ord), '')
    from (
      select ord, (('x' || substr(md5(t), 1, 8))::bit(32)::bigint % 32164)::int as h
      from unnest(string_to_array(tokens, ' ')) with ordinality as u(t, ord)
    ) as mapped
  );

alter table persons add column name_chars text generated always as (victims_name_chars(name_tokens)) stored;
create index persons_name_chars on persons using gin (name_chars gin_trgm_ops);
-- A merge never moves or deletes anything: the merged-away person stays as it was and becomes a
-- tombstone through its 'merged' row here, pointing to the survivor. Unmerging ends that row.
-- Rows are history: never deleted; changed only along proposed → rejected | merged → unmerged
-- (and by key rotation re-encrypting the _enc columns), as the trigger below enforces.
-- Columns ending in _enc hold FieldCipher values (AAD "person_merges.<column without _enc>:<id>").

create table person_merges (
  id uuid primary key,
  agency_id uuid not null references agencies (id),
  survivor_id uuid not null,
  merged_id uuid not null,
  status text not null default 'proposed' check (status in ('proposed', 'rejected', 'merged', 'unmerged')),
  -- the candidate's score and reasons when proposed (codes and numbers, no identity values)
  evidence jsonb not null,
  reason_enc text not null,
  proposed_by uuid not null references users (id),
  proposed_at timestamptz not null default now(),
  -- the second caseworker's confirmation or rejection (or the proposer's, with a stated reason)
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note_enc text,
  self_confirmed boolean not null default false,
  unmerged_by uuid references users (id),
  unmerged_at timestamptz,
  unmerge_reason_enc text,
  check (survivor_id <> merged_id),
  check ((status = 'proposed') = (decided_at is null)),
  check ((decided_at is null) = (decided_by is null)),
  check ((status = 'unmerged') = (unmerged_at is not null)),
  check ((unmerged_at is null) = (unmerged_by is null) and (unmerged_at is null) = (unmerge_reason_enc is null)),
  check (not self_confirmed or (decided_by = proposed_by and decision_note_enc is not null)),
  check (status <> 'rejected' or not self_confirmed),
  foreign key (agency_id, survivor_id) references persons (agency_id, id),
  foreign key (agency_id, merged_id) references persons (agency_id, id)
);
-- A person is merged into at most one survivor at a time: the tombstone's pointer.
create unique index person_merges_tombstone on person_merges (merged_id) where status = 'merged';
create index person_merges_survivor on person_merges (survivor_id) where status = 'merged';
-- One open proposal per pair, whichever way round it was proposed.
create unique index person_merges_open_pair on person_merges
  (least(survivor_id, merged_id), greatest(survivor_id, merged_id)) where status = 'proposed';
create index person_merges_agency on person_merges (agency_id, status, proposed_at desc);
create index person_merges_merged on person_merges (merged_id);

create function person_merge_history_is_kept() returns trigger language plpgsql as $$
declare
  sealed constant text[] := array['reason_enc', 'decision_note_enc', 'unmerge_reason_enc'];
  decision constant text[] := array['status', 'decided_by', 'decided_at', 'decision_note_enc', 'self_confirmed'];
  unmerge constant text[] := array['status', 'unmerged_by', 'unmerged_at', 'unmerge_reason_enc'];
begin
  if tg_op = 'UPDATE' then
    -- key rotation re-encrypts the sealed columns and changes nothing else
    if (to_jsonb(new) - sealed) = (to_jsonb(old) - sealed) then
      return new;
    end if;
    if old.status = 'proposed' and new.status in ('rejected', 'merged')
      and (to_jsonb(new) - decision) = (to_jsonb(old) - decision) then
      return new;
    end if;
    if old.status = 'merged' and new.status = 'unmerged'
      and (to_jsonb(new) - unmerge) = (to_jsonb(old) - unmerge) then
      return new;
    end if;
  end if;
  raise exception 'person_merges rows are history: % from % is not allowed', tg_op, old.status
    using errcode = 'restrict_violation';
end $$;

create trigger person_merges_history before update or delete on person_merges
  for each row execute function person_merge_history_is_kept();
