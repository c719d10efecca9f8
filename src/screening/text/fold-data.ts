// Loads data/lang/homoglyphs.json and data/lang/digit-words.json at start-up, validates them and
// compiles them into lookup tables for the normaliser.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';
import { bareOf, lowerOf } from './chars.ts';

const oneUnit = z.string().length(1);

const homoglyphSchema = z.object({
  description: z.string(),
  sources: z.array(z.string().min(1)).min(1),
  map: z.record(oneUnit, z.string().regex(/^[A-Za-z]$/)),
});

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
for (const [from, to] of Object.entries(parse(homoglyphSchema, 'homoglyphs.json').map)) {
  HOMOGLYPHS[from.charCodeAt(0)] = to.charCodeAt(0);
}

/** A trie over code units; `digit` ≥ 0 where a spelled digit ends. */
export type DigitTrie = { next: Map<number, DigitTrie>; digit: number };
const newNode = (): DigitTrie => ({ next: new Map(), digit: -1 });

/** Latin-script words, keyed by their lower-case bare letters (so "không" and "khong" both match). */
export const LATIN_DIGIT_TRIE = newNode();
/** First two letters (a-z, index (a*26+b)) of the Latin digit words: a cheap reject before the trie. */
export const LATIN_DIGIT_PREFIX = new Uint8Array(26 * 26);
/** Thai words, keyed by their NFKC units (Thai is written without spaces, so matched anywhere). */
export const THAI_DIGIT_TRIE = newNode();

function add(root: DigitTrie, word: string, digit: number, file: string): void {
  let node = root;
  for (let i = 0; i < word.length; i++) {
    const u = word.charCodeAt(i);
    let next = node.next.get(u);
    if (next === undefined) {
      next = newNode();
      node.next.set(u, next);
    }
    node = next;
  }
  if (node.digit >= 0 && node.digit !== digit)
    throw new Error(`${file}: "${word}" is both ${node.digit} and ${digit}`);
  node.digit = digit;
}

const digitWords = parse(digitWordsSchema, 'digit-words.json');
for (const [lang, words] of Object.entries(digitWords.words)) {
  for (const [word, digit] of Object.entries(words)) {
    const nfkc = word.normalize('NFKC');
    if (lang === 'th') {
      add(THAI_DIGIT_TRIE, nfkc, digit, 'digit-words.json');
      continue;
    }
    let key = '';
    for (let i = 0; i < nfkc.length; i++) key += String.fromCharCode(bareOf(lowerOf(nfkc.charCodeAt(i))));
    if (!/^[a-z]{2,}$/.test(key))
      throw new Error(`digit-words.json: "${word}" (${lang}) is not a Latin word`);
    add(LATIN_DIGIT_TRIE, key, digit, 'digit-words.json');
    LATIN_DIGIT_PREFIX[(key.charCodeAt(0) - 0x61) * 26 + (key.charCodeAt(1) - 0x61)] = 1;
  }
}
