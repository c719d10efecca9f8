import { bareTableOf, charClasses, DIGIT, LETTER, SPACE, streamTable } from './chars.ts';
import type { FeatureConfig } from './feature-config.ts';
import { FNV_OFFSET, FNV_PRIME, fmix32, fnvStep, hashPair, hashString } from './hash.ts';
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
const WORD_SEED = 0x57;
const MARKER_SEED = 0x4d;
const EXTRA_SEED = 0x58;
const LANG_SEED = 0x4c;
const SPACE_CODE = 32;
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
function fillBlock(
  kind: (typeof BLOCKS)[number],
  text: string,
  input: FeatureInput,
  config: FeatureConfig,
): Block {
  const mask = 2 ** config.bits - 1;
  if (kind === 'char') {
    if (config.char.weight === 0 || config.char.maxN < config.char.minN) return { n: 0, scale: 0 };
    const n = fillCharGrams(text, input, config, config.bits);
    return { n, scale: n > 0 ? config.char.weight / Math.sqrt(n) : 0 };
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
  return config.langSpecific && input.lang !== undefined && input.lang !== 'und'
    ? hashString(input.lang, LANG_SEED)
    : 0;
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
    if (kind === 'char' && key === 0 && canFuseCharGrams(config)) {
      z += fusedCharScore(text, input, config, weights);
      continue;
    }
    const { n, scale } = fillBlock(kind, text, input, config);
    const b = buckets;
    let s = 0;
    for (let i = 0; i < n; i++) s += weights[b[i] ?? 0] ?? 0;
    if (key !== 0) for (let i = 0; i < n; i++) s += weights[fmix32((b[i] ?? 0) ^ key) & mask] ?? 0;
    z += s * scale;
  }
  return z;
}

function canFuseCharGrams(config: FeatureConfig): boolean {
  const { minN, maxN, bare, weight } = config.char;
  return weight > 0 && bare !== 'shared' && minN <= maxN && maxN <= 5;
}

// The character block of linearScore without the occurrence list: the hashes of the 1..5-grams
// ending at each position roll forward from those ending at the one before (the same values as
// fillCharGrams computes), and their weights are summed at once. Twice as fast (measured).
function fusedCharScore(
  text: string,
  input: FeatureInput,
  config: FeatureConfig,
  weights: Float32Array,
): number {
  const n = buildCharStreams(text, input, config);
  const { minN, maxN, weight } = config.char;
  const shift = 32 - config.bits;
  const seed = CHAR_SEED ^ FNV_OFFSET;
  const s = stream;
  let z = 0;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  for (let j = 0; j < n; j++) {
    const c = s[j] ?? 0;
    // hK is the hash of the K-gram ending at the previous position
    if (j >= 4 && maxN >= 5 && minN <= 5) z += weights[Math.imul(h4 ^ c, FNV_PRIME) >>> shift] ?? 0;
    h4 = Math.imul(h3 ^ c, FNV_PRIME);
    if (j >= 3 && maxN >= 4 && minN <= 4) z += weights[h4 >>> shift] ?? 0;
    h3 = Math.imul(h2 ^ c, FNV_PRIME);
    if (j >= 2 && maxN >= 3 && minN <= 3) z += weights[h3 >>> shift] ?? 0;
    h2 = Math.imul(h1 ^ c, FNV_PRIME);
    if (j >= 1 && maxN >= 2 && minN <= 2) z += weights[h2 >>> shift] ?? 0;
    h1 = Math.imul(seed ^ c, FNV_PRIME);
    if (minN <= 1) z += weights[h1 >>> shift] ?? 0;
  }
  let count = 0;
  for (let k = minN; k <= maxN; k++) count += Math.max(0, n - k + 1);
  return count > 0 ? (z * weight) / Math.sqrt(count) : 0;
}

function ensureBuckets(size: number): void {
  if (buckets.length < size) buckets = new Int32Array(Math.max(size, buckets.length * 2));
}

