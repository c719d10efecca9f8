import type { Actor } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { LineScreening } from '../screen-line.ts';
import { alertSearchKey } from '../search-keys.ts';
import { mayAlert, raiseBatchAlerts, type ScreenedPost } from './alerts.ts';
import { screenBatchJob } from './job.ts';
import { advanceBatch, insertResults, lockBatch, type Tally } from './repo.ts';
import { sealResults } from './sealed.ts';

// A checkpoint: the results of a run of consecutive lines, saved with their alerts and the moved
// cursor in one transaction. A crash before the commit loses only unsaved work, which the next run
// redoes from the cursor; after it, nothing is redone.

export type Cursor = { bytes: number; lines: number; seq: number };

/** Another run of the same batch moved on (or the batch ended): this one must stop. */
export class Superseded extends Error {}

export class PendingCheckpoint {
  readonly firstLine: number;
  lines = 0;
  end: number;
  readonly tally: Tally = { low: 0, medium: 0, high: 0, errors: 0, alerts: 0 };
  readonly posts: ScreenedPost[] = [];
  private out: string[] = [];

  constructor(readonly from: Cursor) {
    this.firstLine = from.lines + 1;
    this.end = from.bytes;
  }

  /** A consumed input line that produced no result (a blank JSON Lines line). */
  skip(end: number): void {
    this.lines += 1;
    this.end = end;
  }

  add(s: LineScreening, end: number): void {
    this.lines += 1;
    this.end = end;
    this.out.push(s.json);
    if (s.level === 'error') this.tally.errors += 1;
    else this.tally[s.level] += 1;
    if (s.input && s.result && mayAlert(s.result)) this.posts.push({ input: s.input, result: s.result });
  }

  jsonLines(): string {
    return this.out.length === 0 ? '' : `${this.out.join('\n')}\n`;
  }
}

export type SaveOptions = {
  /** Seals the results row and the alerts' posts. */
  cipher: FieldCipher;
  agencyId: string;
  actor: Actor & { id: string };
  /** The last checkpoint of the batch: mark it done. */
  done: boolean;
  /** Enqueue the batch's next run with this checkpoint. */
  handOver: boolean;
};

export async function saveCheckpoint(
  db: Db,
  batchId: string,
  p: PendingCheckpoint,
  o: SaveOptions,
): Promise<Cursor> {
  // Loaded (or created) outside the transaction, so a rollback cannot leave a key cached but unsaved.
  const searchKey = await alertSearchKey(db, o.cipher);
  return db.transaction().execute(async (tx) => {
    const row = await lockBatch(tx, batchId);
    if (
      row?.status !== 'running' ||
      Number(row.bytes_done) !== p.from.bytes ||
      row.checkpoints !== p.from.seq
    ) {
      throw new Superseded(`batch ${batchId} moved past byte ${p.from.bytes} in another run`);
    }
    const alerts = await raiseBatchAlerts(
      tx,
      { cipher: o.cipher, searchKey },
      { batchId, agencyId: o.agencyId, actor: o.actor },
      p.posts,
    );
    await insertResults(tx, {
      batchId,
      seq: p.from.seq,
      firstLine: p.firstLine,
      lines: p.lines,
      dataEnc: sealResults(o.cipher, batchId, p.from.seq, p.jsonLines()),
    });
    const next = { bytes: p.end, lines: p.from.lines + p.lines, seq: p.from.seq + 1 };
    await advanceBatch(
      tx,
      batchId,
      { bytesDone: next.bytes, linesDone: next.lines, done: o.done },
      { ...p.tally, alerts },
    );
    if (o.handOver && !o.done) await enqueue(tx, screenBatchJob, { batchId });
    return next;
  });
}
