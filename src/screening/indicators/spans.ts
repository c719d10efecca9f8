import type { NormalizedText, Span } from '../types.ts';
import { CLASS, SEP } from './stream.ts';

// Maps [start, end) of `text` to the original post through `offsets` (see types.ts). The end is
// the start of the next character's origin, pulled back over separators and removed invisible
// characters that sit between the two, so "WhatsApp\u200b!" reports "WhatsApp", while a folded
// "W.h.a.t.s.A.p.p" or an NFKC ligature is reported whole. Never splits a surrogate pair.

const classOf = CLASS; // a local binding for the hot path (see matcher.ts)

export function toOriginalSpan(n: NormalizedText, start: number, end: number): Span {
  const { original, offsets, text } = n;
  const last = original.length;
  const s = Math.min(last, offsets[Math.max(0, Math.min(start, text.length))] ?? last);
  if (end <= start) return [s, s];
  const lastChar = Math.min(last, offsets[Math.min(end - 1, text.length)] ?? last);
  let e = Math.min(last, end >= text.length ? last : (offsets[end] ?? last));
  const floor = Math.min(last, lastChar + 1);
  while (e > floor && isSeparatorAt(original, e - 1)) e--;
  if (e < floor) e = floor;
  // keep a surrogate pair whole
  if (e < last && isLow(original.charCodeAt(e)) && e > 0 && isHigh(original.charCodeAt(e - 1))) e++;
  return [Math.min(s, e), e];
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isSeparatorAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (isLow(c) && i > 0 && isHigh(s.charCodeAt(i - 1))) return false;
  if (isHigh(c)) return false;
  return classOf[c] === SEP;
}
