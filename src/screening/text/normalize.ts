import type { NormalizedText, Span } from '../types.ts';
import { decodeUnits, UnitBuffer } from './buffer.ts';
import { bareOf, isInvisible } from './chars.ts';
import { cleanPass, foldPass } from './clean.ts';
import { evasionPass } from './evasions.ts';
import { isZawgyi } from './zawgyi.ts';

// Scratch buffers reused across calls (normalize is synchronous, so never re-entered).
const cleaned = new UnitBuffer();
const folded = new UnitBuffer();
let bareUnits = new Uint16Array(1024);

/**
 * Normalises a post for screening (see NormalizedText in ../types.ts). Steps, in order:
 * 1. Zawgyi → Unicode when the text has Myanmar code points and P(Zawgyi) ≥ 0.95 (judged on the
 *    text without its invisible characters);
 * 2. invisible characters removed (zero-width incl. ZWJ/ZWNJ, soft hyphen, bidi controls, variation
 *    selectors, tags): they only change rendering, and filters are evaded by inserting them;
 * 3. NFKC per character cluster (full-width and styled letters fold here), except that Thai/Lao
 *    SARA AM stays composed (ำ, and ํา is folded into it);
 * 4. Cyrillic/Greek look-alikes inside words that have Latin letters → Latin; Thai, Lao, Khmer,
 *    Myanmar (and other) decimal digits → ASCII; lower case, one unit for one unit;
 * 5. evasions: spelled digit runs, spaced-out letters, leetspeak (evasions.ts).
 * Lone surrogates become U+FFFD. Runs in time linear in the input.
 */
export function normalize(original: string): NormalizedText {
  const zawgyi = isZawgyi(original);
  cleanPass(original, zawgyi, cleaned);
  foldPass(cleaned);
  const asWritten = decodeUnits(cleaned.units, cleaned.length);
  evasionPass(cleaned, folded);
  const length = folded.length;
  // Most posts have no evasion: then `text` is the string just decoded.
  const text = sameUnits(cleaned, folded) ? asWritten : decodeUnits(folded.units, length);
  const offsets = folded.originsThen(original.length);
  return { original, text, bare: bareText(text, folded.units, length), offsets, zawgyi, folded: asWritten };
}

function sameUnits(a: UnitBuffer, b: UnitBuffer): boolean {
  const n = a.length;
  if (b.length !== n) return false;
  const x = a.units;
  const y = b.units;
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

function bareText(text: string, units: Uint16Array, length: number): string {
  let k = 0;
  while (k < length && bareOf(units[k] ?? 0) === units[k]) k++;
  if (k === length) return text;
  if (bareUnits.length < length) bareUnits = new Uint16Array(2 * length);
  const bare = bareUnits;
  bare.set(units.subarray(0, k));
  for (; k < length; k++) bare[k] = bareOf(units[k] ?? 0);
  return decodeUnits(bare, length);
}

function isTrimmable(u: number): boolean {
  return (
    u === 0x20 ||
    u === 0x2e ||
    u === 0x2d ||
    u === 0x5f ||
    u === 0x2c ||
    u === 0x2f ||
    u === 0x0a ||
    u === 0x09 ||
    isInvisible(u)
  );
}

/**
 * Maps [start, end) of `n.text` to the span of `n.original` it came from. The start is the origin of
 * the first character; the end is where the last character's origin ends: the next character's
 * origin, less any separators or invisible characters the normaliser dropped after it (so "whats" in
 * "W.h.a.t.s.A.p.p" maps to "W.h.a.t.s" and "whatsapp" to the whole run).
 */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): Span {
  const len = n.text.length;
  const s0 = Math.max(0, Math.min(len, Math.trunc(start)));
  const e0 = Math.max(s0, Math.min(len, Math.trunc(end)));
  const s = n.offsets[s0] ?? n.original.length;
  if (e0 === s0) return [s, s];
  const lastStart = n.offsets[e0 - 1] ?? s;
  let e = n.offsets[e0] ?? n.original.length;
  // Characters that share one origin (a ligature "ﬁ" → "fi", a Zawgyi cluster): end after that origin.
  let j = e0;
  while (e <= lastStart && j < len) e = n.offsets[++j] ?? n.original.length;
  while (e - 1 > lastStart && isTrimmable(n.original.charCodeAt(e - 1))) e--;
  return [s, Math.max(e, s)];
}
