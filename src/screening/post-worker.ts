import { parentPort, workerData } from 'node:worker_threads';
import { loadScreeningModel } from './default-model.ts';
import { ensureIndicators } from './indicators/index.ts';
import { parseModel } from './model/model-file.ts';
import { screenPost } from './pipeline.ts';
import type { ScreenInput } from './types.ts';

// A worker thread that screens single posts for the HTTP server (post-pool.ts): the node's active
// model (as its file text) or the bundled one, loaded once.

const port = parentPort;
if (!port) throw new Error('post-worker must run as a worker thread');
const text: unknown = workerData?.modelText;
const model =
  typeof text === 'string' ? parseModel(text, 'the active screening model') : loadScreeningModel();
// The lexicons too, so a bad data file stops the worker at start with its message (LexiconError),
// not each post.
ensureIndicators();

port.on('message', (task: { id: number; input: ScreenInput }) => {
  try {
    port.postMessage({ id: task.id, result: screenPost(model, task.input) });
  } catch (err) {
    port.postMessage({ id: task.id, error: (err as Error).message ?? String(err) });
  }
});
port.postMessage({ ready: true });
