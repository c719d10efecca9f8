// Scores Latin-script text for en, vi, id, ms and fil: character trigrams (Zipf-estimated from the
// profiles' ranks) + hits in each language's word list + Vietnamese diacritics. One pass over `bare`,
// no allocation: trigrams index a dense table, words are hashed as they are read.
import {
  ALPHA,
  compileLatinModel,
  finishWordKey,
  LATIN_COUNT,
  LATIN_LANGS,
  type LatinLang,
  loadLatinProfiles,
  WORD_KEY_SEED,
  wordKeyStep,
} from './latin-profiles.ts';

const model = compileLatinModel(loadLatinProfiles());
const VI = LATIN_LANGS.indexOf('vi');
const ID = LATIN_LANGS.indexOf('id');
const MS = LATIN_LANGS.indexOf('ms');
const ID_BIT = 1 << ID;
const MS_BIT = 1 << MS;

/** One score per Latin language (a literal: allocating a typed array per text piece cost more). */
function zeros(): number[] {
  return [0, 0, 0, 0, 0];
}
if (LATIN_COUNT !== 5) throw new Error('latin-score: zeros() must have one entry per Latin language');

/** Evidence gathered over one or more stretches of Latin text; add() is cumulative. */
export class LatinEvidence {
  readonly trigram = zeros();
  readonly wordHits = zeros();
  trigrams = 0;
  words = 0;
  letters = 0;
  viMarks = 0;
  idOnly = 0;
  msOnly = 0;

  merge(o: LatinEvidence): void {
    for (let l = 0; l < LATIN_COUNT; l++) {
      this.trigram[l] = (this.trigram[l] ?? 0) + (o.trigram[l] ?? 0);
      this.wordHits[l] = (this.wordHits[l] ?? 0) + (o.wordHits[l] ?? 0);
    }
    this.trigrams += o.trigrams;
    this.words += o.words;
    this.letters += o.letters;
    this.viMarks += o.viMarks;
    this.idOnly += o.idOnly;
    this.msOnly += o.msOnly;
  }

  /** Adds text[start, end) (bare for trigrams and words, text for diacritics). */
  add(text: string, bare: string, start: number, end: number): void {
    // Five running sums in locals: this loop is most of detectLanguages' time.
    const logP = model.trigramLogP;
    const rowOf = model.trigramRow;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let count = 0;
    let a = 0;
    let b = 0;
    let hash = WORD_KEY_SEED;
    let wlen = 0;
    for (let k = start; k <= end; k++) {
      const c = k < end ? bare.charCodeAt(k) : 0x20;
      const li = c >= 0x61 && c <= 0x7a ? c - 0x60 : 0;
      if (li !== 0) {
        this.letters++;
        hash = wordKeyStep(hash, li);
        wlen++;
        if (c !== text.charCodeAt(k) && isVietnameseMark(text.charCodeAt(k))) this.viMarks++;
      } else if (b === 0) {
        continue;
      } else {
        this.endWord(finishWordKey(hash, wlen));
        hash = WORD_KEY_SEED;
        wlen = 0;
      }
      if (a !== 0 || b !== 0) {
        const base = (rowOf[(a * ALPHA + b) * ALPHA + li] ?? 0) * LATIN_COUNT;
        s0 += logP[base] ?? 0;
        s1 += logP[base + 1] ?? 0;
        s2 += logP[base + 2] ?? 0;
        s3 += logP[base + 3] ?? 0;
        s4 += logP[base + 4] ?? 0;
        count++;
      }
      a = b;
      b = li;
    }
    const t = this.trigram;
    t[0] = (t[0] ?? 0) + s0;
    t[1] = (t[1] ?? 0) + s1;
    t[2] = (t[2] ?? 0) + s2;
    t[3] = (t[3] ?? 0) + s3;
    t[4] = (t[4] ?? 0) + s4;
    this.trigrams += count;
  }

  private endWord(key: number): void {
    this.words++;
    const mask = model.words.get(key);
    if (mask === undefined) return;
    for (let l = 0; l < LATIN_COUNT; l++) if (mask & (1 << l)) this.wordHits[l] = (this.wordHits[l] ?? 0) + 1;
    if ((mask & (ID_BIT | MS_BIT)) === ID_BIT) this.idOnly++;
    if ((mask & (ID_BIT | MS_BIT)) === MS_BIT) this.msOnly++;
  }
}

/** Letters only Vietnamese uses among our languages: ă â đ ê ô ơ ư and the tone-marked vowels. */
function isVietnameseMark(u: number): boolean {
  return (
    (u >= 0x1ea0 && u <= 0x1ef9) ||
    u === 0x103 ||
    u === 0xe2 ||
    u === 0x111 ||
    u === 0xea ||
    u === 0xf4 ||
    u === 0x1a1 ||
    u === 0x1b0
  );
}

const WORD_WEIGHT = 4;
const VI_MARK_WEIGHT = 6;
/** Below this many letters, or this margin between the two best, the evidence is weak. */
export const MIN_LETTERS = 10;
const MIN_MARGIN = 0.25;
/** Letters only Vietnamese writes (ư ơ đ ệ …): this many decide a text too short for the scores. */
const VI_MARKS_ALONE = 2;

export type LatinDecision = { lang: LatinLang; confident: boolean; scores: number[] };

export function decideLatin(e: LatinEvidence, hint?: LatinLang): LatinDecision {
  const scores = zeros();
  const tris = Math.max(1, e.trigrams);
  const words = Math.max(1, e.words);
  for (let l = 0; l < LATIN_COUNT; l++) {
    scores[l] = (e.trigram[l] ?? 0) / tris + (WORD_WEIGHT * (e.wordHits[l] ?? 0)) / words;
  }
  if (e.letters > 0)
    scores[VI] = (scores[VI] ?? 0) + VI_MARK_WEIGHT * Math.min(1, (4 * e.viMarks) / e.letters);
  let best = 0;
  let second = -1;
  for (let l = 1; l < LATIN_COUNT; l++) {
    if ((scores[l] ?? 0) > (scores[best] ?? 0)) {
      second = best;
      best = l;
    } else if (second < 0 || (scores[l] ?? 0) > (scores[second] ?? 0)) second = l;
  }
  const margin = (scores[best] ?? 0) - (scores[second] ?? 0);
  if (hint !== undefined) {
    const h = LATIN_LANGS.indexOf(hint);
    if (h !== best && (scores[best] ?? 0) - (scores[h] ?? 0) < MIN_MARGIN) best = h;
  }
  // Indonesian and Malay share most words and trigrams: the words only one of them uses decide.
  if (best === ID || best === MS) {
    // With no word to tell them apart: the hint, else Indonesian (by far the more frequent of the two).
    if (e.idOnly !== e.msOnly) best = e.idOnly > e.msOnly ? ID : MS;
    else best = hint === 'ms' ? MS : ID;
  }
  const lang = LATIN_LANGS[best] ?? 'en';
  const malayPair = (best === ID || best === MS) && (second === ID || second === MS);
  const confident =
    (e.letters >= MIN_LETTERS && (margin >= MIN_MARGIN || malayPair)) ||
    (e.letters < MIN_LETTERS && best === VI && e.viMarks >= VI_MARKS_ALONE);
  return { lang, confident, scores };
}
