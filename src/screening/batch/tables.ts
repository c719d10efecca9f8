import type { ColumnType, Generated } from 'kysely';

// Row types of migrations/0004_screening_batch.sql. bigint columns come back as strings (pg's int8).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Int8 = ColumnType<string, number | string | undefined, number | string>;

export type BatchFormat = 'jsonl' | 'text';
export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';

export type ScreeningBatchesTable = {
  id: Generated<string>;
  agency_id: string;
  created_by: string;
  name: string | null;
  format: BatchFormat;
  total_bytes: Int8;
  chunk_bytes: number;
  sha256: Buffer | null;
  status: ColumnType<BatchStatus, BatchStatus | undefined, BatchStatus>;
  bytes_done: Int8;
  lines_done: Int8;
  checkpoints: Generated<number>;
  low: Int8;
  medium: Int8;
  high: Int8;
  errors: Int8;
  alerts: Int8;
  failures: Generated<number>;
  error: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  updated_at: Timestamp;
};

export type ScreeningBatchChunksTable = { batch_id: string; seq: number; data: Buffer };

export type ScreeningBatchResultsTable = {
  batch_id: string;
  seq: number;
  first_line: Int8;
  lines: number;
  data: string;
};

export type ScreeningBatchTables = {
  screening_batches: ScreeningBatchesTable;
  screening_batch_chunks: ScreeningBatchChunksTable;
  screening_batch_results: ScreeningBatchResultsTable;
};
