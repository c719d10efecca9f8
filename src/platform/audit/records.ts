import { sql } from 'kysely';
import type { Exec } from '../db/database.ts';

// The audit entries about given records (a case timeline reads those of the case and its persons),
// queued or integrated, newest first. Served by the index audit_entries_record (migration 0008).

export type RecordEntry = {
  id: string;
  /** `at` truncated to the millisecond, as epoch milliseconds (the order key, exact in a JS number). */
  atMs: number;
  actorId: string | null;
  actor: string;
  action: string;
  recordType: string;
  recordId: string;
  /** Its leaf index once integrated into the Merkle tree. */
  seq: number | null;
};

export type RecordEntryQuery = {
  recordIds: readonly string[];
  /** Only these actions. */
  actions?: readonly string[];
  /** Not these actions. */
  skipActions?: readonly string[];
  /** Not actions matching this POSIX regular expression (e.g. reads: `\.(read|list)$`). */
  skipActionPattern?: string;
  /** Strictly below this position in the order (atMs desc, id desc). */
  below?: { atMs: number; id: string };
  limit: number;
};

const AT_MS = sql<string>`(extract(epoch from date_trunc('milliseconds', at)) * 1000)::bigint`;

export async function listRecordEntries(ex: Exec, q: RecordEntryQuery): Promise<RecordEntry[]> {
  if (q.recordIds.length === 0 || q.limit <= 0) return [];
  const conditions = [sql`record_id = any(${[...q.recordIds]}::text[])`];
  if (q.actions) conditions.push(sql`action = any(${[...q.actions]}::text[])`);
  if (q.skipActions?.length) conditions.push(sql`action <> all(${[...q.skipActions]}::text[])`);
  if (q.skipActionPattern) conditions.push(sql`action !~ ${q.skipActionPattern}`);
  if (q.below) conditions.push(sql`(${AT_MS}, id) < (${q.below.atMs}::bigint, ${q.below.id}::bigint)`);
  const { rows } = await sql<{
    id: string;
    at_ms: string;
    actor_id: string | null;
    actor: string;
    action: string;
    record_type: string;
    record_id: string;
    seq: string | null;
  }>`
    select id, ${AT_MS} as at_ms, actor_id, actor, action, record_type, record_id, seq
    from audit_entries where ${sql.join(conditions, sql` and `)}
    order by ${AT_MS} desc, id desc limit ${q.limit}`.execute(ex);
  return rows.map((r) => ({
    id: r.id,
    atMs: Number(r.at_ms),
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    seq: r.seq === null ? null : Number(r.seq),
  }));
}
