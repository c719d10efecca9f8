import type { ColumnType, JSONColumnType } from 'kysely';
import type { Evidence } from './score.ts';

// Row types of migrations/0009_victims_duplicates.sql.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type MergeStatus = 'proposed' | 'rejected' | 'merged' | 'unmerged';

export type PersonMergesTable = {
  id: string;
  agency_id: string;
  survivor_id: string;
  merged_id: string;
  status: ColumnType<MergeStatus, MergeStatus | undefined, MergeStatus>;
  evidence: JSONColumnType<Evidence>;
  reason_enc: string;
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note_enc: string | null;
  self_confirmed: ColumnType<boolean, boolean | undefined, boolean>;
  unmerged_by: string | null;
  unmerged_at: NullableTimestamp;
  unmerge_reason_enc: string | null;
};

export type DuplicatesTables = { person_merges: PersonMergesTable };
