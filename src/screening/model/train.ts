import { applyPlatt, fitPlatt } from './calibration.ts';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig, featureConfigSchema } from './feature-config.ts';
import { featurize } from './features.ts';
import { splitFold, stratifiedFolds } from './folds.ts';
import { decisionValue, fitLogistic } from './logistic.ts';
import { bestF1Threshold, binaryMetrics, type BinaryMetrics } from './metrics.ts';
import { type Example, MODEL_FORMAT, MODEL_VERSION, type Model, type TrainingSettings } from './model.ts';
import type { SparseVector } from './sparse.ts';
import { type ClassWeighting, sampleWeights } from './weighting.ts';

export type TrainOptions = {
  name?: string;
  featureConfig?: FeatureConfig;
  /** L2 penalty on the mean log loss (default chosen by cross-validation on the SMS sets) */
  l2?: number;
  /** naive-Bayes feature scaling power (0 = off) */
  nb?: number;
  minDf?: number;
  classWeight?: ClassWeighting;
  /** folds for the out-of-fold predictions that fit calibration and threshold (0 = none) */
  calibrationFolds?: number;
  seed?: number;
  maxIterations?: number;
  tolerance?: number;
  /** names of the data the model was trained on, recorded in the file */
  trainedOn?: string[];
  /** creation time to record (default now) */
  createdAt?: Date;
};

export const DEFAULT_TRAINING: TrainingSettings = {
  l2: 3e-5,
  nb: 1,
  minDf: 1,
  classWeight: 'balanced',
  calibrationFolds: 5,
  seed: 1,
};

/** Featurised training data: one vector, label and language per example. */
export type TrainingSet = { vectors: SparseVector[]; labels: Uint8Array; langs: string[] };

export function prepareTrainingSet(examples: readonly Example[], config: FeatureConfig): TrainingSet {
  const labels = new Uint8Array(examples.length);
  examples.forEach((e, i) => {
    if (e.label !== 0 && e.label !== 1) throw new Error(`example ${i}: label must be 0 or 1 (got ${e.label})`);
    labels[i] = e.label;
  });
  return {
    vectors: examples.map((e) => featurize(e, config)),
    labels,
    langs: examples.map((e) => e.lang ?? 'und'),
  };
}

export function subset(set: TrainingSet, rows: readonly number[]): TrainingSet {
  const labels = new Uint8Array(rows.length);
  const vectors: SparseVector[] = [];
  const langs: string[] = [];
  rows.forEach((r, i) => {
    labels[i] = set.labels[r] ?? 0;
    const v = set.vectors[r];
    if (v) vectors.push(v);
    langs.push(set.langs[r] ?? 'und');
  });
  return { vectors, labels, langs };
}

export function trainModel(examples: readonly Example[], options: TrainOptions = {}): Model {
  const featureConfig = featureConfigSchema.parse(options.featureConfig ?? DEFAULT_FEATURE_CONFIG);
  return trainOnSet(prepareTrainingSet(examples, featureConfig), featureConfig, options);
}

export function trainOnSet(set: TrainingSet, featureConfig: FeatureConfig, options: TrainOptions): Model {
  const n = set.labels.length;
  if (n === 0) throw new Error('cannot train on no examples');
  const settings: TrainingSettings = {
    l2: options.l2 ?? DEFAULT_TRAINING.l2,
    nb: options.nb ?? DEFAULT_TRAINING.nb,
    minDf: options.minDf ?? DEFAULT_TRAINING.minDf,
    classWeight: options.classWeight ?? DEFAULT_TRAINING.classWeight,
    calibrationFolds: options.calibrationFolds ?? DEFAULT_TRAINING.calibrationFolds,
    seed: options.seed ?? DEFAULT_TRAINING.seed,
  };
  const dim = 2 ** featureConfig.bits;
  const fit = (rows: number[]) =>
    fitLogistic(set.vectors, set.labels, sampleWeights(set.labels, set.langs, rows, settings.classWeight), rows, dim, {
      l2: settings.l2,
      minDf: settings.minDf,
      nb: settings.nb,
      maxIterations: options.maxIterations ?? 300,
      tolerance: options.tolerance ?? 1e-5,
    });

  // Out-of-fold decision values: the calibration and the threshold are fitted on these, never
  // on scores of rows the weights have seen.
  const oof = new Float64Array(n);
  const k = Math.min(settings.calibrationFolds, minClassCount(set.labels));
  if (k >= 2) {
    const folds = stratifiedFolds(strata(set), k, settings.seed);
    for (let f = 0; f < k; f++) {
      const { train, test } = splitFold(folds, f);
      const model = fit(train);
      for (const r of test) oof[r] = decisionValue(set.vectors[r] ?? EMPTY, model.weights, model.bias);
    }
  }
  const full = fit(Array.from({ length: n }, (_, i) => i));
  const calibration = k >= 2 ? fitPlatt(oof, set.labels) : { a: 1, b: 0 };
  const probabilities = Array.from(oof, (z) => applyPlatt(calibration, z));
  const threshold = k >= 2 ? bestF1Threshold(probabilities, set.labels).threshold : 0.5;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: options.name ?? 'jaring-linear',
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    featureConfig,
    training: settings,
    bias: full.bias,
    weights: full.weights,
    calibration,
    threshold,
    trainedOn: options.trainedOn ?? [],
    metrics: metricsByLang(probabilities, set, threshold),
  };
}

const EMPTY: SparseVector = { indices: new Int32Array(0), values: new Float32Array(0) };

function strata(set: TrainingSet): string[] {
  return set.langs.map((lang, i) => `${lang}:${set.labels[i]}`);
}

function minClassCount(labels: Uint8Array): number {
  let positives = 0;
  for (const l of labels) positives += l;
  return Math.min(positives, labels.length - positives);
}

export function metricsByLang(
  probabilities: ArrayLike<number>,
  set: Pick<TrainingSet, 'labels' | 'langs'>,
  threshold: number,
): { outOfFold: BinaryMetrics; byLang: Record<string, BinaryMetrics> } {
  const byLang: Record<string, BinaryMetrics> = {};
  for (const lang of [...new Set(set.langs)].sort()) {
    const rows = set.langs.flatMap((l, i) => (l === lang ? [i] : []));
    byLang[lang] = binaryMetrics(
      rows.map((r) => probabilities[r] ?? 0),
      rows.map((r) => set.labels[r] ?? 0),
      threshold,
    );
  }
  return { outOfFold: binaryMetrics(probabilities, set.labels, threshold), byLang };
}
