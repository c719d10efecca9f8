import { applyPlatt, fitPlatt } from './calibration.ts';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig, featureConfigSchema } from './feature-config.ts';
import { featurize } from './features.ts';
import { splitFold, stratifiedFolds, stratifiedGroupFolds, templateKey } from './folds.ts';
import { decisionValue, fitLogistic } from './logistic.ts';
import { type BinaryMetrics, bestF1Threshold, binaryMetrics } from './metrics.ts';
import {
  type Example,
  type LinearClassifier,
  MODEL_FORMAT,
  MODEL_VERSION,
  type Model,
  type ModelMetrics,
  type TrainingSettings,
} from './model.ts';
import { EMPTY_VECTOR, type SparseVector } from './sparse.ts';
import { type ClassWeighting, sampleWeights } from './weighting.ts';

export type TrainOptions = {
  name?: string;
  featureConfig?: FeatureConfig;
  /** L2 penalty on the mean weighted log loss */
  l2?: number;
  /** naive-Bayes feature scaling power (0 = plain logistic regression) */
  nb?: number;
  minDf?: number;
  classWeight?: ClassWeighting;
  /** folds for the out-of-fold predictions that fit calibration and threshold (< 2: none) */
  calibrationFolds?: number;
  /** 'template' (default) keeps copies of one message template in one calibration fold */
  groups?: 'template' | 'none';
  seed?: number;
  /**
   * Sub-models per language. true (default): every language with at least 300 examples and 30 of
   * each class, when the data holds more than one language; false: none; or the languages to use.
   */
  perLanguage?: boolean | readonly string[];
  maxIterations?: number;
  tolerance?: number;
  /** names of the data the model was trained on, recorded in the file */
  trainedOn?: string[];
  /** creation time to record (default now) */
  createdAt?: Date;
};

// Chosen by cross-validation on the SMS sets (src/screening/model/README.md).
export const DEFAULT_TRAINING: TrainingSettings = {
  l2: 3e-5,
  nb: 1,
  minDf: 1,
  classWeight: 'balanced',
  calibrationFolds: 5,
  groups: 'template',
  seed: 1,
};

const MIN_LANG_ROWS = 300;
const MIN_LANG_CLASS = 30;

/** Featurised training data: one vector, label, language and template key per example. */
export type TrainingSet = { vectors: SparseVector[]; labels: Uint8Array; langs: string[]; groups: string[] };

export function prepareTrainingSet(examples: readonly Example[], config: FeatureConfig): TrainingSet {
  const labels = new Uint8Array(examples.length);
  examples.forEach((e, i) => {
    if (e.label !== 0 && e.label !== 1)
      throw new Error(`example ${i}: label must be 0 or 1 (got ${e.label})`);
    labels[i] = e.label;
  });
  return {
    vectors: examples.map((e) => featurize(e, config)),
    labels,
    langs: examples.map((e) => e.lang ?? 'und'),
    groups: examples.map((e) => templateKey(e.text)),
  };
}

export function subset(set: TrainingSet, rows: readonly number[]): TrainingSet {
  return {
    vectors: rows.map((r) => set.vectors[r] ?? EMPTY_VECTOR),
    labels: Uint8Array.from(rows, (r) => set.labels[r] ?? 0),
    langs: rows.map((r) => set.langs[r] ?? 'und'),
    groups: rows.map((r) => set.groups[r] ?? ''),
  };
}

export function settingsOf(options: TrainOptions): TrainingSettings {
  return {
    l2: options.l2 ?? DEFAULT_TRAINING.l2,
    nb: options.nb ?? DEFAULT_TRAINING.nb,
    minDf: options.minDf ?? DEFAULT_TRAINING.minDf,
    classWeight: options.classWeight ?? DEFAULT_TRAINING.classWeight,
    calibrationFolds: options.calibrationFolds ?? DEFAULT_TRAINING.calibrationFolds,
    groups: options.groups ?? DEFAULT_TRAINING.groups,
    seed: options.seed ?? DEFAULT_TRAINING.seed,
  };
}

/** Folds stratified by language × label, keeping template groups together when asked. */
export function foldsOf(set: TrainingSet, k: number, groups: 'template' | 'none', seed: number): Int32Array {
  const strata = set.langs.map((lang, i) => `${lang}:${set.labels[i]}`);
  return groups === 'template'
    ? stratifiedGroupFolds(strata, set.groups, k, seed)
    : stratifiedFolds(strata, k, seed);
}

/** Trains a model: an all-language classifier plus per-language sub-models (see TrainOptions). */
export function trainModel(examples: readonly Example[], options: TrainOptions = {}): Model {
  const featureConfig = featureConfigSchema.parse(options.featureConfig ?? DEFAULT_FEATURE_CONFIG);
  return trainOnSet(prepareTrainingSet(examples, featureConfig), featureConfig, options);
}

export function trainOnSet(set: TrainingSet, featureConfig: FeatureConfig, options: TrainOptions): Model {
  if (set.labels.length === 0) throw new Error('cannot train on no examples');
  const settings = settingsOf(options);
  const all = trainClassifier(set, featureConfig, settings, options);
  const languages: Record<string, LinearClassifier> = {};
  for (const lang of subModelLangs(set, options.perLanguage ?? true)) {
    const rows = set.langs.flatMap((l, i) => (l === lang ? [i] : []));
    languages[lang] = trainClassifier(subset(set, rows), featureConfig, settings, options);
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: options.name ?? 'jaring-linear',
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    featureConfig,
    training: settings,
    trainedOn: options.trainedOn ?? [],
    ...all,
    languages,
  };
}

