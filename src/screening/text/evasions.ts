// Pass C of normalize(): folds filter evasions, on lower-cased units, into `out` (origins carried):
//  - spelled-out digits, in runs of ≥ 4 ("zero eight nine one", "không tám chín bảy", "ศูนย์แปดเก้า...") → "0891"
//  - single letters split by dots/spaces/dashes/underscores, ≥ 3 of them ("w.h.a.t.s.a.p.p") → "whatsapp"
//  - leetspeak inside Latin words ("t3legram" → "telegram"), never in numbers, URLs, handles or e-mails.
// Every rule is a forward scan with bounded look-ahead: linear time, no regular expressions.
import type { UnitBuffer } from './buffer.ts';
import { bareOf, isAsciiDigit, isLatinLetter, isWordUnit } from './chars.ts';
import { LATIN_DIGIT_PREFIX, LATIN_DIGIT_TRIE, THAI_DIGIT_TRIE, trieChild } from './fold-data.ts';

const MIN_SPELLED = 4;
const MIN_SPACED = 3;
const MAX_LEET_TOKEN = 24;

let units: Uint16Array = new Uint16Array(0);
let origins: Uint32Array = new Uint32Array(0);
let n = 0;

const at = (k: number): number => (k >= 0 && k < n ? (units[k] ?? 0) : 0);
const originAt = (k: number): number => origins[k] ?? 0;
const isThai = (u: number): boolean => u >= 0x0e01 && u <= 0x0e5b;

export function evasionPass(src: UnitBuffer, out: UnitBuffer): void {
  units = src.units;
  origins = src.origins;
  n = src.length;
  out.reset(n + 16);
  let i = 0;
  while (i < n) {
    const u = units[i] ?? 0;
    if (!isWordUnit(u)) {
      let j = i + 1;
      while (j < n && !isWordUnit(units[j] ?? 0)) j++;
      out.append(units, origins, i, j);
      i = j;
      continue;
    }
    if (isLatinLetter(u) || isAsciiDigit(u)) {
      let next = spelledRun(i, out, false);
      if (next === i) next = spacedRun(i, out);
      if (next === i) next = latinToken(i, out);
      i = next;
      continue;
    }
    if (isThai(u)) {
      i = thaiToken(i, out);
      continue;
    }
    let j = i + 1;
    while (j < n && isWordUnit(units[j] ?? 0)) j++;
    out.append(units, origins, i, j);
    i = j;
  }
}

// ---- spelled digits ----

/** End of the digit word at k (or -1); its digit in `matchedDigit`. Latin words must be whole words. */
let matchedDigit = -1;
function digitWordAt(k: number, thai: boolean): number {
  if (thai) return thaiDigitWordAt(k);
  if (k > 0 && isWordUnit(at(k - 1))) return -1;
  const a = bareOf(at(k)) - 0x61;
  const b = bareOf(at(k + 1)) - 0x61;
  if (a < 0 || a > 25 || b < 0 || b > 25 || LATIN_DIGIT_PREFIX[a * 26 + b] !== 1) return -1;
  let node = 0;
  let p = k;
  while (p < n && isLatinLetter(at(p))) {
    node = trieChild(LATIN_DIGIT_TRIE, node, bareOf(at(p)));
    if (node === 0) return -1;
    p++;
  }
  const digit = LATIN_DIGIT_TRIE.digit[node] ?? -1;
  if (p === k || (p < n && isWordUnit(at(p))) || digit < 0) return -1;
  matchedDigit = digit;
  return p;
}

/** Longest Thai digit word at k (Thai has no spaces, so no boundary check). */
function thaiDigitWordAt(k: number): number {
  let node = 0;
  let best = -1;
  for (let p = k; p < n; p++) {
    node = trieChild(THAI_DIGIT_TRIE, node, at(p));
    if (node === 0) break;
    const digit = THAI_DIGIT_TRIE.digit[node] ?? -1;
    if (digit >= 0) {
      best = p + 1;
      matchedDigit = digit;
    }
  }
  return best;
}

function isRunSeparator(u: number): boolean {
  return (
    u === 0x20 ||
    u === 0x2d ||
    u === 0x2c ||
    u === 0x2e ||
    u === 0x2f ||
    u === 0x5f ||
    (u >= 0x2010 && u <= 0x2015)
  );
}

const runStarts: number[] = [];
const runEnds: number[] = [];
const runDigits: number[] = [];

