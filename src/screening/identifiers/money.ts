import type { CountryCode } from 'libphonenumber-js/max';
import { codeAt } from '../text/chars.ts';
import { moneyWords, type Period, usdRates } from './data.ts';
import { escapeRegExp, foldKey, isSymbolUnit, wordAlternation, wordGap } from './fold.ts';

// Money amounts and salaries: "$1500/month", "lương 30 triệu/tháng", "gaji 15 juta per bulan",
// "เงินเดือน 35,000 บาท", "3000-5000 đô", "月薪 8000 美元". Numbers are found with one regex; the
// words around each number are read with anchored (sticky) regexes, so the cost is per number.

export type Money = {
  start: number;
  end: number;
  normalized: string;
  details: Record<string, string | number | boolean>;
};

// Monthly equivalents: 26 working days and 8-hour days (the usual basis of ASEAN labour law for
// daily-wage conversion), 52/12 weeks.
const PER_MONTH: Record<Period, number> = { hour: 208, day: 26, week: 52 / 12, month: 1, year: 1 / 12 };

// 1.500.000 / 1,500,000 / 1 500 000 (thousands), 1.500,50 (decimal comma), 1.5 / 1,5 / 12.50.
const NUMBER = /\d{1,3}([., {2}])\d{3}(?:\1\d{3})*(?:[.,]\d{1,2}(?!\d))?(?!\d)|\d+(?:[.,]\d+)?/g;

type Lexicon = {
  before: RegExp;
  after: RegExp;
  multiplier: RegExp;
  period: RegExp;
  range: RegExp;
  /** last characters of the currency words written before an amount */
  beforeLast: Set<number>;
  /** the length of the longest of them */
  beforeLongest: number;
  currencyOf: Map<string, string>;
  diacritics: Map<string, string>;
  multiplierOf: Map<string, number>;
  multiplierCurrency: Map<string, string>;
  multiplierNeedsCurrency: Set<string>;
  multiplierNeedsSalaryWord: Set<string>;
  periodOf: Map<string, Period>;
  periodNeedsConnector: Set<string>;
  regionCurrency: Map<string, string>;
  dollarSignUsdRegions: Set<string>;
  /** a word of notPayWords ending where this regex's match ends (run on the text before an amount) */
  notPayBefore: RegExp;
  multiplierCurrencyGuessed: Set<string>;
  rates: Map<string, number>;
  asOf: string;
};

let lexicon: Lexicon | undefined;

function buildLexicon(): Lexicon {
  const data = moneyWords();
  const rates = usdRates();
  const currencyOf = new Map<string, string>();
  const before: string[] = [];
  const after: string[] = [];
  for (const [code, words] of Object.entries(data.currencies)) {
    if (rates.rates[code] === undefined) throw new Error(`data/rates/usd-rates.json has no rate for ${code}`);
    for (const w of words.before) before.push(foldKey(w));
    for (const w of words.after) {
      after.push(foldKey(w));
      currencyOf.set(foldKey(w), code);
    }
    for (const w of words.before) if (!currencyOf.has(foldKey(w))) currencyOf.set(foldKey(w), code);
  }
  const diacritics = new Map(
    data.diacriticsRequired.map((w) => [foldKey(w), w.normalize('NFKC').toLowerCase()]),
  );
  const multiplierOf = new Map(Object.entries(data.multipliers).map(([w, v]) => [foldKey(w), v]));
  const multiplierCurrency = new Map(
    Object.entries(data.multiplierCurrency).map(([w, c]) => [foldKey(w), c]),
  );
  const periodOf = new Map<string, Period>();
  for (const [period, words] of Object.entries(data.periods)) {
    if (!isPeriod(period)) continue;
    for (const w of words) periodOf.set(foldKey(w), period);
  }
  const connectors = wordAlternation(data.periodConnectors.map(foldKey));
  const periods = wordAlternation(periodOf.keys());
  const latinBefore = (w: string) => (/^[a-z]/.test(w) ? `(?<![a-z])${escapeRegExp(w)}` : escapeRegExp(w));
  return {
    before: new RegExp(
      `(${[...new Set(before)]
        .sort((a, b) => b.length - a.length)
        .map(latinBefore)
        .join('|')})${wordGap('{0,2}')}$`,
    ),
    // Between the number and the words after it, spaces or emoji (wordGap): "20 💰 triệu".
    after: new RegExp(`(${wordGap('{0,2}')})(${wordAlternation(after)})`, 'y'),
    multiplier: new RegExp(`${wordGap('?')}(${wordAlternation(multiplierOf.keys())})`, 'y'),
    period: new RegExp(`${wordGap('*')}(?:(${connectors})${wordGap('*')})?(${periods})`, 'y'),
    range: new RegExp(
      `${wordGap('*')}(?:-|–|—|~|to|den|toi|hingga|sampai|s\\/d|ถึง|至|到)${wordGap('*')}`,
      'y',
    ),
    beforeLast: new Set(before.map((w) => w.charCodeAt(w.length - 1))),
    beforeLongest: Math.max(...before.map((w) => w.length)),
    currencyOf,
    diacritics,
    multiplierOf,
    multiplierCurrency,
    multiplierNeedsCurrency: new Set(data.multiplierNeedsCurrency.map(foldKey)),
    multiplierNeedsSalaryWord: new Set(data.multiplierNeedsSalaryWord.map(foldKey)),
    periodOf,
    periodNeedsConnector: new Set(data.periodNeedsConnector.map(foldKey)),
    regionCurrency: new Map(Object.entries(data.regionCurrency)),
    dollarSignUsdRegions: new Set(data.dollarSignUsdRegions),
    notPayBefore: new RegExp(
      `(?:^|[^\\p{L}\\p{M}])(?:${wordAlternation(data.notPayWords.map(foldKey))})(?:[^\\p{L}\\p{M}\\d]{1,3}[\\p{L}\\p{M}]{1,12}){0,2}[^\\p{L}\\p{M}\\d]{0,5}$`,
      'u',
    ),
    multiplierCurrencyGuessed: new Set(data.multiplierCurrencyGuessed.map(foldKey)),
    rates: new Map(Object.entries(rates.rates)),
    asOf: rates.asOf,
  };
}

