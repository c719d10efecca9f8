import { Worker, type WorkerOptions } from 'node:worker_threads';

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
