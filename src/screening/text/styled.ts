// Loads data/lang/styled-letters.json: the letters fancy-text generators use in place of plain Latin
// ones ("ᴛᴇʟᴇɢʀᴀᴍ", "🆃🅴🅻🅴🅶🆁🅰🅼"), which NFKC leaves alone. Validated at start-up.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';

const FILE = 'data/lang/styled-letters.json';

const schema = z.strictObject({
  version: z.number().int().min(1),
  description: z.string().min(1),
  sources: z.array(z.string().min(1)).min(1),
  map: z.record(z.string(), z.string().regex(/^[A-Za-z]$/, 'must be one Latin letter')),
});

/** Parses the file's content: code point → the letter's code unit. */
export function parseStyledLetters(raw: unknown, file = FILE): Map<number, number> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${file} is invalid: ${issue?.path.join('.') || '(file)'}: ${issue?.message}`);
  }
  const letters = new Map<number, number>();
  for (const [styled, letter] of Object.entries(r.data.map)) {
    if ([...styled].length !== 1)
      throw new Error(`${file} is invalid: map."${styled}": must be one character`);
    const cp = styled.codePointAt(0) ?? 0;
    if (cp < 0x80) throw new Error(`${file} is invalid: map."${styled}": a plain ASCII character`);
    letters.set(cp, letter.charCodeAt(0));
  }
  return letters;
}

const STYLED = parseStyledLetters(
  JSON.parse(readFileSync(repoPath('data', 'lang', 'styled-letters.json'), 'utf8')),
);

/** The plain letter (a code unit) that a styled letter stands for, or 0. */
export function styledLetterOf(cp: number): number {
  return STYLED.get(cp) ?? 0;
}
