import { bareTableOf, charClasses, DIGIT, LETTER, SPACE } from './chars.ts';
import type { FeatureConfig } from './feature-config.ts';
import { FNV_OFFSET, fmix32, fnvStep, hashPair, hashString } from './hash.ts';
import { FeatureAccumulator, type SparseVector } from './sparse.ts';

/**
 * What the classifier sees of a post. `text` as posted or as normalised by the pipeline (it is
 * NFKC-normalised and lower-cased here again, which is idempotent); `bare` its diacritic-stripped
 * form of the same length (derived here when absent); `tokens` words from the pipeline's segmenter
 * (derived here when absent); `extra` named features such as `ind:<id>`, `cat:<category>`, `id:<kind>`.
 */
export type FeatureInput = { text: string; bare?: string; tokens?: readonly string[]; extra?: readonly string[] };

// Namespace seeds keep feature families apart in the one hash space.
const CHAR_SEED = 0x43;
const BARE_SEED = 0x42;
const WORD_SEED = 0x57;
const MARKER_SEED = 0x4d;
const EXTRA_SEED = 0x58;
const SPACE_CODE = 32;
const ZERO_CODE = 48;
// Digit runs in word tokens hash as one private-use code unit per run length (1..12+).
const DIGIT_RUN_BASE = 0xe000;

let stream = new Uint16Array(2048);
let bareStream = new Uint16Array(2048);
const accumulators = new Map<number, FeatureAccumulator>();
let thaiSegmenter: Intl.Segmenter | undefined;

export function accumulatorFor(bits: number): FeatureAccumulator {
  let acc = accumulators.get(bits);
  if (!acc) {
    acc = new FeatureAccumulator(bits);
    accumulators.set(bits, acc);
  }
  return acc;
}

export function featurize(input: FeatureInput, config: FeatureConfig): SparseVector {
  const acc = accumulatorFor(config.bits);
  accumulateFeatures(input, config, acc);
  return acc.toSparse();
}

/** Fills `acc` with the features of `input` (the allocation-free path that predict() uses). */
export function accumulateFeatures(input: FeatureInput, config: FeatureConfig, acc: FeatureAccumulator): void {
  acc.reset();
  const text = input.text.normalize('NFKC').toLowerCase();
  const bare = input.bare !== undefined && text === input.text && input.bare.length === text.length ? input.bare : undefined;
  if (config.char.weight > 0 && config.char.maxN >= config.char.minN) {
    const n = buildCharStreams(text, bare, config);
    addCharGrams(n, config, acc);
    acc.endBlock(config.tf, true, config.char.weight);
  }
  if (config.word.weight > 0 && (config.word.unigrams || config.word.bigrams)) {
    if (input.tokens) addGivenTokens(input.tokens, config, acc);
    else addWords(text, config, acc);
    acc.endBlock(config.tf, true, config.word.weight);
  }
  if (input.extra && input.extra.length > 0 && config.extra.weight > 0) {
    for (const name of input.extra) acc.add(hashString(name, EXTRA_SEED));
    acc.endBlock('binary', false, config.extra.weight);
  }
}

// The character stream: whitespace runs collapsed to one space, a space at each end (word
// boundary markers), digits optionally folded to 0; bareStream is the same without diacritics.
function buildCharStreams(text: string, bare: string | undefined, config: FeatureConfig): number {
  if (stream.length < text.length + 2) {
    stream = new Uint16Array(text.length * 2 + 2);
    bareStream = new Uint16Array(text.length * 2 + 2);
  }
  const classes = charClasses();
  const table = bareTableOf();
  const fold = config.char.digits === 'fold';
  stream[0] = SPACE_CODE;
  bareStream[0] = SPACE_CODE;
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cls = classes[c];
    if (cls === SPACE) {
      if (stream[n - 1] !== SPACE_CODE) {
        stream[n] = SPACE_CODE;
        bareStream[n++] = SPACE_CODE;
      }
      continue;
    }
    if (fold && cls === DIGIT) {
      stream[n] = ZERO_CODE;
      bareStream[n++] = ZERO_CODE;
      continue;
    }
    stream[n] = c;
    bareStream[n++] = bare !== undefined ? bare.charCodeAt(i) : c < table.length ? (table[c] ?? c) : c;
  }
  if (stream[n - 1] !== SPACE_CODE) {
    stream[n] = SPACE_CODE;
    bareStream[n++] = SPACE_CODE;
  }
  return n;
}

function addCharGrams(n: number, config: FeatureConfig, acc: FeatureAccumulator): void {
  const { minN, maxN, boundaries, bare } = config.char;
  const withinWords = boundaries === 'word';
  const shared = bare === 'shared';
  const s = stream;
  const b = bareStream;
  for (let i = 0; i < n; i++) {
    let h = CHAR_SEED ^ FNV_OFFSET;
    let hb = h;
    let differs = false;
    const end = Math.min(n, i + maxN);
    for (let j = i; j < end; j++) {
      const c = s[j] ?? 0;
      h = fnvStep(h, c);
      const long = j - i + 1 >= minN;
      if (long) acc.add(fmix32(h));
      if (shared) {
        const cb = b[j] ?? 0;
        hb = fnvStep(hb, cb);
        if (cb !== c) differs = true;
        if (differs && long) acc.add(fmix32(hb));
      }
      if (withinWords && c === SPACE_CODE && j > i) break;
    }
  }
  if (bare !== 'separate') return;
  for (let i = 0; i < n; i++) {
    let h = BARE_SEED ^ FNV_OFFSET;
    const end = Math.min(n, i + maxN);
    for (let j = i; j < end; j++) {
      const c = b[j] ?? 0;
      h = fnvStep(h, c);
      if (j - i + 1 >= minN) acc.add(fmix32(h));
      if (withinWords && c === SPACE_CODE && j > i) break;
    }
  }
}

