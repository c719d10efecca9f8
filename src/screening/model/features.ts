import { bareTableOf, charClasses, DIGIT, LETTER, SPACE } from './chars.ts';
import type { FeatureConfig } from './feature-config.ts';
import { FNV_OFFSET, fmix32, fnvStep, hashPair, hashString } from './hash.ts';
import { SparseBuilder, type SparseVector } from './sparse.ts';

/**
 * What the classifier sees of a post. `text` as posted or as normalised by the pipeline (NFKC and
 * lower-casing are applied here again, which is idempotent); `bare` its diacritic-stripped form of
 * the same length (derived here when absent); `tokens` words from the pipeline's segmenter (derived
 * here when absent); `extra` named features such as `ind:<id>`, `cat:<category>`, `id:<kind>`;
 * `lang` the post's language, when known.
 */
export type FeatureInput = {
  text: string;
  bare?: string;
  tokens?: readonly string[];
  extra?: readonly string[];
  lang?: string;
};

// Namespace seeds keep feature families apart in the one hash space.
const CHAR_SEED = 0x43;
const BARE_SEED = 0x42;
const WORD_SEED = 0x57;
const MARKER_SEED = 0x4d;
const EXTRA_SEED = 0x58;
const LANG_SEED = 0x4c;
const SPACE_CODE = 32;
const ZERO_CODE = 48;
// Digit runs in word tokens hash as one private-use code unit per run length (1..12+).
const DIGIT_RUN_BASE = 0xe000;

// Scratch buffers, reused by every call (featurisation is synchronous, so never shared).
let stream = new Uint16Array(2048);
let bareStream = new Uint16Array(2048);
let buckets = new Int32Array(16384);
let thaiSegmenter: Intl.Segmenter | undefined;

type Block = { n: number; scale: number };
const BLOCKS = ['char', 'word', 'extra'] as const;

// Each block is a bag of hashed occurrences with raw counts, scaled by weight / √(occurrences):
// as accurate as sublinear TF with L2 norm on the SMS sets (measured), and it lets predict() sum
// weights straight from the occurrence list without counting distinct features.
function fillBlock(kind: (typeof BLOCKS)[number], text: string, input: FeatureInput, config: FeatureConfig): Block {
  const mask = 2 ** config.bits - 1;
  if (kind === 'char') {
    if (config.char.weight === 0 || config.char.maxN < config.char.minN) return { n: 0, scale: 0 };
    const n = fillCharGrams(text, input, config, mask);
    return { n, scale: config.char.weight / Math.sqrt(n) };
  }
  if (kind === 'word') {
    if (config.word.weight === 0 || !(config.word.unigrams || config.word.bigrams)) return { n: 0, scale: 0 };
    const n = input.tokens ? fillGivenTokens(input.tokens, config, mask) : fillWords(text, config, mask);
    return { n, scale: n > 0 ? config.word.weight / Math.sqrt(n) : 0 };
  }
  const extra = input.extra ?? [];
  if (config.extra.weight === 0 || extra.length === 0) return { n: 0, scale: 0 };
  ensureBuckets(extra.length);
  extra.forEach((name, i) => {
    buckets[i] = hashString(name, EXTRA_SEED) & mask;
  });
  return { n: extra.length, scale: config.extra.weight };
}

function langKey(input: FeatureInput, config: FeatureConfig): number {
  return config.langSpecific && input.lang !== undefined && input.lang !== 'und' ? hashString(input.lang, LANG_SEED) : 0;
}

