// Per-code-unit facts, computed lazily (once per distinct character) into flat tables, so the
// scanners in normalize/language/segment never run a regex or allocate per character.
import { simplifiedUnit } from './han.ts';
import { styledLetterOf } from './styled.ts';

export const F_COMPAT = 1 << 1; // has a compatibility decomposition (NFKD ≠ NFD): NFKC changes it
export const F_MARK = 1 << 2; // combining mark (or Hangul V/T jamo): attaches to the previous character
export const F_NFC_UNSTABLE = 1 << 3; // NFC alone changes it (singletons such as U+212B ANGSTROM SIGN)
export const F_INVISIBLE = 1 << 4; // removed from `text`
export const F_LETTER = 1 << 5;
export const F_DIGIT = 1 << 6;
export const F_STYLED = 1 << 7; // a styled letter (data/lang/styled-letters.json): pass A replaces it
const F_DONE = 1;

/**
 * The code unit at `i`, or -1 outside the string, where `charCodeAt` gives NaN. Scanners that look
 * one unit before or after a position read through this: V8's optimised code assumes `charCodeAt`
 * reads in bounds, so the first read past either end at each call site sends the whole function
 * back to the interpreter, to be compiled again (bench/RESULTS.md, Screening notes, stop 23).
 */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

const flagTable = new Uint8Array(0x10000);
const astralFlags = new Map<number, number>();

const MARK_RE = /^\p{M}$/u;
const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{Nd}$/u;

/**
 * Zero-width and invisible characters (ZWJ/ZWNJ included: they only change rendering), and the
 * enclosing keycap U+20E3, which only draws a key around a digit: "0\uFE0F\u20E3" is the emoji of 0,
 * used to spell out numbers past filters; and the overlays that strike or underline a letter.
 */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x20e3 ||
    // strike-through and underline overlays, the other fancy-text trick ("t̶e̶l̶e̶g̶r̶a̶m̶")
    (cp >= 0x0332 && cp <= 0x0333) ||
    (cp >= 0x0335 && cp <= 0x0337) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x180e ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x3164 ||
    cp === 0xffa0
  );
}

function computeFlags(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (isInvisible(cp)) return F_DONE | F_INVISIBLE;
  let f = F_DONE;
  if (styledLetterOf(cp) !== 0) return F_DONE | F_STYLED | F_LETTER;
  // Thai/Lao SARA AM decompose under NFKC (ำ → ํา), which breaks Thai word segmentation; we keep
  // them composed and recompose the decomposed spelling instead (see normalize.ts).
  if (cp !== 0x0e33 && cp !== 0x0eb3 && ch.normalize('NFKD') !== ch.normalize('NFD')) f |= F_COMPAT;
  if (ch.normalize('NFC') !== ch) f |= F_NFC_UNSTABLE;
  if (MARK_RE.test(ch) || (cp >= 0x1161 && cp <= 0x11ff)) f |= F_MARK;
  if (LETTER_RE.test(ch)) f |= F_LETTER;
  if (DIGIT_RE.test(ch)) f |= F_DIGIT;
  return f;
}

/** Flags of a BMP code unit (a lone surrogate gets plain flags). */
export function flagsOf(unit: number): number {
  const f = flagTable[unit] ?? 0;
  if (f !== 0) return f;
  const computed = unit >= 0xd800 && unit <= 0xdfff ? F_DONE : computeFlags(unit);
  flagTable[unit] = computed;
  return computed;
}

/** Flags of an astral code point (surrogate pair). */
export function flagsOfAstral(cp: number): number {
  const f = astralFlags.get(cp);
  if (f !== undefined) return f;
  const computed = computeFlags(cp);
  astralFlags.set(cp, computed);
  return computed;
}

// Word units (letters, digits, marks) as one table lookup: 1 = word, 2 = not, 0 = not computed yet.
const wordTable = new Uint8Array(0x10000);
for (let u = 0; u < 0x80; u++) {
  wordTable[u] = (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) ? 1 : 2;
}
for (let u = 0xd800; u <= 0xdfff; u++) wordTable[u] = 2;

