-- Screening batches (POST /api/screen/batch): an upload stored in chunks, screened line by line by
-- a job that saves its results in checkpoints. Owned by src/screening/batch.

-- Alerts raised by a batch say so.
alter table screening_alerts drop constraint screening_alerts_source_check;
alter table screening_alerts add constraint screening_alerts_source_check
  check (source in ('api', 'ui', 'batch'));

create table screening_batches (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  created_by uuid not null references users (id),
  name text,                               -- the file name the client gave, for people only
  format text not null check (format in ('jsonl', 'text')),
  total_bytes bigint not null default 0 check (total_bytes >= 0),
  chunk_bytes integer not null check (chunk_bytes > 0),
  sha256 bytea check (length(sha256) = 32), -- of the upload exactly as received
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- The cursor: results are saved for every line before byte bytes_done (always a line boundary).
  bytes_done bigint not null default 0 check (bytes_done >= 0 and bytes_done <= total_bytes),
  lines_done bigint not null default 0,    -- input lines consumed, numbered as `jaring screen` does
  checkpoints integer not null default 0,  -- result rows saved; the next one's seq
  low bigint not null default 0,
  medium bigint not null default 0,
  high bigint not null default 0,
  errors bigint not null default 0,
  alerts bigint not null default 0,
  failures integer not null default 0,    -- failed runs; at MAX_ATTEMPTS (batch/job.ts) it is failed
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create index screening_batches_creator on screening_batches (created_by, created_at desc);
create index screening_batches_agency on screening_batches (agency_id, created_at desc);

-- The upload, in order: every chunk is chunk_bytes long but the last.
create table screening_batch_chunks (
  batch_id uuid not null references screening_batches (id) on delete cascade,
  seq integer not null check (seq >= 0),
  data bytea not null,
  primary key (batch_id, seq)
);

-- One row per checkpoint: the results of lines [first_line, first_line + lines) as JSON Lines,
-- exactly as `jaring screen` prints them (blank JSON Lines lines are skipped, as there).
create table screening_batch_results (
  batch_id uuid not null references screening_batches (id) on delete cascade,
  seq integer not null check (seq >= 0),
  first_line bigint not null,
  lines integer not null,
  data text not null,
  primary key (batch_id, seq)
);
