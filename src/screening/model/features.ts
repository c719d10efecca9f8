import { canFuseCharGrams, fillCharGrams, fusedCharScore } from './char-grams.ts';
import type { FeatureConfig } from './feature-config.ts';
import { fmix32, hashString } from './hash.ts';
import { ensureBuckets, prepareText, scratch } from './scratch.ts';
import { SparseBuilder, type SparseVector } from './sparse.ts';
import { fillGivenTokens, fillWords } from './words.ts';

/**
 * What the classifier sees of a post. `text` as posted or as normalised by the pipeline (NFKC and
 * lower-casing are applied here again, which is idempotent; the post as posted measured better,
 * README.md); `bare` its diacritic-stripped form of the same length (only the 'shared' character
 * mode reads it; derived here when absent); `tokens` words from the pipeline's segmenter (the
 * built-in splitter when absent); `extra` named features such as `ind:<id>`, `cat:<category>`,
 * `id:<kind>`; `lang` the post's language, when known. Train and predict with the same fields.
 */
export type FeatureInput = {
  text: string;
  /** `text` already prepared by the caller (NFKC, lower case; the pipeline's NormalizedText.folded) */
  prepared?: string;
  /** the tokens come from NFKC, lower-cased text and are hashed as they are */
  tokensNormalised?: boolean;
  bare?: string;
  tokens?: readonly string[];
  extra?: readonly string[];
  lang?: string;
};

// Namespace seeds keep feature families apart in the one hash space (char 0x43, word 0x57 and
// marker 0x4d in their own files).
const EXTRA_SEED = 0x58;
const LANG_SEED = 0x4c;

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
    const n = input.tokens
      ? fillGivenTokens(input.tokens, input.tokensNormalised === true || text === input.text, config, mask)
      : fillWords(text, config, mask);
    return { n, scale: n > 0 ? config.word.weight / Math.sqrt(n) : 0 };
  }
  const extra = input.extra ?? [];
  if (config.extra.weight === 0 || extra.length === 0) return { n: 0, scale: 0 };
  const out = ensureBuckets(extra.length);
  extra.forEach((name, i) => {
    out[i] = hashString(name, EXTRA_SEED) & mask;
  });
  return { n: extra.length, scale: config.extra.weight };
}

function langKey(input: FeatureInput, config: FeatureConfig): number {
  return config.langSpecific && input.lang !== undefined && input.lang !== 'und'
    ? hashString(input.lang, LANG_SEED)
    : 0;
}

/** The sparse feature vector of a post (for training; predict() uses linearScore()). */
export function featurize(input: FeatureInput, config: FeatureConfig): SparseVector {
  const text = input.prepared ?? prepareText(input.text);
  const key = langKey(input, config);
  const mask = 2 ** config.bits - 1;
  const out = new SparseBuilder();
  for (const kind of BLOCKS) {
    const { n, scale } = fillBlock(kind, text, input, config);
    if (n === 0) continue;
    if (key !== 0) {
      const b = ensureBuckets(2 * n);
      for (let i = 0; i < n; i++) b[n + i] = fmix32((b[i] ?? 0) ^ key) & mask;
      out.addBlock(b, 2 * n, scale);
    } else {
      out.addBlock(scratch.buckets, n, scale);
    }
  }
  return out.finish();
}

/** w · featurize(input), computed from the occurrence lists without building the vector. */
export function linearScore(input: FeatureInput, config: FeatureConfig, weights: Float32Array): number {
  const text = input.prepared ?? prepareText(input.text);
  const key = langKey(input, config);
  const mask = 2 ** config.bits - 1;
  let z = 0;
  for (const kind of BLOCKS) {
    if (kind === 'char' && key === 0 && canFuseCharGrams(config)) {
      z += fusedCharScore(text, input, config, weights);
      continue;
    }
    const { n, scale } = fillBlock(kind, text, input, config);
    const b = scratch.buckets;
    let s = 0;
    for (let i = 0; i < n; i++) s += weights[b[i] ?? 0] ?? 0;
    if (key !== 0) for (let i = 0; i < n; i++) s += weights[fmix32((b[i] ?? 0) ^ key) & mask] ?? 0;
    z += s * scale;
  }
  return z;
}
