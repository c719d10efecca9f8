import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../platform/util/worker.ts';
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
  const pending = new Map<number, { resolve(f: RowFacts[]): void; reject(e: Error): void }>();
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  for (const worker of workers) {
    worker.on('message', (msg: { seq: number; facts: RowFacts[] }) => {
      pending.get(msg.seq)?.resolve(msg.facts);
      pending.delete(msg.seq);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`an HTCDS check worker stopped (exit code ${code})`));
    });
  }
  let seq = 0;
  return {
    inspect(records) {
      if (failure) return Promise.reject(failure);
      seq += 1;
      const id = seq;
      const worker = workers[id % workers.length];
      if (!worker) return Promise.reject(new Error('no check worker'));
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ seq: id, records });
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
