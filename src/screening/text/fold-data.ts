// Loads data/lang/homoglyphs.json and data/lang/digit-words.json at start-up, validates them and
// compiles them into lookup tables for the normaliser.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';
import { bareOf, lowerOf } from './chars.ts';

const oneUnit = z.string().length(1);

const glyphMap = z.object({
  description: z.string(),
  sources: z.array(z.string().min(1)).min(1),
  map: z.record(oneUnit, z.string().regex(/^[A-Za-z]$/)),
});
// `map`: confusables (UTS #39); `faux`: faux-Cyrillic letters, folded by the same rule.
const homoglyphSchema = glyphMap
  .extend({ faux: glyphMap })
  .refine((d) => Object.keys(d.faux.map).every((k) => !(k in d.map)), 'a letter is in both map and faux.map');

const digitWordsSchema = z.object({
  description: z.string(),
  sources: z.array(z.string().min(1)).min(1),
  words: z.record(
    z.enum(['en', 'vi', 'id', 'ms', 'fil', 'th']),
    z.record(z.string().min(1), z.number().int().min(0).max(9)),
  ),
});

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(repoPath('data', 'lang', name), 'utf8'));
}

function parse<T>(schema: z.ZodType<T>, name: string): T {
  const r = schema.safeParse(readJson(name));
  if (!r.success) throw new Error(`data/lang/${name} is invalid: ${r.error.message}`);
  return r.data;
}

/** Homoglyph → Latin letter (same case), 0 when none. */
export const HOMOGLYPHS = new Uint16Array(0x10000);
const homoglyphs = parse(homoglyphSchema, 'homoglyphs.json');
for (const [from, to] of [...Object.entries(homoglyphs.map), ...Object.entries(homoglyphs.faux.map)]) {
  HOMOGLYPHS[from.charCodeAt(0)] = to.charCodeAt(0);
}

/**
 * A trie over a range of code units, flat for speed: node 0 is the root; the child of `node` on unit
 * u is child[node * width + (u - base)] (0: none); digit[node] ≥ 0 where a spelled digit ends.
 */
export type DigitTrie = { base: number; width: number; child: Uint16Array; digit: Int8Array };

/** The child of `node` on unit `u`, or 0 when there is none. */
export function trieChild(trie: DigitTrie, node: number, u: number): number {
  const c = u - trie.base;
  return c >= 0 && c < trie.width ? (trie.child[node * trie.width + c] ?? 0) : 0;
}

function compileTrie(
  words: ReadonlyArray<[string, number]>,
  base: number,
  width: number,
  file: string,
): DigitTrie {
  const rows: number[][] = [new Array<number>(width).fill(0)];
  const digits: number[] = [-1];
  for (const [word, digit] of words) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i) - base;
      if (c < 0 || c >= width) throw new Error(`${file}: "${word}" has a character outside its script`);
      const row = rows[node] ?? [];
      let next = row[c] ?? 0;
      if (next === 0) {
        next = rows.length;
        row[c] = next;
        rows.push(new Array<number>(width).fill(0));
        digits.push(-1);
      }
      node = next;
    }
    const known = digits[node] ?? -1;
    if (known >= 0 && known !== digit) throw new Error(`${file}: "${word}" is both ${known} and ${digit}`);
    digits[node] = digit;
  }
  const child = new Uint16Array(rows.length * width);
  rows.forEach((row, node) => {
    child.set(row, node * width);
  });
  return { base, width, child, digit: Int8Array.from(digits) };
}

/** First two letters (a-z, index (a*26+b)) of the Latin digit words: a cheap reject before the trie. */
export const LATIN_DIGIT_PREFIX = new Uint8Array(26 * 26);

const latinWords: Array<[string, number]> = [];
const thaiWords: Array<[string, number]> = [];
const digitWords = parse(digitWordsSchema, 'digit-words.json');
for (const [lang, words] of Object.entries(digitWords.words)) {
  for (const [word, digit] of Object.entries(words)) {
    const nfkc = word.normalize('NFKC');
    if (lang === 'th') {
      thaiWords.push([nfkc, digit]);
      continue;
    }
    let key = '';
    for (let i = 0; i < nfkc.length; i++) key += String.fromCharCode(bareOf(lowerOf(nfkc.charCodeAt(i))));
    if (!/^[a-z]{2,}$/.test(key))
      throw new Error(`digit-words.json: "${word}" (${lang}) is not a Latin word`);
    latinWords.push([key, digit]);
    LATIN_DIGIT_PREFIX[(key.charCodeAt(0) - 0x61) * 26 + (key.charCodeAt(1) - 0x61)] = 1;
  }
}

/** Latin-script words, keyed by their lower-case bare letters (so "không" and "khong" both match). */
export const LATIN_DIGIT_TRIE = compileTrie(latinWords, 0x61, 26, 'digit-words.json');
/** Thai words, keyed by their NFKC units (Thai is written without spaces, so matched anywhere). */
export const THAI_DIGIT_TRIE = compileTrie(thaiWords, 0x0e00, 0x80, 'digit-words.json');