function isPeriod(x: string): x is Period {
  return x === 'hour' || x === 'day' || x === 'week' || x === 'month' || x === 'year';
}

/** How a currency the post did not write out was chosen (see findMoney). */
export type CurrencyGuess = 'dollar-sign' | 'multiplier' | 'country';

/** A salary word in the post ("lương", "gaji", "เงินเดือน", "月薪"), found by the lexicon automaton. */
export type SalaryHit = { start: number; end: number; period: Period; explicit: boolean };

const NUMBER_AT = new RegExp(NUMBER.source, 'y');

/**
 * Money in a post. `bare` is n.bare with ASCII digits (see asciiDigits); `text` is n.text, used
 * to tell "đô" (dollar) from "do" (because) where the bare form is ambiguous.
 */
export function findMoney(
  bare: string,
  text: string,
  region: CountryCode | undefined,
  salaries: ReadonlyArray<SalaryHit> = [],
): Money[] {
  if (!/\d/.test(bare)) return [];
  lexicon ??= buildLexicon();
  const lx = lexicon;
  const found: Money[] = [];
  const numbers = NUMBER;
  numbers.lastIndex = 0;
  let consumed = 0;
  for (let m = numbers.exec(bare); m; m = numbers.exec(bare)) {
    // A number written with a leading 0 ("0912...", "08123...") is a phone or account, not an amount.
    if (m.index < consumed || /^0\d/.test(m[0])) continue;
    const first = { text: m[0], start: m.index, end: m.index + m[0].length };
    // Cheap reads first: most numbers in a post (dates, codes, counts) have no money word around.
    let firstMult = readMultiplier(lx, bare, text, first.end);
    const firstCur = readCurrencyAfter(lx, bare, text, firstMult?.end ?? first.end);
    const second = readRangeEnd(lx, bare, firstCur?.end ?? firstMult?.end ?? first.end);
    const curBefore = readCurrencyBefore(lx, bare, first.start, consumed);
    const said = salaryBefore(salaries, bare, curBefore?.start ?? first.start, consumed);
    const salary = said?.period;
    if (!firstMult && !firstCur && !second && !curBefore && !salary) continue;
    // Digits inside a word or hex string ("0x…96045", "abc123") are not an amount, unless a
    // currency is glued to them ("rp5000", "usd1500").
    if (isBareWordUnit(codeAt(bare, first.start - 1)) && !curBefore) continue;
    const lastMult = second ? readMultiplier(lx, bare, text, second.end) : firstMult;
    if (second && !firstMult && lastMult) firstMult = lastMult;
    const curAfter = second ? readCurrencyAfter(lx, bare, text, lastMult?.end ?? second.end) : firstCur;
    const stated = curBefore ?? curAfter ?? firstCur;
    let currency = stated?.code;
    // How the currency was guessed when the post does not write it out: a bare "$" outside the
    // countries where it means US$ (HK$, NT$, S$?), a multiplier used with several currencies
    // ("万": yuan, NT$, HK$; not "triệu", which is only dong), or the post's country. What reads
    // salaries (indicators/salary.ts) weighs the guess.
    let guess: CurrencyGuess | undefined =
      stated?.word === '$' && !(region && lx.dollarSignUsdRegions.has(region)) ? 'dollar-sign' : undefined;
    const multWord = lastMult?.word;
    if (multWord && lx.multiplierNeedsCurrency.has(multWord) && !currency) continue;
    if (multWord && lx.multiplierNeedsSalaryWord.has(multWord) && !said) continue;
    if (!currency && multWord) {
      currency = lx.multiplierCurrency.get(multWord);
      if (lx.multiplierCurrencyGuessed.has(multWord)) guess = 'multiplier';
    }
    // "lương 15.000.000": a salary word lets the post's country give the currency, but not for long
    // ungrouped digit strings, which are account or phone numbers.
    if (!currency && said && !said.explicit && region && !/^\d{8,}$/.test(first.text)) {
      currency = lx.regionCurrency.get(region);
      guess = 'country';
    }
    if (!currency) continue;
    const last = second ?? first;
    let end = Math.max(curAfter?.end ?? 0, lastMult?.end ?? 0, last.end);
    const period = readPeriod(lx, bare, end);
    if (period) end = period.end;
    const start = curBefore?.start ?? first.start;
    const amount = round2(parseLocalNumber(first.text) * multiplierValue(lx, firstMult));
    const amountMax = second
      ? round2(parseLocalNumber(second.text) * multiplierValue(lx, lastMult))
      : undefined;
    if (!(amount > 0) || amount > 1e13) continue;
    // "3000-5000", "1-2万" are ranges; "123-4-56789-0" is an account number.
    if (amountMax !== undefined && !(amountMax >= amount && amountMax <= amount * 100)) continue;
    const chosen = period?.period ?? salary;
    const rate = lx.rates.get(currency) ?? 1;
    // A salary in the country's currency guessed for a bare number worth under one US dollar is a
    // count, a day or a code near a salary word ("Penghasilan … Setiap 5 Hari", "Số lượng: 100").
    if (guess === 'country' && (amountMax ?? amount) / rate < 1) continue;
    const details: Record<string, string | number | boolean> = { amount, currency };
    if (guess) details.currencyGuess = guess;
    // "giá 100 triệu/tháng", "sewa ruko Rp 75 juta", "revenue reached USD 50,000": a price, a rent
    // or a revenue word just before the amount, and no salary word, says it is no one's pay. Read
    // only for an amount with a period: the salary rules read no other.
    if (chosen && !said && lx.notPayBefore.test(bare.slice(Math.max(consumed, start - 40), start)))
      details.notPay = true;
    if (amountMax !== undefined) details.amountMax = amountMax;
    if (chosen) {
      details.period = chosen;
      if (!period && !said?.explicit) details.periodAssumed = true;
      details.usdPerMonth = Math.round((amount / rate) * PER_MONTH[chosen]);
      if (amountMax !== undefined)
        details.usdPerMonthMax = Math.round((amountMax / rate) * PER_MONTH[chosen]);
    } else {
      details.usd = Math.round(amount / rate);
    }
    details.ratesAsOf = lx.asOf;
    const shown = amountMax !== undefined ? `${format(amount)}-${format(amountMax)}` : format(amount);
    consumed = end;
    numbers.lastIndex = Math.max(numbers.lastIndex, end);
    found.push({ start, end, normalized: `${shown} ${currency}${chosen ? `/${chosen}` : ''}`, details });
  }
  return found;
}

