import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { BatchFormat } from './tables.ts';

// All SQL of screening batches (migrations/0004_screening_batch.sql, 0015). Chunks and results are
// stored sealed (sealed.ts): this file never sees their plain text.

export function insertBatch(
  db: Exec,
  b: { agencyId: string; createdBy: string; name: string | null; format: BatchFormat; chunkBytes: number },
) {
  return db
    .insertInto('screening_batches')
    .values({
      agency_id: b.agencyId,
      created_by: b.createdBy,
      name: b.name,
      format: b.format,
      chunk_bytes: b.chunkBytes,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** `dataEnc`: the chunk sealed by sealed.ts (the table holds no plain text). */
export function insertChunk(db: Exec, batchId: string, seq: number, dataEnc: string) {
  return db
    .insertInto('screening_batch_chunks')
    .values({ batch_id: batchId, seq, data_enc: dataEnc })
    .execute();
}

export function sealUpload(db: Exec, id: string, totalBytes: number, sha256: Buffer) {
  return db
    .updateTable('screening_batches')
    .set({ total_bytes: totalBytes, sha256, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findBatch(db: Exec, id: string) {
  return db.selectFrom('screening_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export type BatchRow = NonNullable<Awaited<ReturnType<typeof findBatch>>>;

export function lockBatch(db: Exec, id: string) {
  return db.selectFrom('screening_batches').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type BatchListFilter = {
  createdBy?: string | undefined;
  agencyId?: string | undefined;
  before?: Date | undefined;
  limit: number;
};

export function listBatches(db: Exec, f: BatchListFilter) {
  let q = db.selectFrom('screening_batches').selectAll().orderBy('created_at', 'desc').limit(f.limit);
  if (f.createdBy) q = q.where('created_by', '=', f.createdBy);
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.before) q = q.where('created_at', '<', f.before);
  return q.execute();
}

/** A run starts: queued → running (a finished batch stays as it is). */
export function startRun(db: Exec, id: string) {
  return db
    .updateTable('screening_batches')
    .set({
      status: sql<'running'>`case when status = 'queued' then 'running' else status end`,
      started_at: sql<Date>`coalesce(started_at, now())`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function chunkAt(db: Exec, batchId: string, seq: number) {
  return db
    .selectFrom('screening_batch_chunks')
    .select('data_enc')
    .where('batch_id', '=', batchId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

export type Tally = { low: number; medium: number; high: number; errors: number; alerts: number };

export function insertResults(
  db: Exec,
  r: { batchId: string; seq: number; firstLine: number; lines: number; dataEnc: string },
) {
  return db
    .insertInto('screening_batch_results')
    .values({
      batch_id: r.batchId,
      seq: r.seq,
      first_line: r.firstLine,
      lines: r.lines,
      data_enc: r.dataEnc,
    })
    .execute();
}

/** `column + n` for a bigint counter (Kysely types int8 columns as the strings pg returns). */
const plus = (column: 'low' | 'medium' | 'high' | 'errors' | 'alerts', n: number) =>
  sql<string>`${sql.ref(column)} + ${n}`;

/** Moves the cursor past a saved checkpoint and adds its tally. */
export function advanceBatch(
  db: Exec,
  id: string,
  to: { bytesDone: number; linesDone: number; done: boolean },
  tally: Tally,
) {
  return db
    .updateTable('screening_batches')
    .set((eb) => ({
      bytes_done: to.bytesDone,
      lines_done: to.linesDone,
      checkpoints: eb('checkpoints', '+', 1),
      low: plus('low', tally.low),
      medium: plus('medium', tally.medium),
      high: plus('high', tally.high),
      errors: plus('errors', tally.errors),
      alerts: plus('alerts', tally.alerts),
      ...(to.done ? { status: 'done' as const, finished_at: new Date(), error: null } : {}),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

export function finishBatch(db: Exec, id: string, status: 'done' | 'failed', error: string | null) {
  return db
    .updateTable('screening_batches')
    .set({ status, error, finished_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Counts a failed run and says what users see of it; returns the failures so far. */
export async function recordFailure(db: Exec, id: string, error: string) {
  const row = await db
    .updateTable('screening_batches')
    .set((eb) => ({ failures: eb('failures', '+', 1), error, updated_at: new Date() }))
    .where('id', '=', id)
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

export function resultsAt(db: Exec, batchId: string, seq: number) {
  return db
    .selectFrom('screening_batch_results')
    .select('data_enc')
    .where('batch_id', '=', batchId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}
