import type { CountryCode } from 'libphonenumber-js/max';
import { type Period, moneyWords, usdRates } from './data.ts';
import { foldKey } from './fold.ts';

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
const NUMBER = /\d{1,3}([.,  ])\d{3}(?:\1\d{3})*(?:[.,]\d{1,2}(?!\d))?(?!\d)|\d+(?:[.,]\d+)?/g;

type Lexicon = {
  before: RegExp;
  after: RegExp;
  multiplier: RegExp;
  period: RegExp;
  range: RegExp;
  leftPeriod: RegExp;
  salary: RegExp;
  currencyOf: Map<string, string>;
  diacritics: Map<string, string>;
  multiplierOf: Map<string, number>;
  multiplierCurrency: Map<string, string>;
  multiplierNeedsCurrency: Set<string>;
  periodOf: Map<string, Period>;
  periodNeedsConnector: Set<string>;
  salaryPeriodOf: Map<string, Period>;
  regionCurrency: Map<string, string>;
  rates: Map<string, number>;
  asOf: string;
};

let lexicon: Lexicon | undefined;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Alternation, longest first; Latin words must not run into a following letter. */
function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => (/[a-z]$/.test(w) ? `${escape(w)}(?![a-z])` : escape(w)))
    .join('|');
}

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
  const diacritics = new Map(data.diacriticsRequired.map((w) => [foldKey(w), w.normalize('NFKC').toLowerCase()]));
  const multiplierOf = new Map(Object.entries(data.multipliers).map(([w, v]) => [foldKey(w), v]));
  const multiplierCurrency = new Map(Object.entries(data.multiplierCurrency).map(([w, c]) => [foldKey(w), c]));
  const periodOf = new Map<string, Period>();
  for (const [period, words] of Object.entries(data.periods)) {
    if (!isPeriod(period)) continue;
    for (const w of words) periodOf.set(foldKey(w), period);
  }
  const salaryPeriodOf = new Map<string, Period>();
  for (const [period, words] of Object.entries(data.salaryWords)) {
    if (!isPeriod(period)) continue;
    for (const w of words ?? []) salaryPeriodOf.set(foldKey(w), period);
  }
  const connectors = alternation(data.periodConnectors.map(foldKey));
  const periods = alternation(periodOf.keys());
  const latinBefore = (w: string) => (/^[a-z]/.test(w) ? `(?<![a-z])${escape(w)}` : escape(w));
  return {
    before: new RegExp(`(?:${[...new Set(before)].sort((a, b) => b.length - a.length).map(latinBefore).join('|')})[ \\t]{0,2}$`),
    after: new RegExp(`([ \\t]{0,2})(${alternation(after)})`, 'y'),
    multiplier: new RegExp(`[ \\t]?(${alternation(multiplierOf.keys())})`, 'y'),
    period: new RegExp(`[ \\t]*(?:(${connectors})[ \\t]*)?(${periods})`, 'y'),
    range: /[ \t]*(?:-|–|—|~|to|den|toi|hingga|sampai|s\/d|ถึง|至|到)[ \t]*/y,
    leftPeriod: new RegExp(`(?:${connectors})[ \\t]*(${periods})`, 'g'),
    salary: new RegExp(`(${alternation(salaryPeriodOf.keys())})`, 'g'),
    currencyOf,
    diacritics,
    multiplierOf,
    multiplierCurrency,
    multiplierNeedsCurrency: new Set(data.multiplierNeedsCurrency.map(foldKey)),
    periodOf,
    periodNeedsConnector: new Set(data.periodNeedsConnector.map(foldKey)),
    salaryPeriodOf,
    regionCurrency: new Map(Object.entries(data.regionCurrency)),
    rates: new Map(Object.entries(rates.rates)),
    asOf: rates.asOf,
  };
}

function isPeriod(x: string): x is Period {
  return x === 'hour' || x === 'day' || x === 'week' || x === 'month' || x === 'year';
}

type Amount = { value: number; start: number; end: number };

/**
 * Money in a post. `bare` is n.bare with ASCII digits (see asciiDigits); `text` is n.text, used
 * to tell "đô" (dollar) from "do" (because) where the bare form is ambiguous.
 */