/** A run of ≥ 4 spelled digits (ASCII digit groups may sit between them) → digits, separators dropped. */
function spelledRun(i: number, out: UnitBuffer, thai: boolean): number {
  let end = digitWordAt(i, thai);
  if (end < 0) return i;
  runStarts.length = 0;
  runEnds.length = 0;
  runDigits.length = 0;
  runStarts.push(i);
  runEnds.push(end);
  runDigits.push(matchedDigit);
  let spelled = 1;
  for (;;) {
    let k = end;
    while (k < n && k - end < 3 && isRunSeparator(at(k))) k++;
    if (k === end && !thai) break;
    const w = digitWordAt(k, thai);
    if (w > 0) {
      runStarts.push(k);
      runEnds.push(w);
      runDigits.push(matchedDigit);
      spelled++;
      end = w;
      continue;
    }
    if (k === end || !isAsciiDigit(at(k))) break;
    let e = k;
    while (e < n && isAsciiDigit(at(e))) e++;
    if (e < n && isWordUnit(at(e)) && !thai) break;
    runStarts.push(k);
    runEnds.push(e);
    runDigits.push(-1);
    end = e;
  }
  // Trailing digit groups are kept in the run; a run that is too short is left alone.
  if (spelled < MIN_SPELLED) return i;
  for (let r = 0; r < runStarts.length; r++) {
    const s = runStarts[r] ?? 0;
    const d = runDigits[r] ?? -1;
    if (d >= 0) {
      out.push(0x30 + d, originAt(s));
      continue;
    }
    for (let k = s; k < (runEnds[r] ?? s); k++) out.push(at(k), originAt(k));
  }
  return end;
}

// Thai units that start a spelled digit (ศ ส ห เ แ โ): the only places worth trying a run.
const THAI_DIGIT_START = new Uint8Array(0x80);
for (let u = 0x0e00; u < 0x0e80; u++)
  if (trieChild(THAI_DIGIT_TRIE, 0, u) !== 0) THAI_DIGIT_START[u - 0x0e00] = 1;

function thaiToken(i: number, out: UnitBuffer): number {
  let k = i;
  while (k < n && isWordUnit(at(k))) {
    const u = at(k);
    if (u < 0x0e00 || u >= 0x0e80 || THAI_DIGIT_START[u - 0x0e00] !== 1) {
      let j = k + 1;
      for (; j < n; j++) {
        const c = units[j] ?? 0;
        if ((c >= 0x0e00 && c < 0x0e80 && THAI_DIGIT_START[c - 0x0e00] === 1) || !isWordUnit(c)) break;
      }
      out.append(units, origins, k, j);
      k = j;
      continue;
    }
    const next = spelledRun(k, out, true);
    if (next !== k) {
      k = next;
      continue;
    }
    out.push(at(k), originAt(k));
    k++;
  }
  return k;
}

// ---- spaced letters ----

function isSpacedSeparator(u: number): boolean {
  return u === 0x20 || u === 0x2e || u === 0x2d || u === 0x5f || u === 0x2a || u === 0xb7 || u === 0x2022;
}
const isLeetSymbol = (u: number): boolean => u === 0x40 || u === 0x24;

/** A single letter, digit, @ or $ standing alone between non-word characters. */
function isLoneElement(k: number): boolean {
  const u = at(k);
  if (!(isLatinLetter(u) || isAsciiDigit(u) || isLeetSymbol(u))) return false;
  return !isWordUnit(at(k - 1)) && (k + 1 >= n || !isWordUnit(at(k + 1)));
}

const elements: number[] = [];

function spacedRun(i: number, out: UnitBuffer): number {
  if (!isLoneElement(i) || i + 1 >= n || !isSpacedSeparator(at(i + 1))) return i;
  elements.length = 0;
  let letters = 0;
  let p = i;
  for (;;) {
    elements.push(p);
    if (isLatinLetter(at(p))) letters++;
    let k = p + 1;
    while (k < n && k - p <= 2 && isSpacedSeparator(at(k))) k++;
    if (k === p + 1 || k >= n || !isLoneElement(k)) break;
    p = k;
  }
  if (elements.length < MIN_SPACED || letters < 2) {
    // Not an evasion: copy the scanned stretch as it is (rescanning from each element would be quadratic).
    for (let k = i; k <= p; k++) out.push(at(k), originAt(k));
    return p + 1;
  }
  const start = out.length;
  for (const e of elements) out.push(at(e), originAt(e));
  deLeet(out, start, out.length);
  return p + 1;
}

// ---- leetspeak ----

function leetLetter(u: number, next: number, prev = 0): number {
  switch (u) {
    case 0x30:
      return 0x6f; // 0 → o
    case 0x31: // 1 → l or i, as the letters around it read in the region's Latin-script words
      return oneIsL(prev, next) ? 0x6c : 0x69;
    case 0x33:
      return 0x65; // 3 → e
    case 0x34:
    case 0x40:
      return 0x61; // 4, @ → a
    case 0x35:
    case 0x24:
      return 0x73; // 5, $ → s
    case 0x37:
      return 0x74; // 7 → t
    default:
      return -1;
  }
}
/**
 * "1" for l before a vowel after a vowel, at a word's start, or in a consonant cluster that takes l
 * (te1egram, ma1aysia, s1ots, p1ace, g1obal); for i otherwise (l1ne, b1tcoin, cambod1a, as1a,
 * soc1al: "dla", "sla", "cla" are rarer than "dia", "sia", "cia").
 */
