import type { Platt } from './calibration.ts';
import type { FeatureConfig } from './feature-config.ts';
import type { FeatureInput } from './features.ts';
import type { BinaryMetrics } from './metrics.ts';
import type { ClassWeighting } from './weighting.ts';

export const MODEL_FORMAT = 'jaring-linear';
export const MODEL_VERSION = 1;

/** A labelled example: label 1 = scam / fraud, 0 = legitimate. */
export type Example = FeatureInput & { label: number; lang?: string };

/** What predict() takes: the post and, when known, its language (which picks the sub-model). */
export type PredictInput = FeatureInput & { lang?: string };

export type TrainingSettings = {
  l2: number;
  /** naive-Bayes feature scaling power (0 = plain logistic regression) */
  nb: number;
  minDf: number;
  classWeight: ClassWeighting;
  calibrationFolds: number;
  /** 'template': calibration folds keep copies of one message template together */
  groups: 'template' | 'none';
  seed: number;
};

/** Out-of-fold figures measured while training (they chose the calibration and threshold). */
export type ModelMetrics = { outOfFold: BinaryMetrics; byLang: Record<string, BinaryMetrics> };

/** One calibrated linear classifier: dense weights over the 2^bits hash buckets. */
export type LinearClassifier = {
  bias: number;
  weights: Float32Array;
  calibration: Platt;
  /** decision threshold on the calibrated probability */
  threshold: number;
  metrics: ModelMetrics;
};

/**
 * A trained model. The top-level classifier is trained on every language (the fallback);
 * `languages` holds sub-models trained on one language each, used for posts in that language.
 */
export type Model = LinearClassifier & {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  name: string;
  createdAt: string;
  featureConfig: FeatureConfig;
  training: TrainingSettings;
  trainedOn: string[];
  languages: Record<string, LinearClassifier>;
};

/** The classifier that scores posts in `lang`: its sub-model, else the all-language one. */
export function classifierFor(model: Model, lang: string | undefined): LinearClassifier {
  return (
    (lang !== undefined && Object.hasOwn(model.languages, lang) ? model.languages[lang] : undefined) ?? model
  );
}
