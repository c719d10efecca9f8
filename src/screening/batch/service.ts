import { appendAudit } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { Principal } from '../../platform/http/policy.ts';
import type { Lang } from '../types.ts';
import { canSeeBatch } from './access.ts';
import { type BatchRow, findBatch, listBatches } from './repo.ts';
import { resultsStream } from './results.ts';

// Queries of screening batches, each limited to what the caller may see (access.ts).

const notFound = () => new HttpError(404, 'not_found', 'The batch was not found.');

export async function visibleBatch(db: Db, principal: Principal, id: string): Promise<BatchRow> {
  const batch = await findBatch(db, id);
  if (!batch || !canSeeBatch(principal, batch)) throw notFound();
  return batch;
}

export function listVisibleBatches(
  db: Db,
  principal: Principal,
  q: { scope: 'mine' | 'agency'; before?: string | undefined; limit: number },
): Promise<BatchRow[]> {
  const before = q.before ? new Date(q.before) : undefined;
  if (q.scope === 'mine') return listBatches(db, { createdBy: principal.userId, before, limit: q.limit });
  if (!principal.roles.includes('analyst')) {
    throw new HttpError(403, 'forbidden', "Only analysts may list their agency's batches.", [
      { path: 'scope', code: 'analysts_only', message: 'agency needs the analyst role' },
    ]);
  }
  return listBatches(db, { agencyId: principal.agencyId, before, limit: q.limit });
}

/**
 * The results of a finished batch as JSON Lines, indicator reasons in `lang`; the read is audited
 * before a byte is sent.
 */
export async function readResults(
  store: { db: Db; cipher: FieldCipher },
  principal: Principal,
  id: string,
  lang: Lang,
) {
  const { db } = store;
  const batch = await visibleBatch(db, principal, id);
  if (batch.status === 'queued' || batch.status === 'running') {
    throw new HttpError(
      409,
      'conflict',
      'The batch is still being screened: its results come when it is done.',
    );
  }
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      actor: { id: principal.userId, label: principal.username },
      action: 'screening_batch.results.read',
      recordType: 'screening_batch',
      recordId: batch.id,
      change: {
        status: batch.status,
        lines: Number(batch.lines_done),
        checkpoints: batch.checkpoints,
        lang,
      },
    }),
  );
  return { batch, body: resultsStream(store, batch.id, batch.checkpoints, lang) };
}