// The character stream: whitespace runs collapsed to one space, a space at each end (word
// boundary markers), digits optionally folded to 0, diacritics stripped when asked; bareStream is
// the diacritic-stripped stream, built only for 'shared'.
function buildCharStreams(text: string, input: FeatureInput, config: FeatureConfig): number {
  if (stream.length < text.length + 2) {
    stream = new Uint16Array(text.length * 2 + 2);
    bareStream = new Uint16Array(text.length * 2 + 2);
  }
  const fold = config.char.digits === 'fold';
  const n = fillStream(text, stream, streamTable(config.char.bare === 'only', fold));
  if (config.char.bare !== 'shared') return n;
  const bare =
    input.bare !== undefined && input.bare.length === text.length && input.text === text ? input.bare : text;
  fillStream(bare, bareStream, streamTable(true, fold));
  return n;
}

function fillStream(text: string, out: Uint16Array, table: Uint16Array): number {
  out[0] = SPACE_CODE;
  let n = 1;
  let last = SPACE_CODE;
  for (let i = 0; i < text.length; i++) {
    const code = table[text.charCodeAt(i)] ?? SPACE_CODE;
    if (code === SPACE_CODE && last === SPACE_CODE) continue;
    out[n++] = code;
    last = code;
  }
  if (last !== SPACE_CODE) out[n++] = SPACE_CODE;
  return n;
}

function fillCharGrams(text: string, input: FeatureInput, config: FeatureConfig, bits: number): number {
  const n = buildCharStreams(text, input, config);
  const { minN, maxN, bare } = config.char;
  ensureBuckets(n * maxN * (bare === 'shared' ? 2 : 1));
  // The bucket is the top bits of the FNV state: its last multiplication mixes them well.
  const shift = 32 - bits;
  const s = stream;
  const out = buckets;
  let m = 0;
  for (let i = 0; i < n; i++) {
    let h = CHAR_SEED ^ FNV_OFFSET;
    const end = Math.min(n, i + maxN);
    let j = i;
    for (; j < end && j < i + minN - 1; j++) h = Math.imul(h ^ (s[j] ?? 0), FNV_PRIME);
    for (; j < end; j++) {
      h = Math.imul(h ^ (s[j] ?? 0), FNV_PRIME);
      out[m++] = h >>> shift;
    }
  }
  if (bare === 'shared') m = addSharedBareGrams(n, minN, maxN, shift, m);
  return m;
}

// n-grams of the diacritic-stripped stream, only those that differ from the raw ones, hashed
// into the same space: "tiền" adds "tien", so posts typed without diacritics hit the same weights.
function addSharedBareGrams(n: number, minN: number, maxN: number, shift: number, start: number): number {
  const s = stream;
  const b = bareStream;
  const out = buckets;
  let m = start;
  for (let i = 0; i < n; i++) {
    let h = CHAR_SEED ^ FNV_OFFSET;
    let differs = false;
    const end = Math.min(n, i + maxN);
    for (let j = i; j < end; j++) {
      const c = b[j] ?? 0;
      h = Math.imul(h ^ c, FNV_PRIME);
      if (c !== s[j]) differs = true;
      if (differs && j - i + 1 >= minN) out[m++] = h >>> shift;
    }
  }
  return m;
}

// Word features are written through this small state: unigrams, bigrams of consecutive words.
type Words = { m: number; previous: number; mask: number };

function emitWord(hash: number, config: FeatureConfig, w: Words): void {
  if (config.word.unigrams) buckets[w.m++] = hash & w.mask;
  if (config.word.bigrams && w.previous !== 0) buckets[w.m++] = hashPair(w.previous, hash) & w.mask;
  w.previous = hash;
}

function fillGivenTokens(tokens: readonly string[], config: FeatureConfig, mask: number): number {
  const w: Words = { m: 0, previous: 0, mask };
  ensureBuckets(tokens.length * 2);
  for (const token of tokens) {
    const lower = prepare(token);
    const h = hashToken(lower, 0, lower.length, config, false);
    if (h !== 0) emitWord(h, config, w);
  }
  return w.m;
}

