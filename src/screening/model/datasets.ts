import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
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

const rowSchema = z.object({
  id: z.string().optional(),
  text: z.string(),
  label: z.union([z.literal(0), z.literal(1)]),
  lang: z.string().optional(),
});

/** Reads a JSON Lines file of {text, label, lang?} rows, with the line number in any error. */
export function readExamplesFile(path: string): Example[] {
  if (!existsSync(path)) throw new Error(`dataset not found: ${path}`);
  const examples: Example[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = rowSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'bad row'}`);
      const { text, label, lang } = parsed.data;
      examples.push(lang === undefined ? { text, label } : { text, label, lang });
    });
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
