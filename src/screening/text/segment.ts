import type { LangOrUnknown } from '../types.ts';
import { isWordUnit } from './chars.ts';

export type Word = { start: number; end: number; word: string };

type Locale = 'th' | 'lo' | 'km' | 'my' | 'zh';

/** Scripts written without spaces between words; their runs go to Intl.Segmenter. */
function unspacedLocale(u: number): Locale | null {
  if (u < 0x0e01) return null;
  if (u <= 0x0e5b) return 'th';
  if (u >= 0x0e81 && u <= 0x0edf) return 'lo';
  if (u >= 0x1000 && u <= 0x109f) return 'my';
  if ((u >= 0x1780 && u <= 0x17ff) || (u >= 0x19e0 && u <= 0x19ff)) return 'km';
  if ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf)) return 'zh';
  if ((u >= 0xa9e0 && u <= 0xa9ff) || (u >= 0xaa60 && u <= 0xaa7f)) return 'my';
  return null;
}

const segmenters = new Map<Locale, Intl.Segmenter>();
function segmenterFor(locale: Locale): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (s === undefined) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

// Intl.Segmenter costs ~0.5 µs per character (dictionary break iteration, measured on Thai), 50×
// the hand-written splitter; recruitment spam repeats, so word boundaries of runs are memoised.
const MEMO_LIMIT = 4096;
const MEMO_MAX_RUN = 256;
const memo = new Map<string, Int32Array>();

function runBoundaries(run: string, locale: Locale): Int32Array {
  const cached = run.length <= MEMO_MAX_RUN ? memo.get(run) : undefined;
  if (cached) return cached;
  const bounds: number[] = [];
  for (const s of segmenterFor(locale).segment(run)) {
    if (s.isWordLike) bounds.push(s.index, s.index + s.segment.length);
  }
  const result = Int32Array.from(bounds);
  if (run.length <= MEMO_MAX_RUN) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(run, result);
  }
  return result;
}

const isApostrophe = (u: number): boolean => u === 0x27 || u === 0x2019;

/**
 * Words of `text` with their [start, end) in it. Runs of Thai, Lao, Khmer, Myanmar and Han go to
 * Intl.Segmenter (one cached per locale, word-like segments only) whatever `lang` says, since the
 * script decides; everything else is split by a hand-written scanner into runs of letters, digits
 * and marks (an apostrophe between letters stays inside: "don't"). `_lang` is accepted for callers
 * that know the language, but the script of each run decides (a Thai post quoting English still
 * splits the English by spaces).
 */
export function segmentWords(text: string, _lang: LangOrUnknown): Word[] {
  const words: Word[] = [];
  scanWords(text, (start, end) => words.push({ start, end, word: text.slice(start, end) }));
  return words;
}

/** The words of `text` alone, as segmentWords finds them (the classifier's tokens). */
export function wordTokens(text: string): string[] {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(text.slice(start, end)));
  return words;
}

function scanWords(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const u = text.charCodeAt(i);
    const locale = unspacedLocale(u);
    if (locale !== null) {
      let j = i + 1;
      while (j < n && unspacedLocale(text.charCodeAt(j)) === locale) j++;
      const bounds = runBoundaries(text.slice(i, j), locale);
      for (let k = 0; k + 1 < bounds.length; k += 2) emit(i + (bounds[k] ?? 0), i + (bounds[k + 1] ?? 0));
      i = j;
      continue;
    }
    if (!isWordUnit(u)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j >= n) break;
      const c = text.charCodeAt(j);
      if (isWordUnit(c) && unspacedLocale(c) === null) {
        j++;
        continue;
      }
      if (
        isApostrophe(c) &&
        j + 1 < n &&
        isWordUnit(text.charCodeAt(j + 1)) &&
        unspacedLocale(text.charCodeAt(j + 1)) === null
      ) {
        j += 2;
        continue;
      }
      break;
    }
    emit(i, j);
    i = j;
  }
}
