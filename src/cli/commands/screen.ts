import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { Command, InvalidArgumentError } from 'commander';
import { InputError } from '../../platform/input-error.ts';
import { inputChunks } from '../../screening/input-chunks.ts';
import { createScreenPool, defaultWorkers } from '../../screening/pool.ts';
import { isLang } from '../../screening/reason-lang.ts';
import { LANGS, type Lang, type RiskLevel } from '../../screening/types.ts';
import { progressBar } from '../progress.ts';

function positiveInt(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

function reasonLang(value: string): Lang {
  if (!isLang(value)) throw new InvalidArgumentError(`must be one of ${LANGS.join(', ')}`);
  return value;
}

/** Every file can be read, before any is screened (a wrong name fails at once, with nothing written). */
function checkFiles(files: string[]): void {
  for (const file of files) {
    if (statSync(file).isDirectory()) throw new InputError(`cannot read ${file}: it is a directory`);
    accessSync(file, constants.R_OK);
  }
}

/** Each file opened when its turn comes (stdin when there are none). */
function* inputSources(files: string[]): Generator<Readable> {
  if (files.length === 0) yield process.stdin;
  for (const file of files) yield createReadStream(file, { highWaterMark: 1 << 18 });
}

const LEVELS = ['low', 'medium', 'high', 'error'] as const;

type ScreenOptions = { format: 'jsonl' | 'text'; workers: number; model?: string; reasonLang: Lang };

async function runScreen(files: string[], opts: ScreenOptions): Promise<void> {
  checkFiles(files);
  const started = performance.now();
  const pool = await createScreenPool({
    workers: opts.workers,
    modelPath: opts.model,
    reasonLang: opts.reasonLang,
  });
  const counts: Record<RiskLevel | 'error', number> = { low: 0, medium: 0, high: 0, error: 0 };
  const progress = progressBar('screened');
  // Chunks are screened in parallel but written in input order; a few per worker are in flight.
  const inFlight: Promise<void>[] = [];
  let done = 0;
  let written = Promise.resolve();
  for await (const chunk of inputChunks(inputSources(files))) {
    const result = pool.screen(chunk, opts.format);
    written = written.then(async () => {
      const outcome = await result;
      for (const level of LEVELS) counts[level] += outcome.counts[level];
      if (!process.stdout.write(outcome.out)) await new Promise((r) => process.stdout.once('drain', r));
      done += outcome.screened;
      progress.update(done);
    });
    inFlight.push(written);
    if (inFlight.length > pool.size * 4) await inFlight.shift();
  }
  await written;
  await pool.close();
  progress.finish();
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `screened ${count(done, 'post')} in ${seconds.toFixed(1)} s (${Math.round(done / Math.max(seconds, 1e-9))}/s, ${count(pool.size, 'worker')}): ` +
      `high ${counts.high}, medium ${counts.medium}, low ${counts.low}, errors ${counts.error}; ` +
      `peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function screenCommand(): Command {
  const screen = new Command('screen')
    // Options after `eval` are eval's: without this (and the program's), `screen eval --model M`
    // gave M to `screen` and evaluated the default model.
    .enablePositionalOptions()
    .description(
      'Screen posts for trafficking-recruitment red flags: JSON Lines (or --format text) from files or stdin',
    )
    .argument('[files...]', 'input files (default: stdin)')
    .option(
      '--format <format>',
      'jsonl (one {"text", "id"?, "country"?, "lang"?, ...} per line) or text',
      'jsonl',
    )
    .option('--workers <n>', 'worker threads (default: all cores)', positiveInt, defaultWorkers())
    .option('--model <file>', 'a model file (default: the bundled model)')
    .option(
      '--reason-lang <code>',
      `language of the indicator reasons: ${LANGS.join(', ')}`,
      reasonLang,
      'en',
    )
    .action(
      async (
        files: string[],
        opts: { format: string; workers: number; model?: string; reasonLang: Lang },
      ) => {
        if (opts.format !== 'jsonl' && opts.format !== 'text')
          throw new InvalidArgumentError('--format must be jsonl or text');
        await runScreen(files, {
          format: opts.format,
          workers: opts.workers,
          reasonLang: opts.reasonLang,
          ...(opts.model ? { model: opts.model } : {}),
        });
      },
    );

  screen
    .command('eval')
    .description(
      'Score the screening configuration against labelled JSON Lines ({"text", "label": 0|1}); prints one JSON object',
    )
    .requiredOption('--data <file>', 'labelled JSON Lines', (v: string, prev: string[] = []) => [...prev, v])
    .option('--model <file>', 'use this trained model instead of the default')
    .action(async (opts: { data: string[]; model?: string }) => {
      // loaded here: `jaring screen` itself runs the pipeline only in its worker threads
      const { evaluateScreening } = await import('../../screening/evaluate.ts');
      const metrics = await evaluateScreening(opts.data, opts.model);
      process.stdout.write(`${JSON.stringify(metrics)}\n`);
    });
  return screen;
}
