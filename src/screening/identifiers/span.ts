import type { NormalizedText, Span } from '../types.ts';

// Maps [start, end) in n.text / n.bare to the original post. Trailing characters that the
// normaliser removed (zero-width, bidi controls, spaces) are not part of the span.
// TODO(identifiers): switch to toOriginalSpan() from ../text/normalize.ts once it lands.

const IGNORABLE = /[\s\p{Cf}]/u;

export function originalSpan(n: NormalizedText, start: number, end: number): Span | undefined {
  const { original, offsets } = n;
  if (start < 0 || end <= start || end > n.text.length) return undefined;
  const s = offsets[start] ?? original.length;
  const lastFrom = offsets[end - 1] ?? s;
  const minEnd = lastFrom + charLength(original, lastFrom);
  let e = end < n.text.length ? (offsets[end] ?? original.length) : original.length;
  if (e < minEnd) e = minEnd;
  while (e > minEnd && IGNORABLE.test(original.charAt(e - 1))) e--;
  const clampedEnd = Math.min(e, original.length);
  if (s >= clampedEnd) return undefined;
  return [s, clampedEnd];
}

function charLength(s: string, i: number): number {
  const code = s.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/** The original text of a span with invisible characters removed (for case-sensitive tokens). */
export function originalText(n: NormalizedText, span: Span): string {
  return n.original.slice(span[0], span[1]).replace(/\p{Cf}/gu, '').normalize('NFKC');
}
