import { bareTableOf, charClasses, DIGIT, LETTER, SPACE } from './chars.ts';
import type { FeatureConfig } from './feature-config.ts';
import { FNV_OFFSET, fmix32, fnvStep, hashPair, hashString } from './hash.ts';
import { ensureBuckets, prepareText, scratch } from './scratch.ts';

const WORD_SEED = 0x57;
const MARKER_SEED = 0x4d;
const SPACE_CODE = 32;
// Digit runs in word tokens hash as one private-use code unit per run length (1..12+).
const DIGIT_RUN_BASE = 0xe000;

let thaiSegmenter: Intl.Segmenter | undefined;

// Word features are written through this small state: unigrams, bigrams of consecutive words.
type Words = { m: number; previous: number; mask: number };

function emitWord(hash: number, config: FeatureConfig, w: Words): void {
  if (config.word.unigrams) scratch.buckets[w.m++] = hash & w.mask;
  if (config.word.bigrams && w.previous !== 0) scratch.buckets[w.m++] = hashPair(w.previous, hash) & w.mask;
  w.previous = hash;
}

/**
 * Words given by the caller. `normalised`: they come from text that is already NFKC and lower
 * case (the pipeline's), so they are hashed as they are (preparing each costs ~0.1 µs a token).
 */
export function fillGivenTokens(
  tokens: readonly string[],
  normalised: boolean,
  config: FeatureConfig,
  mask: number,
): number {
  const w: Words = { m: 0, previous: 0, mask };
  ensureBuckets(tokens.length * 2);
  for (const token of tokens) {
    const word = normalised ? token : prepareText(token);
    const h = hashToken(word, 0, word.length, config);
    if (h !== 0) emitWord(h, config, w);
  }
  return w.m;
}

// Words are runs of letters and digits inside whitespace-separated chunks, hashed in one pass
// (digit runs as one length-class symbol); a chunk that looks like a URL or a phone number also
// yields a marker token.
export function fillWords(text: string, config: FeatureConfig, mask: number): number {
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
          if (bare !== word) scratch.buckets[w.m++] = bare & mask;
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
    emitWord(hashToken(part.segment, 0, part.segment.length, config), config, w);
  }
}

function hashToken(text: string, start: number, end: number, config: FeatureConfig): number {
  const classes = charClasses();
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
    h = fnvStep(h, c);
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
  if (digits >= 8 && letters === 0) scratch.buckets[w.m++] = PHONE_MARKER & w.mask;
  if (dots === 0 || letters < 3) return;
  const tld = urlTld(text.slice(start, end));
  if (tld === undefined) return;
  scratch.buckets[w.m++] = URL_MARKER & w.mask;
  if (tld !== '') scratch.buckets[w.m++] = hashString(`tld:${tld}`, MARKER_SEED) & w.mask;
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
