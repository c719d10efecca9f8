import type { Exec } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { tombstoneMerge } from './repo.ts';

/**
 * New records go to the surviving person, never to one merged away (a tombstone): its history stays
 * readable, and withdrawing a consent it gave stays possible, but nothing new is added to it. Call
 * inside the write's transaction; where the write locks the person row first, a merge (which locks
 * both persons) is ordered before or after it.
 */
export async function refuseMergedAway(tx: Exec, personId: string, path = 'personId'): Promise<void> {
  const merge = await tombstoneMerge(tx, personId);
  if (!merge) return;
  throw invalid(
    `This person was merged into person ${merge.survivor_id}; record it on that person instead.`,
    [
      {
        path,
        code: 'merged',
        message: `merged into ${merge.survivor_id}`,
        params: { survivorId: merge.survivor_id },
      },
    ],
    { status: 409, code: 'merged' },
  );
}
