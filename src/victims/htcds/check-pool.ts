import type { Worker } from 'node:worker_threads';
import { startModuleWorker, workerRequests } from '../../platform/util/worker.ts';
import type { RowFacts } from './check-row.ts';
import type { RawRecord } from './csv.ts';
import type { CsvBlock } from './csv-blocks.ts';

// Worker threads that look at a large file's rows during the first pass (parsing and validating a
// row costs ~150 µs, most of that pass), while the main thread reads the file and compares rows.
// Rows go as records (an XLSX file, read here) or as blocks of CSV bytes that the worker decodes
// and parses (the main thread only cuts them: csv-blocks.ts). Results come back in the order the
// chunks were sent.

export type CheckPool = {
  inspect(records: RawRecord[]): Promise<RowFacts[]>;
  /** The block's rows, or `reread` when the worker could not read it as cut (check-worker.ts). */
  inspectBlock(block: CsvBlock): Promise<RowFacts[] | 'reread'>;
  close(): Promise<void>;
};

type Answer = { seq: number; facts?: RowFacts[]; reread?: true };

function startWorker(header: readonly string[]): Worker {
  return startModuleWorker(import.meta.url, 'check-worker', { workerData: { header } });
}

export function createCheckPool(header: readonly string[], size: number): CheckPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => startWorker(header));
  const request = workerRequests<{ records: RawRecord[] } | { block: CsvBlock }, Answer>(
    workers,
    'an HTCDS check worker',
  );
  return {
    inspect: async (records) => (await request({ records })).facts ?? [],
    inspectBlock: async (block) => {
      // csvBlocks gives each block a buffer of its own: handed over, not copied.
      const answer = await request({ block }, [block.bytes.buffer as ArrayBuffer]);
      return answer.facts ?? 'reread';
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
