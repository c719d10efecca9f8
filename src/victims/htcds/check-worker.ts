import { parentPort, workerData } from 'node:worker_threads';
import { rowInspector } from './check-row.ts';
import { blockRecords, FileProblem, type RawRecord } from './csv.ts';
import type { CsvBlock } from './csv-blocks.ts';
import { layoutOf } from './parse-row.ts';

// A worker thread of the check pool (check-pool.ts): looks at chunks of rows of one file, given as
// records, or as a block of CSV bytes (csv-blocks.ts) that it decodes and parses itself. A block it
// cannot read as the cutter counted it is answered `reread`: the file is then read in one thread,
// which reports its problem as it always does.
type Task = { seq: number; records: RawRecord[] } | { seq: number; block: CsvBlock };

const port = parentPort;
if (!port) throw new Error('check-worker must run as a worker thread');
const header: unknown = workerData?.header;
if (!Array.isArray(header) || !header.every((h) => typeof h === 'string'))
  throw new Error('check-worker needs the header');
const { layout } = layoutOf(header);
if (!layout) throw new Error('check-worker was given a header that is not an HTCDS header');
const inspect = rowInspector(layout, header);

async function inspectBlock(block: CsvBlock) {
  const facts = [];
  try {
    for await (const record of blockRecords(block.bytes, block.atStart, block.firstRow))
      facts.push(inspect(record));
  } catch (err) {
    if (err instanceof FileProblem) return { reread: true };
    throw err;
  }
  return facts.length === block.records ? { facts } : { reread: true };
}

port.on('message', async (task: Task) => {
  if ('records' in task) port.postMessage({ seq: task.seq, facts: task.records.map(inspect) });
  else port.postMessage({ seq: task.seq, ...(await inspectBlock(task.block)) });
});
