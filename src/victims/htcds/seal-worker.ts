import { parentPort, workerData } from 'node:worker_threads';
import { FieldCipher } from '../../platform/crypto/fields.ts';

// The worker thread of seal-pool.ts: seals an import's field values with its own FieldCipher, which
// holds a copy of the node's active data key (only that one: it seals, never opens).
type Task = { seq: number; plain: string[]; contexts: string[] };

const port = parentPort;
if (!port) throw new Error('seal-worker must run as a worker thread');
const { keyId, key } = (workerData ?? {}) as { keyId?: unknown; key?: unknown };
if (typeof keyId !== 'string' || !(key instanceof Uint8Array) || key.length !== 32)
  throw new Error('seal-worker needs the active data key');
const cipher = new FieldCipher(new Map([[keyId, Buffer.from(key)]]), keyId);
key.fill(0);

port.on('message', (task: Task) => {
  const { plain, contexts } = task;
  if (plain.length !== contexts.length) throw new Error('seal-worker: a value without its context');
  const sealed = new Array<string>(plain.length);
  for (let i = 0; i < plain.length; i++) sealed[i] = cipher.encrypt(plain[i] ?? '', contexts[i] ?? '');
  port.postMessage({ seq: task.seq, sealed });
});
