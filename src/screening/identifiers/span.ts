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

/**
 * n.text[start, end) with each letter in the case it has in the post (for case-sensitive paths and
 * codes): "bit.ly/๓vA8L7T" → "bit.ly/3vA8L7T", where the post as written cannot be used because
 * folding changed one of its characters. A letter whose origin is upper case is upper-cased.
 */
export function textInWrittenCase(n: NormalizedText, start: number, end: number): string {
  const lowered = n.text.slice(start, end);
  let out = '';
  let from = 0;
  for (let i = 0; i < lowered.length; i++) {
    const c = lowered.charAt(i);
    const upper = c.toUpperCase();
    if (upper === c || upper.length !== 1) continue;
    const origin = String.fromCodePoint(n.original.codePointAt(n.offsets[start + i] ?? -1) ?? 0);
    if (origin === origin.toLowerCase()) continue;
    out += lowered.slice(from, i) + upper;
    from = i + 1;
  }
  return out + lowered.slice(from);
}

/**
 * `folded` (n.text[start, end), as textInWrittenCase gives it) with the host of the link or e-mail
 * address in the letters and digits the post wrote: a homoglyph or a Thai digit that folding
 * replaced is put back ("https://аmazon.com", with a Cyrillic а, is not amazon.com but the
 * look-alike domain xn--mazon-3ve.com). Only characters folded one for one are put back; case and
 * compatibility forms (full-width) stay folded. Returns `folded` itself when nothing was replaced.
 */
export function withHostAsWritten(n: NormalizedText, start: number, folded: string): string {
  const at = folded.indexOf('@');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(folded)?.[0].length ?? 0;
  const from = at >= 0 && !/[/?#]/.test(folded.slice(0, at)) ? at + 1 : scheme;
  let to = from;
  while (to < folded.length && !'/?#:'.includes(folded.charAt(to))) to++;
  let out = '';
  let copied = 0;
  for (let i = from; i < to; i++) {
    const origin = n.offsets[start + i] ?? -1;
    const next = n.offsets[start + i + 1] ?? n.original.length;
    const written = n.original.charAt(origin);
    if (next !== origin + 1 || written.length !== 1) continue; // not one unit for one unit
    const form = written.normalize('NFKC').toLowerCase();
    if (form.length !== 1 || form === folded.charAt(i) || !/[\p{L}\p{N}]/u.test(form)) continue;
    out += folded.slice(copied, i) + form;
    copied = i + 1;
  }
  return copied === 0 ? folded : out + folded.slice(copied);
}
