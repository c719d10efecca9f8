import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** A data file that cannot be used; the message names the file and, when known, the indicator. */
export class LexiconError extends Error {
  override name = 'LexiconError';
}

export function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LexiconError(`${file}: cannot be read (${code === 'ENOENT' ? 'no such file' : code})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LexiconError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
