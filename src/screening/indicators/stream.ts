// The character stream the phrase matcher runs over, built the same way for posts and for phrases.
// Latin letters come from `bare` (no diacritics), every other script from `text`; punctuation,
// whitespace and emoji collapse to one space between two Latin word characters and vanish elsewhere,
// so "việc nhẹ, lương cao" = "viec nhe luong cao" and "งานสบาย รายได้ดี" = "งานสบายรายได้ดี".
import { toSimplified } from '../text/han.ts';

/** Separator: whitespace, punctuation, symbols, emoji, invisible characters. */
export const SEP = 0;
/** Latin letter or ASCII digit: needs word boundaries. */
export const WORD = 1;
/** Letter, mark or digit of a script written without spaces (Thai, Lao, Khmer, Burmese, CJK). */
export const NOSPACE = 2;
/** Any other kept character: letters of other scripts, currency signs, @ # % + &. */
export const OTHER = 3;

const SPACE = 0x20;
const KEPT_SYMBOLS = '$@#%+&€£¥฿₫₱៛';

function isLatinRange(c: number): boolean {
  return (
    c < 0x250 ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x2c60 && c <= 0x2c7f) ||
    (c >= 0xa720 && c <= 0xa7ff) ||
    (c >= 0xab30 && c <= 0xab6f)
  );
}

function isNoSpaceScript(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x0eff) || // Thai, Lao
    (c >= 0x1000 && c <= 0x109f) || // Myanmar
    (c >= 0xa9e0 && c <= 0xa9ff) ||
    (c >= 0xaa60 && c <= 0xaa7f) ||
    (c >= 0x1780 && c <= 0x17ff) || // Khmer
    (c >= 0x19e0 && c <= 0x19ff) ||
    (c >= 0x2e80 && c <= 0x2fdf) || // CJK radicals
    (c >= 0x3005 && c <= 0x3007) ||
    (c >= 0x3040 && c <= 0x312f) || // kana, bopomofo
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

function buildClasses(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const kept = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // astral characters (emoji) separate words
    const ch = String.fromCharCode(c);
    if (KEPT_SYMBOLS.includes(ch)) table[c] = OTHER;
    else if (!kept.test(ch)) table[c] = SEP;
    else if (isLatinRange(c)) table[c] = WORD;
    else if (isNoSpaceScript(c)) table[c] = NOSPACE;
    else table[c] = OTHER;
  }
  return table;
}

/** Class of every UTF-16 code unit (SEP, WORD, NOSPACE or OTHER). */
export const CLASS: Uint8Array = buildClasses();

// Decimal digits of the region's scripts read as ASCII digits (text/normalize.ts folds them too),
// so "អាយុ ១៦ ឆ្នាំ" and "អាយុ 16 ឆ្នាំ" are one phrase.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ed0, 0x1040, 0x1090, 0x17e0, 0x1810];
const ASCII_DIGIT = new Uint16Array(0x10000);
for (const zero of DIGIT_ZEROS) for (let d = 0; d < 10; d++) ASCII_DIGIT[zero + d] = 0x30 + d;

export function isCombiningLatinMark(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

/** A post's stream: `codes[0..length)`, and `pos[k]`, the index in `text` of stream character k. */
export type Stream = { codes: Uint16Array; pos: Uint32Array; length: number };

let sharedCodes = new Uint16Array(1024);
let sharedPos = new Uint32Array(1024);

/**
 * Builds the stream of a normalised post. The arrays are reused between calls (the matcher is
 * synchronous), so read them before the next call.
 */
export function buildStream(text: string, bare: string): Stream {
  const n = text.length;
  if (sharedCodes.length < n + 1) {
    sharedCodes = new Uint16Array(n + 1);
    sharedPos = new Uint32Array(n + 1);
  }
  const codes = sharedCodes;
  const pos = sharedPos;
  const sameLength = bare.length === n;
  let len = 0;
  let pendingSep = -1;
  let lastClass = SEP;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let cls = CLASS[c] ?? SEP;
    if (cls === WORD && sameLength) {
      c = bare.charCodeAt(i);
      cls = CLASS[c] ?? SEP;
    } else if (cls === NOSPACE && (ASCII_DIGIT[c] ?? 0) !== 0) {
      c = ASCII_DIGIT[c] ?? c;
      cls = WORD;
    }
    if (cls === SEP) {
      if (pendingSep < 0 && len > 0) pendingSep = i;
      continue;
    }
    if (isCombiningLatinMark(c)) continue;
    const at = i;
    // Thai and Lao SARA AM have two spellings (ำ, ํา); the stream always has the composed one.
    if (c === 0x0e4d && text.charCodeAt(i + 1) === 0x0e32) {
      c = 0x0e33;
      i++;
    } else if (c === 0x0ecd && text.charCodeAt(i + 1) === 0x0eb2) {
      c = 0x0eb3;
      i++;
    }
    if (pendingSep >= 0) {
      if (lastClass === WORD && cls === WORD) {
        codes[len] = SPACE;
        pos[len] = pendingSep;
        len++;
      }
      pendingSep = -1;
    }
    codes[len] = c;
    pos[len] = at;
    len++;
    lastClass = cls;
  }
  return { codes, pos, length: len };
}

/** Lower-case, NFKC, Latin diacritics removed letter by letter (ệ → e, đ → d). */
export function bareLatin(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && isLatinRange(c) && c >= 0x80) {
      if (c === 0x111 || c === 0x110) {
        out += 'd';
        continue;
      }
      const stripped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += stripped.length === 1 ? stripped : ch;
    } else out += ch;
  }
  return out;
}

/** A phrase as the matcher sees it: the stream of its normalised form, as a string. */
export function phraseStream(phrase: string): string {
  const text = toSimplified(
    phrase
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\u0e4d\u0e32/g, '\u0e33')
      .replace(/\u0ecd\u0eb2/g, '\u0eb3'),
  );
  const bare = bareLatin(text);
  const stream = buildStream(text, bare.length === text.length ? bare : text);
  return String.fromCharCode(...stream.codes.subarray(0, stream.length));
}

/** The stream as a string (for the naive baseline and for tests). */
export function streamString(stream: Stream): string {
  let out = '';
  for (let k = 0; k < stream.length; k += 8192) {
    out += String.fromCharCode(...stream.codes.subarray(k, Math.min(stream.length, k + 8192)));
  }
  return out;
}
