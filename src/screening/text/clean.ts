// First two passes of normalize():
//  A. original → units: drop invisible characters, convert Zawgyi stretches, styled letters → plain
//     ones (styled.ts), NFKC per cluster.
//  B. in place, one unit for one unit: homoglyphs inside Latin words, region digits → ASCII, lower case.
import type { UnitBuffer } from './buffer.ts';
import {
  F_COMPAT,
  F_INVISIBLE,
  F_MARK,
  F_NFC_UNSTABLE,
  F_STYLED,
  flagsOf,
  flagsOfAstral,
  foldOf,
  isLatinLetter,
  isMyanmar,
  isWordUnit,
} from './chars.ts';
import { HOMOGLYPHS } from './fold-data.ts';
import { styledLetterOf } from './styled.ts';
import { convertZawgyiStretch } from './zawgyi.ts';

/**
 * Pushes a unit, re-joining Thai/Lao SARA AM: NFKC splits ำ into ํ + า, which Intl.Segmenter does
 * not recognise in words like ทำงาน; we keep the composed form and fold the split spelling into it.
 */
export function pushRecomposing(out: UnitBuffer, unit: number, origin: number): void {
  const last = out.last();
  if (unit === 0x0e32 && last === 0x0e4d) out.replaceLast(0x0e33);
  else if (unit === 0x0eb2 && last === 0x0ecd) out.replaceLast(0x0eb3);
  else out.push(unit, origin);
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}
function isLow(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}

/** Width (1 or 2 units) of the code point flagsAt() last looked at (no tuple: this runs per character). */
let width = 1;