type WordState = { previous: number };

function emitWord(hash: number, config: FeatureConfig, acc: FeatureAccumulator, state: WordState): void {
  if (config.word.unigrams) acc.add(hash);
  if (config.word.bigrams && state.previous !== 0) acc.add(hashPair(state.previous, hash));
  state.previous = hash;
}

function addGivenTokens(tokens: readonly string[], config: FeatureConfig, acc: FeatureAccumulator): void {
  const state: WordState = { previous: 0 };
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const h = hashToken(lower, 0, lower.length, config, false);
    if (h !== 0) emitWord(h, config, acc, state);
  }
}

// Words are runs of letters and digits inside whitespace-separated chunks; a chunk that looks
// like a URL or a phone number also yields a marker token.
function addWords(text: string, config: FeatureConfig, acc: FeatureAccumulator): void {
  const classes = charClasses();
  const state: WordState = { previous: 0 };
  let i = 0;
  while (i < text.length) {
    while (i < text.length && classes[text.charCodeAt(i)] === SPACE) i++;
    const chunkStart = i;
    while (i < text.length && classes[text.charCodeAt(i)] !== SPACE) i++;
    if (i === chunkStart) break;
    if (config.word.markers) addMarkers(text, chunkStart, i, acc);
    let j = chunkStart;
    while (j < i) {
      while (j < i && (classes[text.charCodeAt(j)] ?? 0) !== LETTER && classes[text.charCodeAt(j)] !== DIGIT) j++;
      const start = j;
      let thai = false;
      while (j < i) {
        const c = text.charCodeAt(j);
        const cls = classes[c];
        if (cls !== LETTER && cls !== DIGIT) break;
        if (c >= 0x0e00 && c <= 0x0e7f) thai = true;
        j++;
      }
      if (j === start) continue;
      if (thai && config.word.segmentThai) addThaiWords(text.slice(start, j), config, acc, state);
      else addToken(text, start, j, config, acc, state);
    }
  }
}

function addToken(
  text: string,
  start: number,
  end: number,
  config: FeatureConfig,
  acc: FeatureAccumulator,
  state: WordState,
): void {
  const h = hashToken(text, start, end, config, false);
  emitWord(h, config, acc, state);
  if (!config.word.bare || !config.word.unigrams) return;
  const hb = hashToken(text, start, end, config, true);
  if (hb !== h) acc.add(hb);
}

function addThaiWords(run: string, config: FeatureConfig, acc: FeatureAccumulator, state: WordState): void {
  thaiSegmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  for (const part of thaiSegmenter.segment(run)) {
    if (part.isWordLike !== true) continue;
    emitWord(hashToken(part.segment, 0, part.segment.length, config, false), config, acc, state);
  }
}

function hashToken(text: string, start: number, end: number, config: FeatureConfig, bare: boolean): number {
  const classes = charClasses();
  const table = bareTableOf();
  const shape = config.word.digits === 'shape';
  let h = WORD_SEED ^ FNV_OFFSET;
  let any = false;
  let k = start;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (shape && classes[c] === DIGIT) {
      let run = 0;
      while (k < end && classes[text.charCodeAt(k)] === DIGIT) {
        run++;
        k++;
      }
      h = fnvStep(h, DIGIT_RUN_BASE + Math.min(run, 12));
      any = true;
      continue;
    }
    h = fnvStep(h, bare && c < table.length ? (table[c] ?? c) : c);
    any = true;
    k++;
  }
  return any ? fmix32(h) || 1 : 0;
}

const URL_MARKER = hashString('<url>', MARKER_SEED);
const PHONE_MARKER = hashString('<phone>', MARKER_SEED);

function addMarkers(text: string, start: number, end: number, acc: FeatureAccumulator): void {
  const classes = charClasses();
  let digits = 0;
  let letters = 0;
  for (let k = start; k < end; k++) {
    const cls = classes[text.charCodeAt(k)];
    if (cls === DIGIT) digits++;
    else if (cls === LETTER) letters++;
  }
  if (digits >= 8 && letters === 0) acc.add(PHONE_MARKER);
  const tld = urlTld(text, start, end);
  if (tld === undefined) return;
  acc.add(URL_MARKER);
  if (tld !== '') acc.add(hashString(`tld:${tld}`, MARKER_SEED));
}

// A chunk is a URL when it has a scheme, starts with www., or is host.tld (ASCII labels, a
// 2–6 letter TLD) optionally followed by a path. Returns its TLD ('' when unknown).
function urlTld(text: string, start: number, end: number): string | undefined {
  const chunk = text.slice(start, end);
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?((?:[a-z0-9-]+\.)+([a-z]{2,6}))(?:[/:?#]|[.,;!)]*$)/.exec(chunk);
  if (match) return match[2] ?? '';
  if (chunk.includes('://') || chunk.startsWith('www.')) return '';
  return undefined;
}

