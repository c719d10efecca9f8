import { parentPort, workerData } from 'node:worker_threads';
import { FieldCipher } from '../../platform/crypto/fields.ts';
import { searchColumns } from '../identity.ts';
import type { TokenKeys } from '../search-keys.ts';
import type { SealAnswer, SealTask } from './seal-pool.ts';

// The worker thread of seal-pool.ts: seals an import's field values with its own FieldCipher, which
// holds a copy of the node's active data key (only that one: it seals, never opens), and computes
// persons' keyed search columns with a copy of the search keys (not the pseudonym key).

const port = parentPort;
if (!port) throw new Error('seal-worker must run as a worker thread');
const { keyId, key, search } = (workerData ?? {}) as { keyId?: unknown; key?: unknown; search?: unknown };
if (typeof keyId !== 'string' || !(key instanceof Uint8Array) || key.length !== 32)
  throw new Error('seal-worker needs the active data key');
const cipher = new FieldCipher(new Map([[keyId, Buffer.from(key)]]), keyId);
key.fill(0);
const keys = searchKeysOf(search);

function searchKeysOf(given: unknown): TokenKeys {
  const copy = (name: keyof TokenKeys): Buffer => {
    const value = given && typeof given === 'object' ? (given as Record<string, unknown>)[name] : undefined;
    if (!(value instanceof Uint8Array) || value.length !== 32)
      throw new Error('seal-worker needs the search keys');
    const out = Buffer.from(value);
    value.fill(0);
    return out;
  };
  return {
    nameTokens: copy('nameTokens'),
    birthdate: copy('birthdate'),
    identityNumber: copy('identityNumber'),
    phone: copy('phone'),
  };
}

port.on('message', (task: SealTask & { seq: number }) => {
  const { plain, contexts } = task;
  if (plain.length !== contexts.length) throw new Error('seal-worker: a value without its context');
  const sealed = new Array<string>(plain.length);
  for (let i = 0; i < plain.length; i++) sealed[i] = cipher.encrypt(plain[i] ?? '', contexts[i] ?? '');
  const answer: SealAnswer & { seq: number } = {
    seq: task.seq,
    sealed,
    search: task.search.map((input) => searchColumns(keys, null, input)),
  };
  port.postMessage(answer);
});
