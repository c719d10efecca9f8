import { parentPort, workerData } from 'node:worker_threads';
import { rowInspector } from './check-row.ts';
import type { RawRecord } from './csv.ts';
import { layoutOf } from './parse-row.ts';

// A worker thread of the check pool (check-pool.ts): looks at chunks of rows of one file.
type Task = { seq: number; records: RawRecord[] };

const port = parentPort;
if (!port) throw new Error('check-worker must run as a worker thread');
const header: unknown = workerData?.header;
if (!Array.isArray(header) || !header.every((h) => typeof h === 'string'))
  throw new Error('check-worker needs the header');
const { layout } = layoutOf(header);
if (!layout) throw new Error('check-worker was given a header that is not an HTCDS header');
const inspect = rowInspector(layout, header);

port.on('message', (task: Task) => {
  port.postMessage({ seq: task.seq, facts: task.records.map(inspect) });
});
