import { type Phrase, PhraseMatcher } from './automaton.ts';
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

// All gazetteer phrases (places, banks, chat-app labels, salary words) in one automaton: one pass over n.bare.

export type LexiconHit =
  | { type: 'place'; place: Place }
  | { type: 'not-place'; placeId: string }
  | { type: 'bank'; bank: Bank; weak: boolean }
  | { type: 'label'; platform: ChatPlatform; strong: boolean }
  | { type: 'salary'; period: Period; explicit: boolean };

let matcher: PhraseMatcher<LexiconHit> | undefined;

export function lexicon(): PhraseMatcher<LexiconHit> {
  matcher ??= buildLexicon();
  return matcher;
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
