import type { Worker } from 'node:worker_threads';
import { startModuleWorker, workerRequests } from '../../platform/util/worker.ts';
import type { RowFacts } from './check-row.ts';
import type { RawRecord } from './csv.ts';

// Worker threads that look at a large file's rows during the first pass (parsing and validating a
// row costs ~150 µs, most of that pass), while the main thread reads the file and compares rows.
// Results come back in the order the chunks were sent.

export type CheckPool = {
  inspect(records: RawRecord[]): Promise<RowFacts[]>;
  close(): Promise<void>;
};

function startWorker(header: readonly string[]): Worker {
  return startModuleWorker(import.meta.url, 'check-worker', { workerData: { header } });
}

export function createCheckPool(header: readonly string[], size: number): CheckPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => startWorker(header));
  const request = workerRequests<{ records: RawRecord[] }, { seq: number; facts: RowFacts[] }>(
    workers,
    'an HTCDS check worker',
  );
  return {
    inspect: async (records) => (await request({ records })).facts,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
