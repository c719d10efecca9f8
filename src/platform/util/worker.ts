import { type TransferListItem, Worker, type WorkerOptions } from 'node:worker_threads';

// A worker thread running a module beside the caller. From source (tests, `tsx`) the module is
// TypeScript and is loaded through tsx's API, since Node 20 workers don't inherit `--import tsx`;
// from the build it is the compiled `.js`.

/**
 * `callerUrl`: the caller's `import.meta.url`; `name`: the worker module's file name without its
 * extension, in the caller's folder.
 */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const file = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, callerUrl);
  if (!fromSource) return new Worker(file, options);
  const href = JSON.stringify(file.href);
  return new Worker(`import('tsx/esm/api').then((m) => m.tsImport(${href}, ${href}))`, {
    ...options,
    eval: true,
  });
}

/**
 * Requests to worker threads (taken in turn), each answered by one message that carries the
 * request's `seq`. A worker's error or exit fails every unanswered request and every later one,
 * with the first error; `what` names the workers in the exit's message. `transfer`: buffers the task
 * hands over rather than copies.
 */
export function workerRequests<Task extends object, Answer extends { seq: number }>(
  workers: readonly Worker[],
  what: string,
): (task: Task, transfer?: readonly TransferListItem[]) => Promise<Answer> {
  const pending = new Map<number, { resolve(a: Answer): void; reject(e: Error): void }>();
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  for (const worker of workers) {
    worker.on('message', (answer: Answer) => {
      pending.get(answer.seq)?.resolve(answer);
      pending.delete(answer.seq);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${what} stopped (exit code ${code})`)));
  }
  let seq = 0;
  return (task, transfer) => {
    if (failure) return Promise.reject(failure);
    seq += 1;
    const id = seq;
    const worker = workers[id % workers.length];
    if (!worker) return Promise.reject(new Error(`no ${what}`));
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...task, seq: id }, transfer);
    });
  };
}