function multiplierValue(lx: Lexicon, word: Word | undefined): number {
  return word ? (lx.multiplierOf.get(word.word) ?? 1) : 1;
}

/** The second number of a range ("3000-5000 đô", "$1,500 - $3,000", "10tr-15tr"), if one follows. */
function readRangeEnd(
  lx: Lexicon,
  bare: string,
  at: number,
): { text: string; start: number; end: number } | undefined {
  lx.range.lastIndex = at;
  if (!lx.range.exec(bare)) return undefined;
  let from = lx.range.lastIndex;
  const symbol = /^(?:us\$|s\$|b\$|\$|rp|rm|₱|฿|¥|€)[ \t]?/.exec(bare.slice(from, from + 4));
  if (symbol) from += symbol[0].length;
  NUMBER_AT.lastIndex = from;
  const m = NUMBER_AT.exec(bare);
  return m ? { text: m[0], start: from, end: from + m[0].length } : undefined;
}

/** "1.500.000" → 1500000, "1,500.50" → 1500.5, "1.5" → 1.5, "1,5" → 1.5, "35,000" → 35000. */
export function parseLocalNumber(s: string): number {
  const grouped = /^\d{1,3}([., {2}])\d{3}(?:\1\d{3})*(?:([.,])(\d{1,2}))?$/.exec(s);
  if (grouped) {
    const sep = grouped[1] ?? '';
    const decimals = grouped[3];
    const intPart = decimals === undefined ? s : s.slice(0, s.length - decimals.length - 1);
    const value = Number(intPart.split(sep).join(''));
    return decimals === undefined ? value : value + Number(`0.${decimals}`);
  }
  return Number(s.replace(',', '.'));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function format(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0$/, '');
}