function prepare(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The sparse feature vector of a post (for training; predict() uses linearScore()). */
export function featurize(input: FeatureInput, config: FeatureConfig): SparseVector {
  const text = prepare(input.text);
  const key = langKey(input, config);
  const mask = 2 ** config.bits - 1;
  const out = new SparseBuilder();
  for (const kind of BLOCKS) {
    const { n, scale } = fillBlock(kind, text, input, config);
    if (n === 0) continue;
    if (key !== 0) {
      ensureBuckets(2 * n);
      for (let i = 0; i < n; i++) buckets[n + i] = fmix32((buckets[i] ?? 0) ^ key) & mask;
      out.addBlock(buckets, 2 * n, scale);
    } else {
      out.addBlock(buckets, n, scale);
    }
  }
  return out.finish();
}

/** w · featurize(input), computed from the occurrence lists without building the vector. */
export function linearScore(input: FeatureInput, config: FeatureConfig, weights: Float32Array): number {
  const text = prepare(input.text);
  const key = langKey(input, config);
  const mask = 2 ** config.bits - 1;
  let z = 0;
  for (const kind of BLOCKS) {
    const { n, scale } = fillBlock(kind, text, input, config);
    let s = 0;
    for (let i = 0; i < n; i++) s += weights[buckets[i] ?? 0] ?? 0;
    if (key !== 0) for (let i = 0; i < n; i++) s += weights[fmix32((buckets[i] ?? 0) ^ key) & mask] ?? 0;
    z += s * scale;
  }
  return z;
}

function ensureBuckets(size: number): void {
  if (buckets.length < size) buckets = new Int32Array(Math.max(size, buckets.length * 2));
}

// The character stream: whitespace runs collapsed to one space, a space at each end (word
// boundary markers), digits optionally folded to 0; bareStream is the same without diacritics.
function buildCharStreams(text: string, input: FeatureInput, config: FeatureConfig): number {
  if (stream.length < text.length + 2) {
    stream = new Uint16Array(text.length * 2 + 2);
    bareStream = new Uint16Array(text.length * 2 + 2);
  }
  const bare =
    input.bare !== undefined && input.bare.length === text.length && input.text === text ? input.bare : undefined;
  const classes = charClasses();
  const table = bareTableOf();
  const limit = table.length;
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
    bareStream[n++] = bare !== undefined ? bare.charCodeAt(i) : c < limit ? (table[c] ?? c) : c;
  }
  if (stream[n - 1] !== SPACE_CODE) {
    stream[n] = SPACE_CODE;
    bareStream[n++] = SPACE_CODE;
  }
  return n;
}

function fillCharGrams(text: string, input: FeatureInput, config: FeatureConfig, mask: number): number {
  const n = buildCharStreams(text, input, config);
  const { minN, maxN, boundaries, bare } = config.char;
  ensureBuckets(n * maxN * (bare === 'none' ? 1 : 2));
  const withinWords = boundaries === 'word';
  const shared = bare === 'shared';
  const s = stream;
  const b = bareStream;
  const out = buckets;
  let m = 0;
  for (let i = 0; i < n; i++) {
    let h = CHAR_SEED ^ FNV_OFFSET;
    let hb = h;
    let differs = false;
    const end = Math.min(n, i + maxN);
    for (let j = i; j < end; j++) {
      const c = s[j] ?? 0;
      h = fnvStep(h, c);
      const long = j - i + 1 >= minN;
      if (long) out[m++] = fmix32(h) & mask;
      if (shared) {
        const cb = b[j] ?? 0;
        hb = fnvStep(hb, cb);
        if (cb !== c) differs = true;
        if (differs && long) out[m++] = fmix32(hb) & mask;
      }
      if (withinWords && c === SPACE_CODE && j > i) break;
    }
  }
  if (bare !== 'separate') return m;
  for (let i = 0; i < n; i++) {
    let h = BARE_SEED ^ FNV_OFFSET;
    const end = Math.min(n, i + maxN);
    for (let j = i; j < end; j++) {
      const c = b[j] ?? 0;
      h = fnvStep(h, c);
      if (j - i + 1 >= minN) out[m++] = fmix32(h) & mask;
      if (withinWords && c === SPACE_CODE && j > i) break;
    }
  }
  return m;
}

// Word features are written through this small state: unigrams, bigrams of consecutive words.
type Words = { m: number; previous: number; mask: number };

