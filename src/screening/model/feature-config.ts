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
  char: z
    .object({
      minN: z.number().int().min(1).max(8),
      maxN: z.number().int().min(1).max(8),
      /** 'fold' maps every decimal digit to 0, so phone numbers and amounts share n-grams */
      digits: z.enum(['keep', 'fold']),
      /**
       * n-grams of the diacritic-stripped text: 'only' uses them instead of the raw ones (measured
       * best: as accurate on Vietnamese, robust to text typed without diacritics, no extra cost);
       * 'shared' adds them where they differ from the raw ones; 'none' uses the raw text only
       */
      bare: z.enum(['none', 'shared', 'only']),
      weight: z.number().min(0),
    })
    .refine((c) => c.minN <= c.maxN, 'char.minN must not exceed char.maxN'),
  /**
   * Words from the built-in splitter (runs of letters and digits). When the caller passes
   * `tokens`, those are hashed instead, as given: only `digits`, `unigrams`, `bigrams` apply.
   */
  word: z.object({
    unigrams: z.boolean(),
    bigrams: z.boolean(),
    /** 'shape' replaces each digit run by a length-class token; 'keep' hashes the digits */
    digits: z.enum(['keep', 'shape']),
    /** <url>, <phone> and tld: tokens from the raw text */
    markers: z.boolean(),
    /**
     * Thai runs (no spaces between words): 'skip' them (the character n-grams cover Thai),
     * 'chunk' (one token per run) or 'segment' into words with Intl.Segmenter (~150 µs per post)
     */
    thai: z.enum(['skip', 'chunk', 'segment']),
    /** also hash word unigrams of the diacritic-stripped text when it differs */
    bare: z.boolean(),
    weight: z.number().min(0),
  }),
  /**
   * Pipeline-supplied features (indicator ids, categories, identifier kinds): binary, not
   * normalised. On the SMS sets they neither help nor hurt measurably (README.md).
   */
  extra: z.object({ weight: z.number().min(0) }),
});

export type FeatureConfig = z.infer<typeof featureConfigSchema>;

// Chosen by grouped cross-validation on the SMS sets and by speed (README.md): char 1–5-grams of
// the diacritic-stripped text, word uni- and bigrams at half weight, 2^18 buckets (1 MB of weights).
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  featurizer: 1,
  bits: 18,
  langSpecific: false,
  char: { minN: 1, maxN: 5, digits: 'keep', bare: 'only', weight: 1 },
  word: {
    unigrams: true,
    bigrams: true,
    digits: 'shape',
    markers: true,
    thai: 'skip',
    bare: true,
    weight: 0.5,
  },
  extra: { weight: 0.25 },
};
