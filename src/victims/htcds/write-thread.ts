import { once } from 'node:events';
import type { CompiledQuery } from 'kysely';
import { startModuleWorker } from '../../platform/util/worker.ts';

// Writing a large import's batches from a worker thread (write-worker.ts) with a connection of its
// own, so that preparing the next batch on the main thread never delays a statement of the batch
// being written.

export type WriteTask = { seq: number; statements: { sql: string; parameters: readonly unknown[] }[] };
export type WriteAnswer = { seq: number; error?: Record<string, unknown> };

export type BatchWriter = {
  /** Writes the statements, in order, in one transaction; resolves once it has committed. */
  write(statements: readonly CompiledQuery[]): Promise<void>;
  close(): Promise<void>;
};

/** An error the worker reported, with the database's fields (code, constraint…) as pg gives them. */
function errorOf(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'the HTCDS write worker failed')), fields);
}

export function createBatchWriter(url: string): BatchWriter {
  const worker = startModuleWorker(import.meta.url, 'write-worker', { workerData: { url } });
  const pending = new Map<number, { resolve(): void; reject(e: Error): void }>();
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (answer: WriteAnswer) => {
    const p = pending.get(answer.seq);
    pending.delete(answer.seq);
    if (answer.error) p?.reject(errorOf(answer.error));
    else p?.resolve();
  });
  worker.on('error', fail);
  let exited = false;
  worker.on('exit', (code) => {
    exited = true;
    fail(new Error(`the HTCDS write worker stopped (exit code ${code})`));
  });
  let seq = 0;
  return {
    write(statements) {
      if (failure) return Promise.reject(failure);
      seq += 1;
      const task: WriteTask = {
        seq,
        statements: statements.map((q) => ({ sql: q.sql, parameters: q.parameters })),
      };
      return new Promise((resolve, reject) => {
        pending.set(task.seq, { resolve, reject });
        worker.postMessage(task);
      });
    },
    close: async () => {
      if (exited) return;
      const exit = once(worker, 'exit');
      worker.postMessage('close');
      await exit;
    },
  };
}