export function findMoney(bare: string, text: string, region: CountryCode | undefined): Money[] {
  if (!/\d/.test(bare)) return [];
  lexicon ??= buildLexicon();
  const lx = lexicon;
  const found: Money[] = [];
  const numbers = [...bare.matchAll(NUMBER)];
  let consumed = 0;
  for (let k = 0; k < numbers.length; k++) {
    const m = numbers[k];
    // A number written with a leading 0 ("0912...", "08123...") is a phone or account, not an amount.
    if (!m || m.index < consumed || /^0\d/.test(m[0])) continue;
    const first: Amount = { value: parseLocalNumber(m[0]), start: m.index, end: m.index + m[0].length };
    let second: Amount | undefined;
    // A range: "3000-5000 đô", "$1,500 - $3,000", "10tr-15tr"
    let firstMult = readMultiplier(lx, bare, text, first.end);
    const afterFirst = firstMult?.end ?? first.end;
    const firstCurAfter = readCurrencyAfter(lx, bare, text, afterFirst);
    lx.range.lastIndex = firstCurAfter?.end ?? afterFirst;
    const range = lx.range.exec(bare);
    const next = numbers[k + 1];
    if (range && next) {
      let at = lx.range.lastIndex;
      const symbol = readCurrencyBeforeAt(lx, bare, at, next.index);
      if (symbol !== undefined) at = next.index;
      if (next.index === at) {
        second = { value: parseLocalNumber(next[0]), start: next.index, end: next.index + next[0].length };
        k++;
      }
    }
    const last = second ?? first;
    const lastMult = second ? readMultiplier(lx, bare, text, second.end) : firstMult;
    if (second && !firstMult && lastMult) firstMult = lastMult;
    const curAfter = readCurrencyAfter(lx, bare, text, lastMult?.end ?? last.end) ?? (second ? undefined : firstCurAfter);
    const curBefore = readCurrencyBefore(lx, bare, first.start, consumed);
    // Digits inside a word or hex string ("0x…96045", "abc123") are not an amount, unless a
    // currency is glued to them ("rp5000", "usd1500").
    if (/[a-z0-9_]/.test(bare.charAt(first.start - 1)) && curBefore?.end !== first.start) continue;
    let currency = curBefore?.code ?? curAfter?.code ?? firstCurAfter?.code;
    const multWord = lastMult?.word;
    if (multWord && lx.multiplierNeedsCurrency.has(multWord) && !currency) continue;
    if (!currency && multWord) currency = lx.multiplierCurrency.get(multWord);
    let end = Math.max(curAfter?.end ?? 0, lastMult?.end ?? 0, last.end);
    const period = readPeriod(lx, bare, end);
    if (period) end = period.end;
    const start = curBefore?.start ?? first.start;
    const salary = readSalary(lx, bare, start);
    if (!currency && salary && region) currency = lx.regionCurrency.get(region);
    if (!currency) continue;
    const factor = firstMult ? (lx.multiplierOf.get(firstMult.word) ?? 1) : 1;
    const lastFactor = lastMult ? (lx.multiplierOf.get(lastMult.word) ?? 1) : 1;
    const amount = round2(first.value * factor);
    const amountMax = second ? round2(second.value * lastFactor) : undefined;
    if (!(amount > 0) || amount > 1e13 || (amountMax !== undefined && !(amountMax >= amount))) continue;
    const leftPeriod = period ? undefined : readLeftPeriod(lx, bare, start);
    const chosen = period?.period ?? leftPeriod ?? salary;
    const rate = lx.rates.get(currency) ?? 1;
    const details: Record<string, string | number | boolean> = { amount, currency };
    if (amountMax !== undefined) details.amountMax = amountMax;
    if (chosen) {
      details.period = chosen;
      if (!period && !leftPeriod) details.periodAssumed = true;
      details.usdPerMonth = Math.round((amount / rate) * PER_MONTH[chosen]);
      if (amountMax !== undefined) details.usdPerMonthMax = Math.round((amountMax / rate) * PER_MONTH[chosen]);
    } else {
      details.usd = Math.round(amount / rate);
    }
    details.ratesAsOf = lx.asOf;
    const shown = amountMax !== undefined ? `${format(amount)}-${format(amountMax)}` : format(amount);
    consumed = end;
    found.push({ start, end, normalized: `${shown} ${currency}${chosen ? `/${chosen}` : ''}`, details });
  }
  return found;
}

/** "1.500.000" → 1500000, "1,500.50" → 1500.5, "1.5" → 1.5, "1,5" → 1.5, "35,000" → 35000. */
export function parseLocalNumber(s: string): number {
  const grouped = /^\d{1,3}([.,  ])\d{3}(?:\1\d{3})*(?:([.,])(\d{1,2}))?$/.exec(s);
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

function readCurrencyAfter(lx: Lexicon, bare: string, text: string, at: number): { code: string; end: number } | undefined {
  lx.after.lastIndex = at;
  const m = lx.after.exec(bare);
  const word = m?.[2];
  if (!m || !word) return undefined;
  // "8000u" is USDT; "8000 u" is not.
  if (word === 'u' && ((m[1] ?? '').length > 0 || /[a-z]/.test(bare.charAt(lx.after.lastIndex)))) return undefined;
  if (!written(lx, text, word, lx.after.lastIndex - word.length)) return undefined;
  const code = lx.currencyOf.get(word);
  return code ? { code, end: lx.after.lastIndex } : undefined;
}

function readCurrencyBefore(
  lx: Lexicon,
  bare: string,
  at: number,
  notBefore: number,
): { code: string; start: number; end: number } | undefined {
  const from = Math.max(notBefore, at - 8);
  const m = lx.before.exec(bare.slice(from, at));
  if (!m) return undefined;
  const code = lx.currencyOf.get(m[0].trim());
  return code ? { code, start: from + m.index, end: at } : undefined;
}

/** Position-checked currency symbol between a range dash and the second number ("$1,500 - $3,000"). */
function readCurrencyBeforeAt(lx: Lexicon, bare: string, from: number, numberStart: number): string | undefined {
  if (numberStart <= from || numberStart - from > 5) return undefined;
  const m = lx.before.exec(bare.slice(from, numberStart));
  return m && m.index === 0 ? m[0] : undefined;
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

/** "mỗi tháng 30 triệu", "per month: $1500", "每月8000元" */
function readLeftPeriod(lx: Lexicon, bare: string, at: number): Period | undefined {
  let period: Period | undefined;
  for (const m of bare.slice(Math.max(0, at - 16), at).matchAll(lx.leftPeriod)) {
    period = lx.periodOf.get(m[1] ?? '') ?? period;
  }
  return period;
}

/** A salary word shortly before the amount: the period it implies ("lương" → month, "日薪" → day). */
function readSalary(lx: Lexicon, bare: string, at: number): Period | undefined {
  let period: Period | undefined;
  for (const m of bare.slice(Math.max(0, at - 32), at).matchAll(lx.salary)) {
    period = lx.salaryPeriodOf.get(m[1] ?? '') ?? period;
  }
  return period;
}
