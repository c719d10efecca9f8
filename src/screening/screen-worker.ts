import { parentPort, workerData } from 'node:worker_threads';
import { loadScreeningModel } from './default-model.ts';
import { presentScreenResult } from './presenters.ts';
import { isLang } from './reason-lang.ts';
import { type LineOutcome, screenLine, screenLineDetailed } from './screen-line.ts';
import type { Lang } from './types.ts';

// A worker thread of the screening pool: loads the model once, then screens chunks of lines.
type Task = { seq: number; lines: string[]; firstLine: number; format: 'jsonl' | 'text' };

const port = parentPort;
if (!port) throw new Error('screen-worker must run as a worker thread');
const modelPath: unknown = workerData?.modelPath;
const model = loadScreeningModel(typeof modelPath === 'string' ? modelPath : undefined);
const wanted: unknown = workerData?.reasonLang;
const reasonLang: Lang = typeof wanted === 'string' && isLang(wanted) ? wanted : 'en';

/** English output is the matcher's own; another language re-presents the result with its reasons. */
function screenIn(line: string, format: Task['format'], lineNo: number): LineOutcome {
  if (reasonLang === 'en') return screenLine(model, line, format, lineNo);
  const { json, level, result } = screenLineDetailed(model, line, format, lineNo);
  return result ? { json: JSON.stringify(presentScreenResult(result, reasonLang)), level } : { json, level };
}

port.on('message', (task: Task) => {
  const outcomes: LineOutcome[] = task.lines.map((line, i) =>
    screenIn(line, task.format, task.firstLine + i),
  );
  port.postMessage({ seq: task.seq, outcomes });
});
