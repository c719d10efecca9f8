import { parentPort, workerData } from 'node:worker_threads';
import { loadScreeningModel } from './default-model.ts';
import { splitLines } from './input-chunks.ts';
import type { ChunkOutcome, ChunkTask } from './pool.ts';
import { isLang } from './reason-lang.ts';
import { screenLine } from './screen-line.ts';
import type { Lang } from './types.ts';

// A worker thread of the screening pool: loads the model once, then screens chunks of input bytes
// (whole lines) and answers with their output lines joined into one string.

const port = parentPort;
if (!port) throw new Error('screen-worker must run as a worker thread');
const modelPath: unknown = workerData?.modelPath;
const model = loadScreeningModel(typeof modelPath === 'string' ? modelPath : undefined);
const wanted: unknown = workerData?.reasonLang;
const reasonLang: Lang = typeof wanted === 'string' && isLang(wanted) ? wanted : 'en';
// Invalid UTF-8 becomes U+FFFD, as readline reads it; a byte-order mark was dropped by the reader.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

port.on('message', (task: ChunkTask) => {
  const counts = { low: 0, medium: 0, high: 0, error: 0 };
  let out = '';
  let screened = 0;
  const lines = splitLines(decoder.decode(task.bytes));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // A blank JSON Lines line is skipped (it still counts for the line numbers).
    if (task.format === 'jsonl' && line.trim() === '') continue;
    const outcome = screenLine(model, line, task.format, task.firstLine + i, reasonLang);
    out += `${outcome.json}\n`;
    counts[outcome.level] += 1;
    screened++;
  }
  const answer: ChunkOutcome = { seq: task.seq, out, counts, screened };
  port.postMessage(answer);
});