// Words are runs of letters and digits inside whitespace-separated chunks, hashed in one pass
// (digit runs as one length-class symbol); a chunk that looks like a URL or a phone number also
// yields a marker token.
function fillWords(text: string, config: FeatureConfig, mask: number): number {
  const classes = charClasses();
  const table = bareTableOf();
  const limit = table.length;
  const shape = config.word.digits === 'shape';
  const withBare = config.word.bare && config.word.unigrams;
  const markers = config.word.markers;
  const thaiMode = config.word.thai;
  // at most: a unigram, a bigram and a bare unigram per word, two markers per chunk
  ensureBuckets(2 * text.length + 8);
  const w: Words = { m: 0, previous: 0, mask };
  let chunkStart = 0;
  let digits = 0;
  let letters = 0;
  // '.' or ':' followed by a letter or digit (a host name or scheme, not a full stop)
  let innerDots = 0;
  let afterDot = false;
  let start = -1;
  let h = 0;
  let hb = 0;
  let run = 0;
  let ascii = true;
  let thai = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : SPACE_CODE;
    const cls = classes[c];
    const inWord = cls === LETTER || cls === DIGIT;
    if (run > 0 && cls !== DIGIT) {
      const symbol = DIGIT_RUN_BASE + Math.min(run, 12);
      h = fnvStep(h, symbol);
      hb = fnvStep(hb, symbol);
      run = 0;
    }
    if (!inWord && start >= 0) {
      if (thai && thaiMode !== 'chunk') {
        if (thaiMode === 'segment') addThaiWords(text.slice(start, i), config, w);
      } else {
        const word = fmix32(h) || 1;
        emitWord(word, config, w);
        if (withBare && !ascii) {
          const bare = fmix32(hb) || 1;
          if (bare !== word) buckets[w.m++] = bare & mask;
        }
      }
      start = -1;
    }
    if (cls === SPACE) {
      if (markers && i > chunkStart) addMarkers(text, chunkStart, i, digits, letters, innerDots, w);
      chunkStart = i + 1;
      digits = 0;
      letters = 0;
      innerDots = 0;
      afterDot = false;
      continue;
    }
    if (!inWord) {
      afterDot = c === 0x2e || c === 0x3a;
      continue;
    }
    if (cls === DIGIT) digits++;
    else letters++;
    if (afterDot) {
      innerDots++;
      afterDot = false;
    }
    if (start < 0) {
      start = i;
      h = WORD_SEED ^ FNV_OFFSET;
      hb = h;
      ascii = true;
      thai = false;
    }
    if (cls === DIGIT && shape) {
      run++;
      continue;
    }
    h = fnvStep(h, c);
    if (c >= 0x80) {
      ascii = false;
      if (c >= 0x0e00 && c <= 0x0e7f) thai = true;
      hb = fnvStep(hb, c < limit ? (table[c] ?? c) : c);
    } else {
      hb = fnvStep(hb, c);
    }
  }
  return w.m;
}

function addThaiWords(run: string, config: FeatureConfig, w: Words): void {
  thaiSegmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  for (const part of thaiSegmenter.segment(run)) {
    if (part.isWordLike !== true) continue;
    ensureBuckets(w.m + 2);
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

function addMarkers(
  text: string,
  start: number,
  end: number,
  digits: number,
  letters: number,
  dots: number,
  w: Words,
): void {
  if (digits >= 8 && letters === 0) buckets[w.m++] = PHONE_MARKER & w.mask;
  if (dots === 0 || letters < 3) return;
  const tld = urlTld(text.slice(start, end));
  if (tld === undefined) return;
  buckets[w.m++] = URL_MARKER & w.mask;
  if (tld !== '') buckets[w.m++] = hashString(`tld:${tld}`, MARKER_SEED) & w.mask;
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