function subModelLangs(set: TrainingSet, perLanguage: boolean | readonly string[]): string[] {
  const langs = [...new Set(set.langs)].sort();
  if (perLanguage === false) return [];
  if (perLanguage !== true) {
    for (const lang of perLanguage) {
      if (!langs.includes(lang))
        throw new Error(`no training examples in language "${lang}" for its sub-model`);
    }
    return [...perLanguage];
  }
  if (langs.length < 2) return [];
  return langs.filter((lang) => {
    if (lang === 'und') return false;
    let rows = 0;
    let positives = 0;
    set.langs.forEach((l, i) => {
      if (l !== lang) return;
      rows++;
      positives += set.labels[i] ?? 0;
    });
    return rows >= MIN_LANG_ROWS && Math.min(positives, rows - positives) >= MIN_LANG_CLASS;
  });
}

/**
 * Fits weights on all of `set`, and calibration and threshold on out-of-fold decision values
 * (never on scores of rows the weights have seen).
 */
function trainClassifier(
  set: TrainingSet,
  featureConfig: FeatureConfig,
  settings: TrainingSettings,
  options: TrainOptions,
): LinearClassifier {
  const n = set.labels.length;
  const dim = 2 ** featureConfig.bits;
  const fitRows = (rows: number[], init?: { weights: Float32Array; bias: number }) =>
    fitLogistic(
      set.vectors,
      set.labels,
      sampleWeights(set.labels, set.langs, rows, settings.classWeight),
      rows,
      dim,
      {
        l2: settings.l2,
        nb: settings.nb,
        minDf: settings.minDf,
        maxIterations: options.maxIterations ?? 300,
        tolerance: options.tolerance ?? 1e-5,
      },
      init,
    );
  const oof = new Float64Array(n);
  const k = Math.min(settings.calibrationFolds, minClassCount(set.labels));
  // The fold models' mean starts the final fit near its optimum (fewer L-BFGS iterations).
  const start = { weights: new Float32Array(dim), bias: 0 };
  if (k >= 2) {
    const folds = foldsOf(set, k, settings.groups, settings.seed);
    for (let f = 0; f < k; f++) {
      const { train, test } = splitFold(folds, f);
      const model = fitRows(train);
      for (const r of test) oof[r] = decisionValue(set.vectors[r] ?? EMPTY_VECTOR, model.weights, model.bias);
      for (let j = 0; j < dim; j++) start.weights[j] = (start.weights[j] ?? 0) + (model.weights[j] ?? 0) / k;
      start.bias += model.bias / k;
    }
  }
  const full = fitRows(
    Array.from({ length: n }, (_, i) => i),
    k >= 2 ? start : undefined,
  );
  const calibration = k >= 2 ? fitPlatt(oof, set.labels) : { a: 1, b: 0 };
  const probabilities = Array.from(oof, (z) => applyPlatt(calibration, z));
  const threshold = k >= 2 ? bestF1Threshold(probabilities, set.labels).threshold : 0.5;
  return {
    bias: full.bias,
    weights: full.weights,
    calibration,
    threshold,
    metrics: metricsByLang(probabilities, set, threshold),
  };
}

function minClassCount(labels: Uint8Array): number {
  let positives = 0;
  for (const l of labels) positives += l;
  return Math.min(positives, labels.length - positives);
}

export function metricsByLang(
  probabilities: ArrayLike<number>,
  set: Pick<TrainingSet, 'labels' | 'langs'>,
  threshold: number | ((lang: string) => number),
): ModelMetrics {
  const at = (lang: string) => (typeof threshold === 'number' ? threshold : threshold(lang));
  const byLang: Record<string, BinaryMetrics> = {};
  for (const lang of [...new Set(set.langs)].sort()) {
    const rows = set.langs.flatMap((l, i) => (l === lang ? [i] : []));
    byLang[lang] = binaryMetrics(
      rows.map((r) => probabilities[r] ?? 0),
      rows.map((r) => set.labels[r] ?? 0),
      at(lang),
    );
  }
  const overall =
    typeof threshold === 'number'
      ? binaryMetrics(probabilities, set.labels, threshold)
      : binaryMetricsByRow(probabilities, set, at);
  return { outOfFold: overall, byLang };
}

// Overall figures when each language has its own threshold: decisions per row, AUCs on the scores.
function binaryMetricsByRow(
  probabilities: ArrayLike<number>,
  set: Pick<TrainingSet, 'labels' | 'langs'>,
  at: (lang: string) => number,
): BinaryMetrics {
  // Shift each row's score by its language's threshold so one cut at 0 reproduces the decisions.
  const shifted = Array.from(
    { length: set.labels.length },
    (_, i) => (probabilities[i] ?? 0) - at(set.langs[i] ?? 'und'),
  );
  const m = binaryMetrics(shifted, set.labels, 0);
  const raw = binaryMetrics(probabilities, set.labels, Number.NaN);
  return { ...m, rocAuc: raw.rocAuc, prAuc: raw.prAuc, threshold: Number.NaN };
}