type Word = { word: string; end: number };

/** A word at `at` whose bare form is ambiguous must be written with its diacritics in n.text. */
function written(lx: Lexicon, text: string, word: string, at: number): boolean {
  const required = lx.diacritics.get(word);
  return required === undefined || text.startsWith(required, at);
}

function readMultiplier(lx: Lexicon, bare: string, text: string, at: number): Word | undefined {
  lx.multiplier.lastIndex = at;
  const m = lx.multiplier.exec(bare);
  const word = m?.[1];
  if (!m || !word) return undefined;
  if (!written(lx, text, word, lx.multiplier.lastIndex - word.length)) return undefined;
  return { word, end: lx.multiplier.lastIndex };
}

function readCurrencyAfter(
  lx: Lexicon,
  bare: string,
  text: string,
  at: number,
): { code: string; word: string; end: number } | undefined {
  lx.after.lastIndex = at;
  const m = lx.after.exec(bare);
  const word = m?.[2];
  if (!m || !word) return undefined;
  // "8000u" is USDT; "8000 u" and "6U32KMHGCF" (a code) are not.
  if (word === 'u' && ((m[1] ?? '').length > 0 || /[a-z0-9]/.test(bare.charAt(lx.after.lastIndex))))
    return undefined;
  if (!written(lx, text, word, lx.after.lastIndex - word.length)) return undefined;
  const code = lx.currencyOf.get(word);
  return code ? { code, word, end: lx.after.lastIndex } : undefined;
}

function readCurrencyBefore(
  lx: Lexicon,
  bare: string,
  at: number,
  notBefore: number,
): { code: string; word: string; start: number; end: number } | undefined {
  let last = at - 1;
  while (last > notBefore && isGapUnit(bare.charCodeAt(last))) last--;
  if (last < notBefore || !lx.beforeLast.has(bare.charCodeAt(last))) return undefined;
  // The longest word before an amount, and a character for the look-behind.
  const from = Math.max(notBefore, last - lx.beforeLongest);
  const m = lx.before.exec(bare.slice(from, at));
  const word = m?.[1];
  if (!m || !word) return undefined;
  const code = lx.currencyOf.get(word);
  return code ? { code, word, start: from + m.index, end: at } : undefined;
}

/** A space, a tab, or an emoji or symbol unit (see wordGap). */
function isGapUnit(code: number): boolean {
  return code === 0x20 || code === 0x09 || isSymbolUnit(code);
}

function readPeriod(lx: Lexicon, bare: string, at: number): { period: Period; end: number } | undefined {
  lx.period.lastIndex = at;
  const m = lx.period.exec(bare);
  const word = m?.[2];
  if (!m || !word) return undefined;
  if (lx.periodNeedsConnector.has(word) && !m[1]) return undefined;
  const period = lx.periodOf.get(word);
  return period ? { period, end: lx.period.lastIndex } : undefined;
}

/** A salary word or period phrase shortly before the amount, no other number between. */
function salaryBefore(
  salaries: ReadonlyArray<SalaryHit>,
  bare: string,
  at: number,
  notBefore: number,
): SalaryHit | undefined {
  // salaries are in end order (as the automaton reports them): binary search the last one ending by `at`
  let lo = 0;
  let hi = salaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((salaries[mid]?.end ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  // (no index -1 lookup: on an array that is a slow property miss, and most posts have no salary word)
  const best = lo > 0 ? salaries[lo - 1] : undefined;
  // a salary word already read as an earlier amount's period ("3000元日薪干10天") is not this one's
  if (!best || best.start < notBefore || best.end < at - 24 || /\d/.test(bare.slice(best.end, at))) {
    return undefined;
  }
  return best;
}

/** a-z, 0-9 or _ (the bare text is lower case). */
function isBareWordUnit(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39) || u === 0x5f;
}
