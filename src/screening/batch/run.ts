import { setImmediate as nextTurn } from 'node:timers/promises';
import { findUserById } from '../../platform/accounts/repo.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobContext } from '../../platform/jobs/define.ts';
import { loadScreeningModel } from '../default-model.ts';
import { loadActiveModel } from '../models.ts';
import { screenLines } from '../screen-line.ts';
import {
  type Cursor,
  PendingCheckpoint,
  type SaveOptions,
  Superseded,
  saveCheckpoint,
} from './checkpoint.ts';
import { MAX_ATTEMPTS } from './job.ts';
import { isScreened, type Line, readLines } from './lines.ts';
import { chunkAt, finishBatch, recordFailure, startRun } from './repo.ts';
import { openChunk, TamperedBatch } from './sealed.ts';

// The screening.batch job: screens a stored upload with the code path of `jaring screen`
// (screenLines), from the batch's cursor on, saving checkpoints as it goes.

export type RunOptions = {
  /** Work this long at most, then enqueue the continuation with the last checkpoint. */
  runMs?: number;
  /** Save a checkpoint after this many lines, or after this long, whichever comes first. */
  checkpointLines?: number;
  checkpointMs?: number;
  /** Called after each checkpoint commits (tests interrupt a run here). */
  afterCheckpoint?: (cursor: Cursor) => void | Promise<void>;
};

export type RunOutcome = 'done' | 'continued' | 'superseded' | 'not-running';

const DEFAULTS = { runMs: 4 * 60_000, checkpointLines: 2000, checkpointMs: 3000 };
// Screening is synchronous: let the event loop (HTTP, pg-boss) in at least this often.
const TURN_MS = 25;
// Lines screened together (~15 ms of CPU: well inside TURN_MS).
const STAGED_LINES = 64;

/**
 * The upload from byte `from` on, opened chunk by chunk; a missing chunk is an error, never an early
 * end of file, and one that does not open or has the wrong length is tampered, never screened.
 */
async function* storedChunks(
  store: { db: Db; cipher: FieldCipher },
  batchId: string,
  chunkBytes: number,
  from: number,
  total: number,
) {
  let seq = Math.floor(from / chunkBytes);
  let skip = from - seq * chunkBytes;
  for (let at = seq * chunkBytes; at < total; at += chunkBytes) {
    const row = await chunkAt(store.db, batchId, seq);
    if (!row) throw new Error(`batch ${batchId}: chunk ${seq} is missing (${at} of ${total} bytes read)`);
    const data = openChunk(store.cipher, batchId, seq, row.data_enc);
    const expected = Math.min(chunkBytes, total - at);
    if (data.length !== expected) {
      throw new TamperedBatch(`chunk ${seq}`, batchId, `it holds ${data.length} bytes, not ${expected}`);
    }
    yield skip > 0 ? data.subarray(skip) : data;
    skip = 0;
    seq += 1;
  }
}

export async function runBatch(
  store: { db: Db; cipher: FieldCipher },
  batchId: string,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const { db, cipher } = store;
  const o = { ...DEFAULTS, ...options };
  const started = performance.now();
  const batch = await startRun(db, batchId);
  if (batch?.status !== 'running') return 'not-running';
  // The node's screener: its active model, else the bundled one (as POST /api/screen).
  const model = (await loadActiveModel(db))?.model ?? loadScreeningModel();
  const uploader = await findUserById(db, batch.created_by);
  const save = (p: PendingCheckpoint, flags: Pick<SaveOptions, 'done' | 'handOver'>) =>
    saveCheckpoint(db, batchId, p, {
      cipher,
      agencyId: batch.agency_id,
      actor: { id: batch.created_by, label: uploader?.username ?? batch.created_by },
      ...flags,
    });

  let pending = new PendingCheckpoint({
    bytes: Number(batch.bytes_done),
    lines: Number(batch.lines_done),
    seq: batch.checkpoints,
  });
  let since = performance.now();
  let turn = since;
  try {
    const total = Number(batch.total_bytes);
    const chunks = storedChunks(store, batchId, batch.chunk_bytes, pending.from.bytes, total);
    // Lines are screened STAGED_LINES at a time (screenLines: stage by stage, less CPU a post),
    // never across a checkpoint: a checkpoint still falls after exactly checkpointLines lines.
    const group: Line[] = [];
    const flush = () => {
      const first = pending.firstLine + pending.lines;
      const wanted = group.map((line) => isScreened(line.text, batch.format));
      const outcomes = screenLines(
        model,
        group.flatMap((line, i): Array<[string, number]> => (wanted[i] ? [[line.text, first + i]] : [])),
        batch.format,
      );
      let next = 0;
      group.forEach((line, i) => {
        const outcome = wanted[i] ? outcomes[next++] : undefined;
        if (outcome) pending.add(outcome, line.end);
        else pending.skip(line.end);
      });
      group.length = 0;
    };
    for await (const line of readLines(chunks, pending.from.bytes)) {
      group.push(line);
      if (group.length < STAGED_LINES && pending.lines + group.length < o.checkpointLines) continue;
      flush();
      const now = performance.now();
      if (pending.lines >= o.checkpointLines || now - since >= o.checkpointMs) {
        const handOver = now - started >= o.runMs;
        const cursor = await save(pending, { done: false, handOver });
        await o.afterCheckpoint?.(cursor);
        if (handOver) return 'continued';
        pending = new PendingCheckpoint(cursor);
        since = performance.now();
      }
      if (now - turn >= TURN_MS) {
        await nextTurn();
        turn = performance.now();
      }
    }
    flush();
    if (pending.end !== total) throw new Error(`batch ${batchId}: read ${pending.end} of ${total} bytes`);
    const cursor = await save(pending, { done: true, handOver: false });
    await o.afterCheckpoint?.(cursor);
    return 'done';
  } catch (err) {
    if (err instanceof Superseded) return 'superseded';
    throw err;
  }
}

/**
 * The job handler. A failed run is retried by the queue; the MAX_ATTEMPTS-th failure fails the batch.
 * A tampered upload fails it at once: another run would find the same bytes.
 */
export async function screenBatch(payload: { batchId: string }, ctx: JobContext): Promise<void> {
  const { batchId } = payload;
  try {
    if (!ctx.cipher) throw new Error('this worker was started without the data keys (startJobs cipher)');
    const outcome = await runBatch({ db: ctx.db, cipher: await ctx.cipher() }, batchId);
    ctx.logger.info({ batchId, outcome }, 'screening batch run ended');
  } catch (err) {
    if (err instanceof TamperedBatch) {
      ctx.logger.error({ batchId, err }, 'screening batch upload tampered');
      await finishBatch(ctx.db, batchId, 'failed', tamperedMessage(err));
      return;
    }
    ctx.logger.error({ batchId, err }, 'screening batch run failed');
    // Users see a plain account; the cause stays in the worker's log.
    const failures = await recordFailure(ctx.db, batchId, 'A screening run failed; it will be retried.');
    if (failures !== undefined && failures >= MAX_ATTEMPTS) {
      const message = `Screening failed ${failures} times; the worker log has the cause (job ${ctx.jobId}).`;
      await finishBatch(ctx.db, batchId, 'failed', message);
    }
    throw err;
  }
}

/** What users see of a tampered upload: plainly that, and that what was saved before it stays. */
function tamperedMessage(err: TamperedBatch): string {
  return `Screening stopped: ${err.what} of the stored upload was tampered with (changed, swapped or moved in the database). The results saved before it are kept.`;
}
