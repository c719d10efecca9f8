import { parentPort, workerData } from 'node:worker_threads';
import { loadScreeningModel } from './default-model.ts';
import { isLang } from './reason-lang.ts';
import { type LineOutcome, screenLine } from './screen-line.ts';
import type { Lang } from './types.ts';

// A worker thread of the screening pool: loads the model once, then screens chunks of lines.
type Task = { seq: number; lines: string[]; firstLine: number; format: 'jsonl' | 'text' };

const port = parentPort;
if (!port) throw new Error('screen-worker must run as a worker thread');
const modelPath: unknown = workerData?.modelPath;
const model = loadScreeningModel(typeof modelPath === 'string' ? modelPath : undefined);
const wanted: unknown = workerData?.reasonLang;
const reasonLang: Lang = typeof wanted === 'string' && isLang(wanted) ? wanted : 'en';

port.on('message', (task: Task) => {
  const outcomes: LineOutcome[] = task.lines.map((line, i) =>
    screenLine(model, line, task.format, task.firstLine + i, reasonLang),
  );
  port.postMessage({ seq: task.seq, outcomes });
});
