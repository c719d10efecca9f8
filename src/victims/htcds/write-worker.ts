import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isCopy } from './copy-text.ts';
import type { WriteAnswer, WriteTask } from './write-thread.ts';

// The worker thread of write-thread.ts: one connection of its own, on which it writes each batch
// it is sent in one transaction, one batch after another, and answers when the batch has committed
// (or with the error that rolled it back).

const port = parentPort;
if (!port) throw new Error('write-worker must run as a worker thread');
const { url } = (workerData ?? {}) as { url?: unknown };
if (typeof url !== 'string') throw new Error('write-worker needs the database URL');
const client = new pg.Client({ connectionString: url, application_name: 'jaring htcds import' });
// A connection lost between batches (server restart, terminated backend) fails the next batch with
// the error that ended it (pg then only says the client is not queryable); unhandled, this event
// would end the thread without a word.
let lost: Error | undefined;
client.on('error', (err) => {
  lost = err;
});
const connected = client.connect();
// Reported to the batch that needs the connection; never unhandled meanwhile.
connected.catch(() => {});

/** Structured cloning turns a Buffer into a plain Uint8Array, which pg would send as JSON. */
const asParameter = (value: unknown) =>
  value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;

async function write(task: WriteTask): Promise<void> {
  await connected;
  try {
    await client.query('begin');
    for (const s of task.statements) {
      if (isCopy(s)) await pipeline(Readable.from([s.text]), client.query(copyFrom(s.copy)));
      else await client.query(s.sql, s.parameters.map(asParameter));
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw lost ?? err;
  }
}

// One batch at a time, in the order sent; `close` ends the connection after the last.
let queue: Promise<void> = Promise.resolve();
port.on('message', (task: WriteTask | 'close') => {
  if (task === 'close') {
    queue = queue.then(async () => {
      await client.end().catch(() => {});
      port.close();
    });
    return;
  }
  queue = queue.then(async () => {
    let answer: WriteAnswer;
    try {
      await write(task);
      answer = { seq: task.seq };
    } catch (err) {
      const e = err as Error & Record<string, unknown>;
      const error: Record<string, unknown> = { message: e.message };
      for (const k of ['code', 'detail', 'constraint', 'table', 'column', 'severity'])
        if (typeof e[k] === 'string') error[k] = e[k];
      answer = { seq: task.seq, error };
    }
    port.postMessage(answer);
  });
});