export function isWordUnit(unit: number): boolean {
  const w = wordTable[unit] ?? 2;
  if (w !== 0) return w === 1;
  const computed = (flagsOf(unit) & (F_LETTER | F_DIGIT | F_MARK)) !== 0 ? 1 : 2;
  wordTable[unit] = computed;
  return computed === 1;
}

/** Lower-case Latin letters, with diacritics, in the ranges Vietnamese, Malay and Filipino use. */
export function isLatinLetter(u: number): boolean {
  return (
    (u >= 0x61 && u <= 0x7a) ||
    (u >= 0x41 && u <= 0x5a) ||
    (u >= 0xc0 && u <= 0x24f && u !== 0xd7 && u !== 0xf7) ||
    (u >= 0x1e00 && u <= 0x1eff)
  );
}

export function isAsciiDigit(u: number): boolean {
  return u >= 0x30 && u <= 0x39;
}

// Lower-casing one code unit at a time keeps `text` the same length as its input; the few characters
// whose lower case is longer (U+0130 İ → i̇) keep only the first unit.
const lowerTable = new Uint16Array(0x10000);

export function lowerOf(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 32 : unit;
  const l = lowerTable[unit] ?? 0;
  if (l !== 0) return l;
  let computed = unit;
  if (unit < 0xd800 || unit > 0xdfff) {
    const s = String.fromCharCode(unit).toLowerCase();
    computed = s.charCodeAt(0);
  }
  lowerTable[unit] = computed;
  return computed;
}

// `bare`: a Latin letter with diacritics → its base letter (first unit of NFD), đ → d. Other units
// map to themselves, so `bare` has the same length as `text`.
const bareTable = new Uint16Array(0x10000);

export function bareOf(unit: number): number {
  if (unit < 0xc0) return unit;
  const b = bareTable[unit] ?? 0;
  if (b !== 0) return b;
  let computed = unit;
  if ((unit <= 0x24f || (unit >= 0x1e00 && unit <= 0x1eff)) && unit !== 0xd7 && unit !== 0xf7) {
    const base = String.fromCharCode(unit).normalize('NFD').charCodeAt(0);
    if (base < 0x80) computed = base;
    else if (unit === 0x111 || unit === 0x110) computed = unit === 0x111 ? 0x64 : 0x44;
    else if (unit === 0x142 || unit === 0x141) computed = unit === 0x142 ? 0x6c : 0x4c;
    else if (unit === 0xf8 || unit === 0xd8) computed = unit === 0xf8 ? 0x6f : 0x4f;
  }
  bareTable[unit] = computed;
  return computed;
}

// Decimal digits of the region's scripts → ASCII, so phone numbers typed in Thai, Lao, Khmer or
// Myanmar digits are found by the same extractors (same length, one unit each).
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ed0, 0x1040, 0x1090, 0x17e0, 0x1810];

// fold: region digit → ASCII digit, traditional Chinese → simplified (han.ts), otherwise lower case
// (one unit); 0 = not computed yet.
const foldTable = new Uint16Array(0x10000);

export function foldOf(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 32 : unit;
  const f = foldTable[unit] ?? 0;
  if (f !== 0) return f;
  const d = asciiDigitOf(unit);
  const computed = d >= 0 ? d : simplifiedUnit(lowerOf(unit));
  foldTable[unit] = computed;
  return computed;
}

export function asciiDigitOf(unit: number): number {
  if (unit < 0x660) return -1;
  for (const zero of DIGIT_ZEROS) {
    if (unit >= zero && unit <= zero + 9) return 0x30 + unit - zero;
  }
  return -1;
}

/** Unicode script blocks that decide a language without a model. */
export function isMyanmar(u: number): boolean {
  return u >= 0x1000 && u <= 0x109f;
}
