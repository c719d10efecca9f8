import { LexiconError } from './files.ts';

// Cue words of the rule files (negation.json, job-context.json): written as the matcher compares
// them with a post's `bare` text, and compiled into one alternation.

/** How a cue is written: lower case, Latin diacritics removed (the post's `bare` text has them so). */
export function bareForm(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** Refuses a cue not written in bare form, naming the file, the language and the fix. */
export function checkBareCues(file: string, lang: string, cues: readonly string[]): void {
  for (const c of cues) {
    if (bareForm(c) !== c) {
      throw new LexiconError(
        `${file}: ${lang}: cue "${c}" must be written as "${bareForm(c)}" (lower case, no Latin diacritics)`,
      );
    }
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin cues are whole words; cues in scripts without spaces between words are substrings. */
export function alternation(cues: readonly string[]): string {
  return cues
    .map((c) =>
      /[a-z]/.test(c) ? `(?<![\\p{L}\\p{N}'])${escapeRegex(c)}(?![\\p{L}\\p{N}])` : escapeRegex(c),
    )
    .join('|');
}
