import type { NormalizedText } from '../types.ts';
import { bareChar } from './fold.ts';

/**
 * A stand-in for text/normalize.ts in unit tests: ASCII lower-casing only, offsets = identity,
 * `bare` with Latin diacritics removed letter by letter. The extractors must not rely on more.
 */
export function plainText(original: string): NormalizedText {
  const text: string[] = [];
  const bare: string[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original.charAt(i);
    const code = ch.charCodeAt(0);
    const lower = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
    text.push(lower);
    const folded = bareChar(lower.toLowerCase());
    bare.push(folded.length === 1 ? folded : lower);
  }
  const offsets = new Uint32Array(original.length + 1);
  for (let i = 0; i <= original.length; i++) offsets[i] = i;
  return { original, text: text.join(''), bare: bare.join(''), offsets, zawgyi: false };
}
