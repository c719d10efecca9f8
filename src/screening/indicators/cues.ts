import { escapeRegExp } from '../identifiers/fold.ts';
import { normalize } from '../text/index.ts';
import { LexiconError } from './files.ts';

// Cue words of the rule files (negation.json, job-context.json, salary-tiers.json, licensed.json):
// written as the matcher compares them with a post's `bare` text, and compiled into one alternation.

/**
 * How a cue is written: as the post's `bare` text has it (lower case, Latin diacritics removed,
 * digits inside words folded as evasions, traditional Chinese as simplified, Lao ໝ as ຫມ).
 */
export function bareForm(text: string): string {
  return normalize(text).bare;
}

/** Refuses a cue not written in bare form, naming the file, the language and the fix. */
export function checkBareCues(file: string, lang: string, cues: readonly string[]): void {
  for (const c of cues) {
    if (bareForm(c) !== c) {
      throw new LexiconError(
        `${file}: ${lang}: cue "${c}" must be written as "${bareForm(c)}" (as the matcher compares it: lower case, no Latin diacritics, evasions folded, simplified Chinese)`,
      );
    }
  }
}

/**
 * Latin cues are whole words; cues in scripts without spaces between words are substrings. The
 * Latin cues share one look-behind and one look-ahead (one per cue made the scan 2–30× slower).
 */
export function alternation(cues: readonly string[]): string {
  const isLatin = (c: string) => /[a-z]/.test(c);
  const latin = cues.filter(isLatin).map(escapeRegExp);
  const parts = cues.filter((c) => !isLatin(c)).map(escapeRegExp);
  if (latin.length > 0) parts.unshift(`(?<![\\p{L}\\p{N}'])(?:${latin.join('|')})(?![\\p{L}\\p{N}])`);
  return parts.join('|');
}

/** Checks every language's cues and compiles them into one alternation over a post's bare text. */
export function compileCues(
  file: string,
  byLang: Partial<Record<string, readonly string[]>>,
  where = '',
): RegExp {
  const all: string[] = [];
  for (const [lang, cues = []] of Object.entries(byLang)) {
    checkBareCues(file, lang, cues);
    all.push(...cues);
  }
  if (all.length === 0) throw new LexiconError(`${file}: ${where}no cues`);
  return new RegExp(alternation(all), 'u');
}
