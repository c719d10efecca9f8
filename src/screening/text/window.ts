import type { Span } from '../types.ts';

/**
 * The matches of global `re` that lie wholly in text[from, to). The regex reads two more code units
 * on each side, so word-boundary lookarounds see the post's words, not the window's: "Filipino" or
 * "kasino" cut at a window's start is not the word "no".
 */
export function matchesWithin(re: RegExp, text: string, from: number, to: number): Span[] {
  const lo = Math.max(0, from - 2);
  const out: Span[] = [];
  for (const m of text.slice(lo, Math.min(text.length, to + 2)).matchAll(re)) {
    const start = lo + m.index;
    const end = start + m[0].length;
    if (start >= from && end <= to) out.push([start, end]);
  }
  return out;
}
