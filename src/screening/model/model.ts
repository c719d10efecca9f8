import type { Platt } from './calibration.ts';
import type { ClassWeighting } from './weighting.ts';
import type { FeatureConfig } from './feature-config.ts';
import type { FeatureInput } from './features.ts';
import type { BinaryMetrics } from './metrics.ts';

export const MODEL_FORMAT = 'jaring-linear';
export const MODEL_VERSION = 1;

/** A labelled example: label 1 = scam / fraud, 0 = legitimate. */
export type Example = FeatureInput & { label: number; lang?: string };

/** What predict() takes: the post and, when known, its language. */
export type PredictInput = FeatureInput & { lang?: string };

export type TrainingSettings = {
  l2: number;
  /** naive-Bayes feature scaling power (0 = plain logistic regression) */
  nb: number;
  minDf: number;
  classWeight: ClassWeighting;
  calibrationFolds: number;
  seed: number;
};

/** Out-of-fold figures measured while training (they chose the calibration and threshold). */
export type ModelMetrics = { outOfFold: BinaryMetrics; byLang: Record<string, BinaryMetrics> };

/** A trained model in memory: dense weights over the 2^bits hash buckets. */
export type Model = {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  name: string;
  createdAt: string;
  featureConfig: FeatureConfig;
  training: TrainingSettings;
  bias: number;
  weights: Float32Array;
  calibration: Platt;
  /** decision threshold on the calibrated probability */
  threshold: number;
  trainedOn: string[];
  metrics: ModelMetrics;
};
