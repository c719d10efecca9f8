import { z } from 'zod';

// How text becomes a sparse vector. Stored in every model file: a model is only valid with
// the exact featurizer settings it was trained with.
export const featureConfigSchema = z.object({
  /** version of the featurize() algorithm; bump when the same config would give other buckets */
  featurizer: z.literal(1),
  /** log2 of the number of hash buckets */
  bits: z.number().int().min(16).max(22),
  /**
   * Also emit a copy of every feature specific to the post's language (when known), so one model
   * learns shared and per-language weights (Daumé 2007); posts of unknown language use the shared ones.
   */
  langSpecific: z.boolean(),
  char: z.object({
    minN: z.number().int().min(1).max(8),
    maxN: z.number().int().min(1).max(8),
    /** 'span': n-grams run across spaces; 'word': within words, with the boundary spaces */
    boundaries: z.enum(['span', 'word']),
    /** 'fold' maps every decimal digit to 0, so phone numbers and amounts share n-grams */
    digits: z.enum(['keep', 'fold']),
    /** n-grams of the diacritic-stripped text: 'shared' adds them (where they differ) in the same space */
    bare: z.enum(['none', 'shared', 'separate']),
    weight: z.number().min(0),
  }),
  word: z.object({
    unigrams: z.boolean(),
    bigrams: z.boolean(),
    /** 'shape' replaces each digit run by a length-class token; 'keep' hashes the digits */
    digits: z.enum(['keep', 'shape']),
    /** <url>, <phone> and tld: tokens from the raw text */
    markers: z.boolean(),
    /** split Thai runs into words with Intl.Segmenter (slow: ~150 µs per post) */
    segmentThai: z.boolean(),
    /** also hash word unigrams of the diacritic-stripped text when it differs */
    bare: z.boolean(),
    weight: z.number().min(0),
  }),
  /** pipeline-supplied features (indicator ids, categories, identifier kinds): binary, not normalised */
  extra: z.object({ weight: z.number().min(0) }),
});

export type FeatureConfig = z.infer<typeof featureConfigSchema>;

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  featurizer: 1,
  bits: 20,
  langSpecific: false,
  char: { minN: 1, maxN: 5, boundaries: 'span', digits: 'fold', bare: 'shared', weight: 1 },
  word: {
    unigrams: true,
    bigrams: true,
    digits: 'shape',
    markers: true,
    segmentThai: false,
    bare: true,
    weight: 1,
  },
  extra: { weight: 0.5 },
};
