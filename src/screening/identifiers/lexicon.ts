import type { NormalizedText } from '../types.ts';
import { type Phrase, type PhraseHit, PhraseMatcher } from './automaton.ts';
import {
  type Bank,
  banks,
  type ChatPlatform,
  chatApps,
  hotspots,
  moneyWords,
  type Period,
  type Place,
} from './data.ts';
import { isSpaceChar } from './fold.ts';

// All gazetteer phrases (places, banks, chat-app labels, salary words) in one automaton: one pass over n.bare.

export type LexiconHit =
  | { type: 'place'; place: Place }
  | { type: 'not-place'; placeId: string }
  | { type: 'bank'; bank: Bank; weak: boolean }
  | { type: 'label'; platform: ChatPlatform; strong: boolean }
  | { type: 'salary'; period: Period; explicit: boolean };

let matcher: PhraseMatcher<LexiconHit> | undefined;
/** The letters of each phrase written with Latin diacritics ("lương"), by its hit value. */
const diacritics = new WeakMap<LexiconHit, string>();

export function lexicon(): PhraseMatcher<LexiconHit> {
  matcher ??= buildLexicon();
  return matcher;
}

/**
 * The lexicon's phrases in a post. They are matched without diacritics, so that "luong" finds
 * "lương"; but a letter the post wrote with a diacritic must have that diacritic in the phrase:
 * "lưu lượng" (data volume) is not "lương" (salary).
 */
export function scanLexicon(n: NormalizedText): Array<PhraseHit<LexiconHit>> {
  return lexicon()
    .scan(n.bare)
    .filter((h) => {
      const letters = diacritics.get(h.value);
      return letters === undefined || diacriticsAgree(n, h.start, h.end, letters);
    });
}

function diacriticsAgree(n: NormalizedText, start: number, end: number, letters: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const code = n.bare.charCodeAt(i);
    if (isSpaceChar(code)) continue;
    const written = n.text.charAt(i);
    if (written !== n.bare.charAt(i) && written !== letters.charAt(k)) return false;
    k++;
  }
  return true;
}

/** Letters of a phrase with Latin diacritics, for diacriticsAgree; undefined when it has none. */
function lettersWithDiacritics(phrase: string): string | undefined {
  const form = phrase.normalize('NFKC').toLowerCase();
  if (!/[\u00c0-\u024f\u1e00-\u1eff]/.test(form)) return undefined;
  let letters = '';
  for (const ch of form) if (!isSpaceChar(ch.charCodeAt(0))) letters += ch;
  return letters;
}

function buildLexicon(): PhraseMatcher<LexiconHit> {
  const phrases: Array<Phrase<LexiconHit>> = [];
  for (const place of hotspots().places) {
    for (const aliases of Object.values(place.aliases)) {
      for (const alias of aliases) {
        phrases.push({ phrase: alias, value: { type: 'place', place } });
        // "Shwe Kokko" is also typed "ShweKokko", "Phnom Penh" as "PhnomPenh".
        if (
          /^[\p{Script=Latin}\s-]+$/u.test(alias) &&
          /\s/.test(alias) &&
          alias.replace(/[\s-]/g, '').length >= 6
        ) {
          phrases.push({ phrase: alias.replace(/[\s-]/g, ''), value: { type: 'place', place } });
        }
      }
    }
    for (const phrase of place.exclude ?? [])
      phrases.push({ phrase, value: { type: 'not-place', placeId: place.id } });
  }
  for (const bank of banks().banks) {
    const weak = new Set(bank.weakAliases ?? []);
    for (const alias of bank.aliases)
      phrases.push({ phrase: alias, value: { type: 'bank', bank, weak: weak.has(alias) } });
  }
  for (const [platform, words] of Object.entries(chatApps().platforms)) {
    if (!isPlatform(platform)) continue;
    // A number may follow a label with no space ("zalo0912345678", "WA081234567890").
    for (const phrase of words.labels)
      phrases.push({ phrase, value: { type: 'label', platform, strong: false }, digitsMayFollow: true });
    for (const phrase of words.strongLabels)
      phrases.push({ phrase, value: { type: 'label', platform, strong: true }, digitsMayFollow: true });
  }
  // Salary words imply a period ("lương" → month); period phrases state it ("mỗi tháng", "每月").
  for (const [period, words] of Object.entries(moneyWords().salaryWords)) {
    if (!isPeriod(period)) continue;
    for (const phrase of words ?? [])
      phrases.push({ phrase, value: { type: 'salary', period, explicit: false } });
  }
  for (const [period, words] of Object.entries(moneyWords().periodPhrases)) {
    if (!isPeriod(period)) continue;
    for (const phrase of words ?? [])
      phrases.push({ phrase, value: { type: 'salary', period, explicit: true } });
  }
  for (const { phrase, value } of phrases) {
    const letters = lettersWithDiacritics(phrase);
    if (letters !== undefined) diacritics.set(value, letters);
  }
  return new PhraseMatcher(phrases);
}

const PLATFORMS: ReadonlySet<string> = new Set<ChatPlatform>([
  'telegram',
  'whatsapp',
  'line',
  'zalo',
  'wechat',
  'signal',
  'facebook',
  'tiktok',
]);

function isPeriod(x: string): x is Period {
  return x === 'hour' || x === 'day' || x === 'week' || x === 'month' || x === 'year';
}

function isPlatform(x: string): x is ChatPlatform {
  return PLATFORMS.has(x);
}
