import { toOriginalSpan } from '../text/normalize.ts';
import type { NormalizedText, Span } from '../types.ts';

/** [start, end) of n.text → the span of the original post, or undefined if it would be empty. */
export function originalSpan(n: NormalizedText, start: number, end: number): Span | undefined {
  if (start < 0 || end <= start || end > n.text.length) return undefined;
  const span = toOriginalSpan(n, start, end);
  if (span[0] < 0 || span[1] <= span[0] || span[1] > n.original.length) return undefined;
  return span;
}

/** The original text of a span with invisible characters removed (for case-sensitive tokens). */
export function originalText(n: NormalizedText, span: Span): string {
  return n.original
    .slice(span[0], span[1])
    .replace(/\p{Cf}/gu, '')
    .normalize('NFKC');
}
