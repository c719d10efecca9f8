// Loads and validates data/lang/latin-profiles.json at start-up and compiles it into flat tables:
// trigram log-probabilities in a dense Float32Array (no string keys at scoring time) and word
// membership as a hash → language bitmask map.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';

export const LATIN_LANGS = ['en', 'vi', 'id', 'ms', 'fil'] as const;
export type LatinLang = (typeof LATIN_LANGS)[number];
export const LATIN_COUNT = LATIN_LANGS.length;

const trigramList = z
  .string()
  .refine(
    (s) => s === '' || s.split('|').every((t) => /^[a-z ]{3}$/.test(t)),
    'trigrams: "abc|bcd|..." over a-z and space',
  );
const wordList = z.array(z.string().regex(/^[a-z]+$/, 'words are lower-case a-z without diacritics')).min(1);

export const latinProfilesSchema = z.object({
  description: z.string(),
  sources: z.array(z.string().min(1)).min(1),
  langs: z.tuple([z.literal('en'), z.literal('vi'), z.literal('id'), z.literal('ms'), z.literal('fil')]),
  words: z.object({ en: wordList, vi: wordList, id: wordList, ms: wordList, fil: wordList }),
  trigrams: z.object({
    en: trigramList,
    vi: trigramList,
    id: trigramList,
    ms: trigramList,
    fil: trigramList,
  }),
});
export type LatinProfiles = z.infer<typeof latinProfilesSchema>;

/** Trigram alphabet: 0 = word boundary, 1..26 = a..z. */
export const ALPHA = 27;
export function letterIndex(bareUnit: number): number {
  return bareUnit >= 0x61 && bareUnit <= 0x7a ? bareUnit - 0x60 : 0;
}

/** FNV-1a over the word's letter indices, folded to a small integer key. */
export function wordKeyStep(hash: number, letter: number): number {
  return Math.imul(hash ^ letter, 16777619) >>> 0;
}
export const WORD_KEY_SEED = 2166136261;

export type LatinModel = {
  /** trigram (a*27*27 + b*27 + c) → row in trigramLogP; row 0 holds the unseen log-probabilities */
  trigramRow: Uint16Array;
  /** [row * LATIN_COUNT + lang] → log P(trigram | lang); compact so that it stays in cache */
  trigramLogP: Float32Array;
  /** word key → bitmask of the languages that list the word */
  words: Map<number, number>;
};

function keyOf(word: string): number {
  let h = WORD_KEY_SEED;
  for (let i = 0; i < word.length; i++) h = wordKeyStep(h, letterIndex(word.charCodeAt(i)));
  return (h >>> 2) ^ (word.length << 26);
}
export function finishWordKey(hash: number, length: number): number {
  return (hash >>> 2) ^ (length << 26);
}

// Zipf estimate from the rank: P(rank r) ∝ 1 / (r + RANK_SHIFT); unseen trigrams get the mass of rank TOP+UNSEEN_GAP.
const RANK_SHIFT = 8;
const UNSEEN_GAP = 200;

export function compileLatinModel(p: LatinProfiles): LatinModel {
  const lists = LATIN_LANGS.map((lang) => (p.trigrams[lang] === '' ? [] : p.trigrams[lang].split('|')));
  const trigramRow = new Uint16Array(ALPHA * ALPHA * ALPHA);
  let rows = 1;
  const indexOf = (t: string): number =>
    (letterIndex(t.charCodeAt(0)) * ALPHA + letterIndex(t.charCodeAt(1))) * ALPHA +
    letterIndex(t.charCodeAt(2));
  for (const list of lists)
    for (const t of list) if (trigramRow[indexOf(t)] === 0) trigramRow[indexOf(t)] = rows++;
  const trigramLogP = new Float32Array(rows * LATIN_COUNT);
  lists.forEach((list, li) => {
    let z = 0;
    for (let r = 0; r < list.length; r++) z += 1 / (r + RANK_SHIFT);
    const unseen = Math.log(1 / (list.length + UNSEEN_GAP + RANK_SHIFT) / (z || 1));
    for (let row = 0; row < rows; row++) trigramLogP[row * LATIN_COUNT + li] = unseen;
    list.forEach((t, r) => {
      trigramLogP[(trigramRow[indexOf(t)] ?? 0) * LATIN_COUNT + li] = Math.log(1 / (r + RANK_SHIFT) / z);
    });
  });
  const words = new Map<number, number>();
  LATIN_LANGS.forEach((lang, li) => {
    for (const w of p.words[lang]) words.set(keyOf(w), (words.get(keyOf(w)) ?? 0) | (1 << li));
  });
  return { trigramRow, trigramLogP, words };
}

export function loadLatinProfiles(): LatinProfiles {
  const file = repoPath('data', 'lang', 'latin-profiles.json');
  const parsed = latinProfilesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is invalid: ${parsed.error.message}`);
  return parsed.data;
}
