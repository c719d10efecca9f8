import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { isScreened } from './batch/lines.ts';
import { loadScreeningModel } from './default-model.ts';
import { ensureIndicators } from './indicators/index.ts';
import { splitLines } from './input-chunks.ts';
import type { ChunkOutcome, ChunkTask } from './pool.ts';
import { isLang } from './reason-lang.ts';
import { screenLines } from './screen-line.ts';
import type { Lang } from './types.ts';

// A worker thread of the screening pool: loads the model once, then screens chunks of input bytes
// (whole lines) and answers with their output lines joined into one string.

// Posts go through the pipeline stage by stage, STAGED_POSTS at a time (screenLines): each stage's
// tables stay in the CPU cache from post to post (~20 % less CPU a post), while the posts'
// intermediate results live until the last stage. With more posts at a time, or with V8's
// allocation-site pretenuring (which then allocates those objects straight in the old generation,
// where the next posts' die too), peak memory grew by 50-250 MB (measured: bench/RESULTS.md).
// Flags are process-wide; this one only changes where new objects go, never what is computed.
const STAGED_POSTS = 128;
setFlagsFromString('--no-allocation-site-pretenuring');

const port = parentPort;
if (!port) throw new Error('screen-worker must run as a worker thread');
const modelPath: unknown = workerData?.modelPath;
const model = loadScreeningModel(typeof modelPath === 'string' ? modelPath : undefined);
// The lexicons too, so a bad data file stops the worker at start with its message (LexiconError),
// not each post.
ensureIndicators();
const wanted: unknown = workerData?.reasonLang;
const reasonLang: Lang = typeof wanted === 'string' && isLang(wanted) ? wanted : 'en';
// Invalid UTF-8 becomes U+FFFD, as readline reads it; a byte-order mark was dropped by the reader.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

port.on('message', (task: ChunkTask) => {
  const counts = { low: 0, medium: 0, high: 0, error: 0 };
  let out = '';
  let screened = 0;
  const lines = splitLines(decoder.decode(task.bytes));
  // A blank JSON Lines line is skipped (it still counts for the line numbers).
  const numbered: Array<[string, number]> = [];
  lines.forEach((line, i) => {
    if (isScreened(line, task.format)) numbered.push([line, task.firstLine + i]);
  });
  for (let from = 0; from < numbered.length; from += STAGED_POSTS) {
    const posts = numbered.slice(from, from + STAGED_POSTS);
    for (const outcome of screenLines(model, posts, task.format, reasonLang)) {
      out += `${outcome.json}\n`;
      counts[outcome.level] += 1;
      screened++;
    }
  }
  const answer: ChunkOutcome = { seq: task.seq, out, counts, screened };
  port.postMessage(answer);
});
