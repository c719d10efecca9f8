// Folding of lexicon entries into the shape of NormalizedText.bare, so that data-file aliases
// ("Phnôm Pênh", "Ngân hàng Quân đội") match posts typed with or without diacritics.
import { toSimplified } from '../text/han.ts';

/** A Latin letter with diacritics → its base letter (ệ → e, đ → d); other characters unchanged. */
export function bareChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0xc0) return ch;
  if (code === 0x111 || code === 0x110) return 'd';
  const latin = (code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff);
  if (!latin) return ch;
  const base = ch.normalize('NFD').charAt(0);
  return base.length === 1 && base.charCodeAt(0) < 0x80 ? base.toLowerCase() : ch;
}

/**
 * NFKC, lower-case, Latin diacritics removed, traditional Chinese as simplified, runs of spaces and
 * hyphens collapsed to one space.
 */
export function foldKey(s: string): string {
  const lower = toSimplified(s.normalize('NFKC').toLowerCase().trim());
  let out = '';
  let space = false;
  for (const ch of lower) {
    if (isSpaceChar(ch.charCodeAt(0))) {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += bareChar(ch);
  }
  return out;
}

/**
 * Emoji and pictographic symbols, as UTF-16 code units for a RegExp class: posts put them between
 * the words of an amount or a place ("VND20 🔥 million", "Phnom 🌴 Penh", "WhatsApp 📞 08…"), where
 * they separate words as a space does (the indicator stream reads them so too). Arrows, technical
 * and geometric symbols, dingbats (✅ ☎ ★), and every astral character (emoji are astral; so
 * are rare CJK extensions, which no identifier word holds). Variation selectors (U+FE0F) and the
 * keycap mark (U+20E3) never reach here: normalize removes them as invisible.
 */
export const SYMBOL_UNITS = '\\u2190-\\u21ff\\u2300-\\u23ff\\u2500-\\u27bf\\u2b00-\\u2bff\\ud800-\\udfff';

/** A code unit of SYMBOL_UNITS. */
export function isSymbolUnit(code: number): boolean {
  return (
    (code >= 0x2190 && code <= 0x21ff) ||
    (code >= 0x2300 && code <= 0x23ff) ||
    (code >= 0x2500 && code <= 0x27bf) ||
    (code >= 0x2b00 && code <= 0x2bff) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

/**
 * RegExp source of the gap between two words of an identifier: spaces or tabs (`quantity` of them:
 * '?', '{0,2}' or '*'), or such spaces around one run of emoji and symbols. Linear: the two classes
 * are disjoint.
 */
export function wordGap(quantity: '?' | '{0,2}' | '*'): string {
  return `[ \\t]${quantity}(?:[${SYMBOL_UNITS}]+[ \\t]${quantity})?`;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A RegExp alternation of folded words, longest first; a Latin word must not run into a following letter. */
export function wordAlternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => (/[a-z]$/.test(w) ? `${escapeRegExp(w)}(?![a-z])` : escapeRegExp(w)))
    .join('|');
}

/** Characters that separate words inside a multi-word alias: spaces, hyphens, underscores, emoji. */
export function isSpaceChar(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x2d ||
    code === 0x5f ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2013 ||
    code === 0x3000 ||
    code === 0x200b ||
    isSymbolUnit(code)
  );
}

/** ASCII letter, digit or underscore, or a Latin letter with diacritics: the characters of a Latin word. */
export function isLatinWordChar(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      code === 0x5f
    );
  }
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)
  );
}
