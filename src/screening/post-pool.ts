import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../platform/util/worker.ts';
import type { ScreenInput, ScreenResult } from './types.ts';

// Worker threads that screen posts for `POST /api/screen`, so screening (~0.3 ms of CPU a post)
// does not hold the server's event loop: other requests are answered meanwhile, and a second core
// does the screening. Each worker holds the model; a crashed worker fails its pending posts and is
// started again on the next one.

export type PostPool = { screen(input: ScreenInput): Promise<ScreenResult>; close(): Promise<void> };

const resourceLimits = { maxYoungGenerationSizeMb: 48 };

type Pending = { resolve(r: ScreenResult): void; reject(e: Error): void };
type Slot = { worker: Worker; ready: Promise<void>; pending: Map<number, Pending> };

function startWorker(modelText: string | undefined): Worker {
  return startModuleWorker(import.meta.url, 'post-worker', { workerData: { modelText }, resourceLimits });
}

/** `modelText`: the active model's file text, or undefined for the bundled model. */
export function createPostPool(size: number, modelText: string | undefined): PostPool {
  const slots: (Slot | undefined)[] = Array.from({ length: Math.max(1, size) }, () => undefined);
  let next = 0;
  let seq = 0;

  const start = (at: number): Slot => {
    const worker = startWorker(modelText);
    // The pool must not keep a finished process (a CLI, a test) alive.
    worker.unref();
    const pending = new Map<number, Pending>();
    const hooks: { ready?: () => void; failed?: (e: Error) => void } = {};
    const started = new Promise<void>((resolve, reject) => {
      hooks.ready = resolve;
      hooks.failed = reject;
    });
    const ready = () => hooks.ready?.();
    const failed = (e: Error) => hooks.failed?.(e);
    const slot: Slot = { worker, pending, ready: started };
    slot.ready.catch(() => {});
    const fail = (err: Error) => {
      failed(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      if (slots[at] === slot) slots[at] = undefined;
    };
    worker.on('message', (msg: { ready?: true; id?: number; result?: ScreenResult; error?: string }) => {
      if (msg.ready) return ready();
      const p = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!p || msg.id === undefined) return;
      pending.delete(msg.id);
      if (msg.result) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'screening failed'));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a screening worker stopped (exit code ${code})`)));
    slots[at] = slot;
    return slot;
  };

  return {
    async screen(input) {
      const at = next;
      next = (next + 1) % slots.length;
      const slot = slots[at] ?? start(at);
      await slot.ready;
      seq += 1;
      const id = seq;
      return new Promise<ScreenResult>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, input });
      });
    },
    close: async () => {
      const open = slots.filter((s): s is Slot => s !== undefined);
      slots.fill(undefined);
      await Promise.all(open.map((s) => s.worker.terminate()));
    },
  };
}
