import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../platform/input-error.ts';
import { repoPath } from '../../platform/paths.ts';
import type { Example } from './model.ts';

// The shared benchmark sets live beside the repository (../shared/datasets/) and are never
// copied into it. JARING_DATASETS_DIR points elsewhere.
export function datasetsDir(): string {
  return process.env.JARING_DATASETS_DIR
    ? resolve(process.env.JARING_DATASETS_DIR)
    : repoPath('..', 'shared', 'datasets');
}

export function datasetsAvailable(): boolean {
  return existsSync(join(datasetsDir(), 'sms-th.jsonl'));
}

const rowSchema = z.object(
  {
    id: z.string({ error: 'must be a string' }).optional(),
    text: z.string({ error: 'must be a string' }),
    label: z.union([z.literal(0), z.literal(1)], { error: 'must be the number 0 or 1' }),
    lang: z.string({ error: 'must be a string' }).optional(),
  },
  { error: 'must be a JSON object with "text" and "label"' },
);

/**
 * Reads a JSON Lines file of {text, label, lang?} rows. An error names the file, the line and the
 * field ("data.jsonl:3: label must be the number 0 or 1"); a file without rows is an error too.
 */
export function readExamplesFile(path: string): Example[] {
  if (!existsSync(path)) throw new InputError(`dataset not found: ${path}`);
  const examples: Example[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new InputError(`${path}:${i + 1}: not valid JSON`);
      }
      const parsed = rowSchema.safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.');
        throw new InputError(`${path}:${i + 1}: ${field ? `${field} ` : ''}${issue?.message ?? 'bad row'}`);
      }
      const { text, label, lang } = parsed.data;
      examples.push(lang === undefined ? { text, label } : { text, label, lang });
    });
  if (examples.length === 0) throw new InputError(`${path} holds no labelled rows`);
  return examples;
}

export const SMS_LANGS = ['th', 'id', 'vi'] as const;

/** The shared SMS scam benchmark for one language (sms-<lang>.jsonl). */
export function loadSmsDataset(lang: (typeof SMS_LANGS)[number]): Example[] {
  const dir = datasetsDir();
  const path = join(dir, `sms-${lang}.jsonl`);
  if (!existsSync(path)) {
    throw new Error(
      `The shared datasets are missing: ${path} does not exist. Put the shared folder beside the repository ` +
        '(../shared/datasets/) or set JARING_DATASETS_DIR.',
    );
  }
  return readExamplesFile(path);
}
