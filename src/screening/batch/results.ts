import type { Db } from '../../platform/db/database.ts';
import { resultsAt } from './repo.ts';

/**
 * The saved results as one JSON Lines stream, a checkpoint row at a time, read only as fast as the
 * client takes them (a pull stream), so a batch of any size is served in constant memory.
 */
export function resultsStream(db: Db, batchId: string, checkpoints: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let seq = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (seq < checkpoints) {
        const row = await resultsAt(db, batchId, seq);
        seq += 1;
        if (!row) {
          controller.error(new Error(`batch ${batchId} has no results row ${seq - 1}`));
          return;
        }
        if (row.data !== '') {
          controller.enqueue(encoder.encode(row.data));
          return;
        }
      }
      controller.close();
    },
  });
}