/** Flags of the code point at i; sets `width`. */
function flagsAt(s: string, i: number): number {
  const u = s.charCodeAt(i);
  if (isHigh(u) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
    width = 2;
    return flagsOfAstral(((u - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000);
  }
  width = 1;
  return flagsOf(u);
}

const chunkOrigins: number[] = [];

/** Pass A. `zawgyi`: convert Myanmar stretches from Zawgyi. */
export function cleanPass(original: string, zawgyi: boolean, out: UnitBuffer): void {
  const n = original.length;
  out.reset(n + 16);
  // NFC-ness of the whole text decides whether base+mark clusters need normalising (computed once,
  // lazily: ~1 µs per 500 characters).
  let nfc = -1;
  let i = 0;
  while (i < n) {
    const u = original.charCodeAt(i);
    if (u < 0x80) {
      const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (next < 0x300) {
        out.push(u, i);
        i++;
        continue;
      }
    }
    if (zawgyi && isMyanmar(u)) {
      i = convertZawgyiStretch(original, i, out, pushRecomposing);
      continue;
    }
    const f = flagsAt(original, i);
    const w = width;
    if (f & F_INVISIBLE) {
      i += w;
      continue;
    }
    // A cluster: this character and the combining marks after it (invisible ones skipped).
    let needs = (f & (F_COMPAT | F_NFC_UNSTABLE | F_STYLED)) !== 0 || w === 2;
    let j = i + w;
    let marks = false;
    let skipped = false;
    while (j < n) {
      const c = original.charCodeAt(j);
      if (c < 0x300 || (zawgyi && isMyanmar(c))) break;
      const f2 = flagsAt(original, j);
      const w2 = width;
      if (f2 & F_INVISIBLE) {
        // only swallow it when a mark follows; otherwise leave it to the main loop
        const after = j + w2 < n ? flagsAt(original, j + w2) : 0;
        if ((after & F_MARK) === 0 || (after & F_INVISIBLE) !== 0) break;
        skipped = true;
        j += w2;
        continue;
      }
      if ((f2 & F_MARK) === 0) break;
      marks = true;
      if (f2 & (F_COMPAT | F_NFC_UNSTABLE) || w2 === 2) needs = true;
      j += w2;
    }
    if (!needs && marks) {
      if (nfc < 0) nfc = original.normalize('NFC') === original ? 1 : 0;
      needs = skipped || nfc === 0;
    }
    if (!needs) {
      for (let k = i; k < j; k++) pushRecomposing(out, original.charCodeAt(k), k);
      i = j;
      continue;
    }
    normalizeCluster(original, i, j, out);
    i = j;
  }
}

function normalizeCluster(original: string, start: number, end: number, out: UnitBuffer): void {
  let cluster = '';
  chunkOrigins.length = 0;
  for (let k = start; k < end; ) {
    const f = flagsAt(original, k);
    const w = width;
    if (f & F_STYLED) {
      cluster += String.fromCharCode(styledLetterOf(original.codePointAt(k) ?? 0));
      chunkOrigins.push(k);
    } else if ((f & F_INVISIBLE) === 0) {
      cluster += original.slice(k, k + w);
      chunkOrigins.push(k);
      if (w === 2) chunkOrigins.push(k);
    }
    k += w;
  }
  const norm = cluster.normalize('NFKC');
  // Same length: keep unit-by-unit origins; otherwise every unit maps to the cluster's start.
  const sameLength = norm.length === cluster.length;
  for (let k = 0; k < norm.length; k++) {
    pushRecomposing(out, norm.charCodeAt(k), sameLength ? (chunkOrigins[k] ?? start) : start);
  }
}

function hasHomoglyphCandidate(units: Uint16Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (isHomoglyphCandidate(units[k] ?? 0)) return true;
  return false;
}

/**
 * foldPass when no unit is a homoglyph: words need no look-ahead then, so every unit is folded on
 * its own (a surrogate pair is lower-cased as one code point, as in the word-by-word loop).
 */
function foldUnits(units: Uint16Array, n: number): void {
  let i = 0;
  while (i < n) {
    const u = units[i] ?? 0;
    if (u < 0x80) {
      if (u >= 0x41 && u <= 0x5a) units[i] = u + 32;
      i++;
      continue;
    }
    i += foldAt(units, i, n);
  }
}

/** Folds the unit at i, a surrogate pair as one code point; returns how many units it took. */
function foldAt(units: Uint16Array, i: number, n: number): number {
  if (isHigh(units[i] ?? 0) && i + 1 < n && isLow(units[i + 1] ?? 0)) {
    lowerAstral(units, i);
    return 2;
  }
  units[i] = foldOf(units[i] ?? 0);
  return 1;
}

function isHomoglyphCandidate(u: number): boolean {
  return u >= 0x250 && u <= 0x52f && (HOMOGLYPHS[u] ?? 0) !== 0;
}

/** Lower case of an astral code point when it stays two units (Deseret, Osage, Adlam ...). */
function lowerAstral(units: Uint16Array, k: number): void {
  const hi = units[k] ?? 0;
  const lo = units[k + 1] ?? 0;
  const cp = ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  const lower = String.fromCodePoint(cp).toLowerCase();
  if (lower.length !== 2) return;
  units[k] = lower.charCodeAt(0);
  units[k + 1] = lower.charCodeAt(1);
}

/** Pass B: same length in, same length out, so origins are untouched. */
export function foldPass(buf: UnitBuffer): void {
  const units = buf.units;
  const n = buf.length;
  if (!hasHomoglyphCandidate(units, n)) {
    foldUnits(units, n);
    return;
  }
  let i = 0;
  while (i < n) {
    const u = units[i] ?? 0;
    if (!isWordUnit(u)) {
      i += foldAt(units, i, n);
      continue;
    }
    // A word: map homoglyphs only when it also has genuine Latin letters ("telegrаm", not "Москва").
    let j = i;
    let latin = false;
    let glyph = false;
    while (j < n && isWordUnit(units[j] ?? 0)) {
      const c = units[j] ?? 0;
      if (c >= 0x250 && c <= 0x52f) glyph ||= isHomoglyphCandidate(c);
      else latin ||= isLatinLetter(c);
      j++;
    }
    const mapGlyphs = latin && glyph;
    for (let k = i; k < j; k++) {
      let c = units[k] ?? 0;
      if (mapGlyphs && c >= 0x250 && c <= 0x52f && isHomoglyphCandidate(c)) c = HOMOGLYPHS[c] ?? c;
      units[k] = foldOf(c);
    }
    i = j;
  }
}