function emitWord(hash: number, config: FeatureConfig, w: Words): void {
  ensureBuckets(w.m + 3);
  if (config.word.unigrams) buckets[w.m++] = hash & w.mask;
  if (config.word.bigrams && w.previous !== 0) buckets[w.m++] = hashPair(w.previous, hash) & w.mask;
  w.previous = hash;
}

function emitExtraWord(hash: number, w: Words): void {
  ensureBuckets(w.m + 1);
  buckets[w.m++] = hash & w.mask;
}

function fillGivenTokens(tokens: readonly string[], config: FeatureConfig, mask: number): number {
  const w: Words = { m: 0, previous: 0, mask };
  for (const token of tokens) {
    const lower = prepare(token);
    const h = hashToken(lower, 0, lower.length, config, false);
    if (h !== 0) emitWord(h, config, w);
  }
  return w.m;
}

// Words are runs of letters and digits inside whitespace-separated chunks; a chunk that looks
// like a URL or a phone number also yields a marker token.
function fillWords(text: string, config: FeatureConfig, mask: number): number {
  const classes = charClasses();
  const w: Words = { m: 0, previous: 0, mask };
  let i = 0;
  while (i < text.length) {
    while (i < text.length && classes[text.charCodeAt(i)] === SPACE) i++;
    const chunkStart = i;
    while (i < text.length && classes[text.charCodeAt(i)] !== SPACE) i++;
    if (i === chunkStart) break;
    if (config.word.markers) addMarkers(text, chunkStart, i, w);
    let j = chunkStart;
    while (j < i) {
      while (j < i && classes[text.charCodeAt(j)] !== LETTER && classes[text.charCodeAt(j)] !== DIGIT) j++;
      const start = j;
      let thai = false;
      let ascii = true;
      while (j < i) {
        const c = text.charCodeAt(j);
        const cls = classes[c];
        if (cls !== LETTER && cls !== DIGIT) break;
        if (c >= 0x80) ascii = false;
        if (c >= 0x0e00 && c <= 0x0e7f) thai = true;
        j++;
      }
      if (j === start) continue;
      if (thai && config.word.segmentThai) {
        addThaiWords(text.slice(start, j), config, w);
        continue;
      }
      const h = hashToken(text, start, j, config, false);
      emitWord(h, config, w);
      if (ascii || !config.word.bare || !config.word.unigrams) continue;
      const hb = hashToken(text, start, j, config, true);
      if (hb !== h) emitExtraWord(hb, w);
    }
  }
  return w.m;
}

function addThaiWords(run: string, config: FeatureConfig, w: Words): void {
  thaiSegmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  for (const part of thaiSegmenter.segment(run)) {
    if (part.isWordLike !== true) continue;
    emitWord(hashToken(part.segment, 0, part.segment.length, config, false), config, w);
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

function addMarkers(text: string, start: number, end: number, w: Words): void {
  const classes = charClasses();
  let digits = 0;
  let letters = 0;
  let dots = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const cls = classes[c];
    if (cls === DIGIT) digits++;
    else if (cls === LETTER) letters++;
    else if (c === 0x2e || c === 0x3a) dots++;
  }
  if (digits >= 8 && letters === 0) emitExtraWord(PHONE_MARKER, w);
  if (dots === 0 || letters < 3) return;
  const tld = urlTld(text.slice(start, end));
  if (tld === undefined) return;
  emitExtraWord(URL_MARKER, w);
  if (tld !== '') emitExtraWord(hashString(`tld:${tld}`, MARKER_SEED), w);
}

const URL_PATTERN = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)+([a-z]{2,6})(?:[/:?#]|[.,;!)]*$)/;

// A chunk is a URL when it has a scheme, starts with www., or is host.tld (ASCII labels, a
// 2–6 letter TLD) optionally followed by a path. Returns its TLD ('' when unknown).
function urlTld(chunk: string): string | undefined {
  const match = URL_PATTERN.exec(chunk);
  if (match) return match[1] ?? '';
  if (chunk.includes('://') || chunk.startsWith('www.')) return '';
  return undefined;
}
