import { codeAt } from '../text/chars.ts';
import { isSymbolUnit } from './fold.ts';

// Cheap one-pass scans over the normalised text that decide where the costly extractors run.

/** Decimal digits of the scripts Jaring screens → ASCII, same length (Thai ๐-๙, Lao, Khmer, Burmese ...). */
export function asciiDigits(s: string): string {
  if (
    !/[\u0660-\u0669\u06f0-\u06f9\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u1090-\u1099\u17e0-\u17e9\u101d]/.test(
      s,
    )
  ) {
    return s;
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const d = digitValue(code);
    if (d >= 0) out += String.fromCharCode(0x30 + d);
    else if (code === 0x101d && (isMyanmarDigit(codeAt(s, i - 1)) || isMyanmarDigit(codeAt(s, i + 1)))) {
      // Burmese letter wa (ဝ) typed for the digit zero (၀) inside numbers.
      out += '0';
    } else out += s.charAt(i);
  }
  return out;
}

function isMyanmarDigit(code: number): boolean {
  return code >= 0x1040 && code <= 0x1049;
}

function digitValue(code: number): number {
  if (code < 0x660) return -1;
  for (const zero of [0x660, 0x6f0, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0]) {
    if (code >= zero && code <= zero + 9) return code - zero;
  }
  return -1;
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || isDigit(code) || code === 0x5f;
}

/** A run of digits written as one number: "+84 (91) 234-5678", "123-4-56789-0", "1.500.000". */
export type DigitRun = {
  start: number;
  end: number;
  /** the digits only */
  digits: string;
  /** written with a leading + */
  plus: boolean;
  /** digits per group, split at separators */
  groups: number[];
  /** groups are separated by dots only, first group 1-3 digits and the rest exactly 3 (1.500.000) */
  thousands: boolean;
};

const GROUP_SEPARATORS = new Set([
  0x20, 0x2e, 0x2d, 0x28, 0x29, 0xa0, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212,
]);
// Words people glue to a number without a space: "SĐT0912...", "LH:0912", "WA0812...".
const GLUE_WORDS = new Set([
  'sdt',
  'dt',
  'lh',
  'hp',
  'tel',
  'telp',
  'phone',
  'mobile',
  'hotline',
  'call',
  'wa',
  'zalo',
  'zl',
  'line',
  'no',
  'nomor',
  'ib',
  'inbox',
  'sms',
  'viber',
  'signal',
  'tg',
  'tele',
  'x',
]);

/** Numbers with at least `minDigits` digits, scanning `s` (ASCII digits, see asciiDigits) once. */
export function findDigitRuns(s: string, minDigits: number): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < s.length) {
    // The next digit (a loop, not a RegExp: no match object a run).
    while (i < s.length && !isDigit(s.charCodeAt(i))) i++;
    if (i === s.length) break;
    // Start of a run: take a "+" or "(+" or "(" right before it.
    let start = i;
    let plus = false;
    if (codeAt(s, start - 1) === 0x2b) {
      plus = true;
      start--;
      if (codeAt(s, start - 1) === 0x28) start--;
    } else if (codeAt(s, start - 1) === 0x28) start--;
    const groups: number[] = [];
    let digits = '';
    let current = 0;
    let dotsOnly = true;
    let j = i;
    let end = i;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (isDigit(c)) {
        let k = j + 1;
        while (k < s.length && isDigit(s.charCodeAt(k))) k++;
        digits += s.slice(j, k);
        current += k - j;
        j = k;
        end = j;
        continue;
      }
      // Up to three separator characters, then the run must go on with a digit ("(+84) 91", " - ").
      let k = j;
      while (k < s.length && k - j < 3 && GROUP_SEPARATORS.has(s.charCodeAt(k))) k++;
      // Emoji part the groups of a number written as a phone (from 0 or +), not a price from one.
      if (k - j <= 1 && current <= 5 && (plus || digits.charCodeAt(0) === 0x30)) k = afterSymbols(s, k);
      if (k === j || !isDigit(codeAt(s, k))) break;
      // "9704...1278": an ellipsis masks the digits between, it does not group them
      if (c === 0x2e && codeAt(s, j + 1) === 0x2e) break;
      if (k - j !== 1 || c !== 0x2e) dotsOnly = false;
      groups.push(current);
      current = 0;
      j = k;
    }
    groups.push(current);
    if (s.charCodeAt(start) === 0x28) {
      if (codeAt(s, end) === 0x29) end++;
      else if (!s.slice(start, end).includes(')')) start++;
    }
    i = Math.max(j, i + 1);
    if (digits.length < minDigits) continue;
    if (!freeStanding(s, start, end)) continue;
    const thousands =
      dotsOnly && groups.length > 1 && (groups[0] ?? 0) <= 3 && groups.slice(1).every((g) => g === 3);
    runs.push({ start, end, digits, plus, groups, thousands });
  }
  return runs;
}

/**
 * Emoji between digit groups ("0812 🔥 3456 🔥 7890", "0912📞345678"): one or two pictographs
 * (SYMBOL_UNITS, up to four code units) at `k`, then at most one space; `k` itself when none.
 */
function afterSymbols(s: string, k: number): number {
  let m = k;
  while (m < s.length && m - k < 4 && isSymbolUnit(s.charCodeAt(m))) m++;
  if (m === k || isSymbolUnit(codeAt(s, m))) return k;
  return codeAt(s, m) === 0x20 ? m + 1 : m;
}

/** A number is not part of a word, a hex string or a URL path unless a known label is glued to it. */
function freeStanding(s: string, start: number, end: number): boolean {
  const after = codeAt(s, end);
  if (isAsciiWordChar(after)) return false;
  const before = codeAt(s, start - 1);
  // & = # and / after a letter: URL parts ("?id=0912345678", "/user/0912345678"); a slash after a
  // digit lists numbers ("0852.../0823...")
  if (before === 0x26 || before === 0x3d || before === 0x23) return false;
  if (before === 0x2f && !isDigit(codeAt(s, start - 2))) return false;
  if (!isAsciiWordChar(before)) return true;
  let k = start - 1;
  while (k >= 0 && k > start - 9 && isAsciiWordChar(s.charCodeAt(k)) && !isDigit(s.charCodeAt(k))) k--;
  if (k >= 0 && isAsciiWordChar(s.charCodeAt(k))) return false;
  return GLUE_WORDS.has(s.slice(k + 1, start).toLowerCase());
}
