import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isZawgyi } from '../text/zawgyi.ts';
import { LANGS, type Lang } from '../types.ts';
import { describe, LexiconError, readJson } from './files.ts';
import { reasonsFileSchema, reasonTranslationFileSchema } from './schema.ts';

// Every indicator's reason in every reader language: reasons.en.json is the text, reasons.<lang>.json
// its translations. Matching reports the English reason; presenters pick the reader's at the end.

/** The i18n key of an indicator's reason (IndicatorMatch.reasonKey). */
export const reasonKeyOf = (id: string): string => `screening.indicators.${id}`;

/** lang → indicator id → reason. */
export type ReasonBook = ReadonlyMap<Lang, ReadonlyMap<string, string>>;

/** What is wrong with one reason's text, or null: it must be non-empty NFC Unicode, not Zawgyi. */
export function reasonTextProblem(text: string): string | null {
  if (text.trim().length === 0) return 'is empty';
  if (text.normalize('NFC') !== text) return 'is not in Unicode normalisation form NFC';
  if (isZawgyi(text)) return 'is Zawgyi-encoded Burmese (write Burmese in Unicode)';
  return null;
}

function checkTexts(file: string, reasons: Record<string, string>): void {
  for (const [id, text] of Object.entries(reasons)) {
    const problem = reasonTextProblem(text);
    if (problem) throw new LexiconError(`${file}: indicator ${id}: the reason ${problem}`);
  }
}

/** Parses the English reasons file's content. */
export function parseEnglishReasons(file: string, raw: unknown): Map<string, string> {
  const parsed = reasonsFileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  checkTexts(file, parsed.data);
  return new Map(Object.entries(parsed.data));
}

/** Parses one translation; it must give exactly the ids of the English file. */
export function parseReasonTranslation(
  file: string,
  raw: unknown,
  english: ReadonlyMap<string, string>,
  expectedLang: Lang,
): Map<string, string> {
  const parsed = reasonTranslationFileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  const { lang, reasons } = parsed.data;
  if (lang !== expectedLang) {
    throw new LexiconError(`${file}: "lang" is ${lang} but the file is named for ${expectedLang}`);
  }
  for (const id of english.keys()) {
    if (!Object.hasOwn(reasons, id)) {
      throw new LexiconError(`${file}: indicator ${id}: no reason (reasons.en.json has one)`);
    }
  }
  for (const id of Object.keys(reasons)) {
    if (!english.has(id)) {
      throw new LexiconError(`${file}: indicator ${id}: not in reasons.en.json (an extra or misspelt id)`);
    }
  }
  checkTexts(file, reasons);
  return new Map(Object.entries(reasons));
}

const isLang = (code: string): code is Lang => LANGS.some((lang) => lang === code);

/** Reads reasons.en.json and one reasons.<lang>.json for every other language Jaring serves. */
export function loadReasons(dir: string): { english: ReadonlyMap<string, string>; book: ReasonBook } {
  const englishFile = join(dir, 'reasons.en.json');
  const english = parseEnglishReasons(englishFile, readJson(englishFile));
  const book = new Map<Lang, ReadonlyMap<string, string>>([['en', english]]);
  for (const name of readdirSync(dir)) {
    const code = /^reasons\.([a-z]+)\.json$/.exec(name)?.[1];
    if (code !== undefined && !isLang(code)) {
      throw new LexiconError(
        `${join(dir, name)}: ${code} is not a language Jaring serves (${LANGS.join(', ')})`,
      );
    }
  }
  for (const lang of LANGS) {
    if (lang === 'en') continue;
    const file = join(dir, `reasons.${lang}.json`);
    if (!existsSync(file))
      throw new LexiconError(`${file}: missing (every reader language needs its reasons)`);
    book.set(lang, parseReasonTranslation(file, readJson(file), english, lang));
  }
  return { english, book };
}
