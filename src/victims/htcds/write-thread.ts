import { once } from 'node:events';
import { startModuleWorker, workerRequests } from '../../platform/util/worker.ts';
import { type BatchStatement, type CopyRows, isCopy } from './copy-text.ts';

// Writing a large import's batches from a worker thread (write-worker.ts) with a connection of its
// own, so that preparing the next batch on the main thread never delays a statement of the batch
// being written. Its rows of one shape come as COPY text (copy-text.ts), which a Kysely transaction
// on the main thread cannot send.

export type WriteTask = {
  seq: number;
  statements: ({ sql: string; parameters: readonly unknown[] } | CopyRows)[];
};
export type WriteAnswer = { seq: number; error?: Record<string, unknown> };

export type BatchWriter = {
  /** Writes the statements, in order, in one transaction; resolves once it has committed. */
  write(statements: readonly BatchStatement[]): Promise<void>;
  close(): Promise<void>;
};

/** An error the worker reported, with the database's fields (code, constraint…) as pg gives them. */
function errorOf(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'the HTCDS write worker failed')), fields);
}

export function createBatchWriter(url: string): BatchWriter {
  const worker = startModuleWorker(import.meta.url, 'write-worker', { workerData: { url } });
  const request = workerRequests<Omit<WriteTask, 'seq'>, WriteAnswer>([worker], 'the HTCDS write worker');
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  return {
    async write(statements) {
      const answer = await request({
        statements: statements.map((s) => (isCopy(s) ? s : { sql: s.sql, parameters: s.parameters })),
      });
      if (answer.error) throw errorOf(answer.error);
    },
    close: async () => {
      if (exited) return;
      const exit = once(worker, 'exit');
      worker.postMessage('close');
      await exit;
    },
  };
}