function oneIsL(prev: number, next: number): boolean {
  if (!isVowelLike(next)) return false;
  if (prev === 0 || isVowelLike(prev)) return true;
  // b f g k p
  if (prev === 0x62 || prev === 0x66 || prev === 0x67 || prev === 0x6b || prev === 0x70) return true;
  // c s, but not before a: "sia", "cia" (Asia, social)
  return (prev === 0x63 || prev === 0x73) && next !== 0x61 && next !== 0x34;
}
function isVowelLike(u: number): boolean {
  return (
    u === 0x61 ||
    u === 0x65 ||
    u === 0x69 ||
    u === 0x6f ||
    u === 0x75 ||
    u === 0x79 ||
    u === 0x33 ||
    u === 0x34 ||
    u === 0x30
  );
}

/**
 * Rewrites leet characters of out[start, end) in place when the word mixes Latin letters and leet
 * digits only (2, 6, 8, 9 mean it is an id, not a word): those between two letters always; a single
 * leading or trailing one too once the word has an inner one ("h3ll0" → hello).
 */
function deLeet(out: UnitBuffer, start: number, end: number): void {
  const u = out.units;
  let letters = 0;
  let digits = 0;
  let first = -1;
  let last = -1;
  for (let k = start; k < end; k++) {
    const c = u[k] ?? 0;
    if (isLatinLetter(c)) {
      letters++;
      if (first < 0) first = k;
      last = k;
    } else if (isAsciiDigit(c)) {
      if (leetLetter(c, 0) < 0) return;
      digits++;
    } else if (!isLeetSymbol(c)) return;
  }
  if (first < 0 || digits > letters) return;
  let inner = 0;
  for (let k = first + 1; k < last; k++) {
    const l = leetLetter(u[k] ?? 0, u[k + 1] ?? 0, u[k - 1] ?? 0);
    if (l < 0) continue;
    u[k] = l;
    inner++;
  }
  if (inner === 0) return;
  if (first === start + 1) {
    const l = leetLetter(u[start] ?? 0, u[start + 1] ?? 0);
    if (l >= 0) u[start] = l;
  }
  if (last === end - 2) {
    const l = leetLetter(u[end - 1] ?? 0, 0, u[end - 2] ?? 0);
    if (l >= 0) u[end - 1] = l;
  }
}

function isLinkPunct(u: number): boolean {
  return (
    u === 0x2f ||
    u === 0x2e ||
    u === 0x3d ||
    u === 0x3f ||
    u === 0x26 ||
    u === 0x23 ||
    u === 0x3a ||
    u === 0x25 ||
    u === 0x2b ||
    u === 0x40
  );
}

/** A word (with inner @ or $); leet is folded unless it sits in a URL, e-mail, handle or long id. */
function latinToken(i: number, out: UnitBuffer): number {
  let j = i;
  let symbols = false;
  let leet = false;
  while (j < n) {
    const c = at(j);
    if (isWordUnit(c)) {
      if (c >= 0x30 && c <= 0x37) leet = true;
      j++;
      continue;
    }
    if (isLeetSymbol(c) && j > i && isWordUnit(at(j + 1))) {
      symbols = true;
      j++;
      continue;
    }
    break;
  }
  const start = out.length;
  out.append(units, origins, i, j);
  const linked = (i > 0 && isLinkPunct(at(i - 1))) || (isLinkPunct(at(j)) && isWordUnit(at(j + 1)));
  const email = symbols && domainFollows(j);
  if (!linked && !email && j - i <= MAX_O_NUMBER && zeroesWrittenAsO(out, start, out.length)) return j;
  if ((leet || symbols) && !linked && !email && j - i <= MAX_LEET_TOKEN) deLeet(out, start, out.length);
  return j;
}

// Longest host name (RFC 1035): bounds the look-ahead, so the scan stays linear.
const MAX_HOST = 253;
/** Whether a host's dot follows at j through hyphens and letters: "hr@abc-jobs.com", not "l@o-dong". */
function domainFollows(j: number): boolean {
  for (let k = j; k < n && k - j < MAX_HOST; k++) {
    const c = at(k);
    if (c === 0x2e) return isWordUnit(at(k + 1));
    if (c !== 0x2d && !isWordUnit(c)) return false;
  }
  return false;
}

// "1OOO$", "15OO USD": a number whose zeroes are written as the letter O, to slip an amount past a
// filter. Only a token of a first digit 1-9 then digits and O's, with at least one O.
const MAX_O_NUMBER = 9;
function zeroesWrittenAsO(out: UnitBuffer, start: number, end: number): boolean {
  const u = out.units;
  const first = u[start] ?? 0;
  if (first < 0x31 || first > 0x39) return false;
  let os = 0;
  for (let k = start + 1; k < end; k++) {
    const c = u[k] ?? 0;
    if (c === 0x4f || c === 0x6f) os++;
    else if (!isAsciiDigit(c)) return false;
  }
  if (os === 0) return false;
  for (let k = start + 1; k < end; k++) if (u[k] === 0x4f || u[k] === 0x6f) u[k] = 0x30;
  return true;
}
