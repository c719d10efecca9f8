-- Screening: alerts name the batch that raised them, and batch uploads and results are sealed with
-- the node's field encryption (src/screening/batch/sealed.ts). Owned by src/screening.

-- The batch an alert came from (source 'batch' only); the alert stays if its batch is deleted.
alter table screening_alerts
  add column batch_id uuid references screening_batches (id) on delete set null;
alter table screening_alerts add constraint screening_alerts_batch_source
  check (batch_id is null or source = 'batch');
create index screening_alerts_batch on screening_alerts (batch_id, created_at desc)
  where batch_id is not null;

-- Uploads and results hold the phone numbers and handles of victims and recruiters. The data keys
-- live in the app, not here, so rows stored in plain text cannot be sealed by SQL: refuse, and say
-- what to do, rather than keep plain text around or drop someone's data silently.
do $$
begin
  if exists (select 1 from screening_batch_chunks) or exists (select 1 from screening_batch_results) then
    raise exception '%', 'screening batches hold unencrypted uploads or results, which this migration '
      'cannot encrypt (the data keys are not in the database). Download any batch results you still '
      'need (GET /api/screen/batch/{id}/results), delete the batches in psql with '
      '"delete from screening_batches;" (alerts keep their posts), then start Jaring again.';
  end if;
end
$$;

-- row_key ("<batch_id>:<seq>") is what a sealed value's context binds it to, so a chunk or a result
-- moved to another batch or position does not open; key rotation pages by it (platform/crypto).
alter table screening_batch_chunks
  drop column data,
  add column data_enc text not null,            -- base64 of the bytes, sealed
  add column row_key text not null generated always as (batch_id::text || ':' || seq::text) stored,
  add constraint screening_batch_chunks_row_key unique (row_key);

alter table screening_batch_results
  drop column data,
  add column data_enc text not null,            -- the JSON Lines, sealed
  add column row_key text not null generated always as (batch_id::text || ':' || seq::text) stored,
  add constraint screening_batch_results_row_key unique (row_key);
