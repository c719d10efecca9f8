/// <reference path="./opencc-js.d.ts" />
// Traditional Chinese characters → simplified, one UTF-16 unit for one, so a post in traditional
// characters (Taiwan, Hong Kong, Macau, many overseas Chinese pages) matches the lexicons, which are
// written in simplified characters: "月入可達1-2萬" reads as "月入可达1-2万". Character by character,
// from OpenCC's TSCharacters table (opencc-js 1.4.2, Apache-2.0; one simplified character for each
// traditional one); pairs outside the BMP are left out (both forms must be one unit, so that
// offsets into the post stay valid). Folding is applied to posts
// (text/chars.ts foldOf) and to lexicon phrases alike, so phrases may be written in either form.
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

const table = new Uint16Array(0x10000);
for (const pair of TS_CHARACTERS.split('|')) {
  const [from, to] = pair.split(' ');
  if (from?.length === 1 && to?.length === 1) table[from.charCodeAt(0)] = to.charCodeAt(0);
}

/** The simplified form of one code unit (itself when it has none). */
export function simplifiedUnit(unit: number): number {
  return table[unit] || unit;
}

/** `s` with every traditional character folded to its simplified form (same length). */
export function toSimplified(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const to = table[s.charCodeAt(i)] ?? 0;
    if (to === 0) continue;
    out += s.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
