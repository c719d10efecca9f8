import { applyPlatt } from './calibration.ts';
import { DEFAULT_FEATURE_CONFIG, featureConfigSchema } from './feature-config.ts';
import { splitFold } from './folds.ts';
import { decisionValue } from './logistic.ts';
import { type BinaryMetrics, bestF1Threshold, binaryMetrics, meanSd } from './metrics.ts';
import { classifierFor, type Example, type Model } from './model.ts';
import { predict } from './predict.ts';
import {
  foldsOf,
  metricsByLang,
  prepareTrainingSet,
  settingsOf,
  subset,
  type TrainingSet,
  type TrainOptions,
  trainOnSet,
} from './train.ts';

/**
 * Metrics of a model on labelled examples. Each example is scored by the classifier for its
 * language; `threshold` is the model's (the all-language one when sub-models decided some rows).
 */
export function evaluate(model: Model, examples: readonly Example[]): BinaryMetrics {
  const scores = examples.map((e) => predict(model, e));
  const labels = examples.map((e) => e.label);
  const thresholds = examples.map((e) => classifierFor(model, e.lang).threshold);
  if (thresholds.every((t) => t === model.threshold)) return binaryMetrics(scores, labels, model.threshold);
  const decided = binaryMetrics(
    scores.map((s, i) => s - (thresholds[i] ?? 0)),
    labels,
    0,
  );
  const ranked = binaryMetrics(scores, labels, model.threshold);
  return { ...decided, rocAuc: ranked.rocAuc, prAuc: ranked.prAuc, threshold: model.threshold };
}

export type MeanSd = { mean: number; sd: number };
export type MetricSummary = {
  precision: MeanSd;
  recall: MeanSd;
  f1: MeanSd;
  rocAuc: MeanSd;
  prAuc: MeanSd;
  /** the decision thresholds the fold models used (NaN when several classifiers decided a fold's rows) */
  threshold: MeanSd;
  /** F1 at the threshold best on the test fold itself: the ceiling of any threshold rule */
  f1AtBestThreshold: MeanSd;
};
/** One fold's test metrics; `bestF1` is F1 at the threshold chosen on that test fold itself. */
export type FoldMetrics = BinaryMetrics & { bestF1: number };
export type FoldResult = { fold: number; overall: FoldMetrics; byLang: Record<string, FoldMetrics> };
export type CrossValidation = {
  k: number;
  seed: number;
  groups: 'template' | 'none';
  folds: FoldResult[];
  overall: MetricSummary;
  byLang: Record<string, MetricSummary>;
  /** every example's held-out probability and the threshold that decided it, indexed like the examples */
  heldOut: { probability: Float64Array; threshold: Float64Array };
};

/** Mean ± sd over fold results (of one or several cross-validations). */
export function summariseFolds(results: readonly FoldMetrics[]): MetricSummary {
  return {
    precision: meanSd(results.map((r) => r.precision)),
    recall: meanSd(results.map((r) => r.recall)),
    f1: meanSd(results.map((r) => r.f1)),
    rocAuc: meanSd(results.map((r) => r.rocAuc)),
    prAuc: meanSd(results.map((r) => r.prAuc)),
    threshold: meanSd(results.map((r) => r.threshold)),
    f1AtBestThreshold: meanSd(results.map((r) => r.bestF1)),
  };
}

function withBestF1(
  m: BinaryMetrics,
  rows: readonly number[],
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): FoldMetrics {
  const best = bestF1Threshold(
    rows.map((r) => scores[r] ?? 0),
    rows.map((r) => labels[r] ?? 0),
  );
  return { ...m, bestF1: best.f1 };
}

// The fold's overall figures. When every test row went to one classifier, its threshold decided
// them all and is reported (with the F1 ceiling); with per-language thresholds both are NaN.
function overallOfFold(
  model: Model,
  testSet: Pick<TrainingSet, 'labels' | 'langs'>,
  metrics: BinaryMetrics,
  probabilities: readonly number[],
): FoldMetrics {
  const deciders = [...new Set(testSet.langs.map((lang) => classifierFor(model, lang)))];
  const only = deciders.length === 1 ? deciders[0] : undefined;
  if (!only) return { ...metrics, threshold: Number.NaN, bestF1: Number.NaN };
  const all = probabilities.map((_, i) => i);
  return withBestF1({ ...metrics, threshold: only.threshold }, all, probabilities, testSet.labels);
}

/**
 * k-fold cross-validation of trainModel with these options: folds stratified by language × label
 * and (by default) keeping copies of one message template in one fold. Each fold's model fits its
 * calibration and threshold on its own training part only (nested), so held-out figures are
 * honest. Metrics per fold, overall and per language; mean ± sd over folds.
 */
export function crossValidate(
  examples: readonly Example[],
  k: number,
  options: TrainOptions = {},
): CrossValidation {
  const config = featureConfigSchema.parse(options.featureConfig ?? DEFAULT_FEATURE_CONFIG);
  const settings = settingsOf(options);
  const set = prepareTrainingSet(examples, config);
  // Another seed than the inner folds', so outer and inner splits are not aligned.
  const folds = foldsOf(set, k, settings.groups, settings.seed + 7919);
  const results: FoldResult[] = [];
  const heldOut = {
    probability: new Float64Array(set.labels.length),
    threshold: new Float64Array(set.labels.length),
  };
  for (let f = 0; f < k; f++) {
    const { train, test } = splitFold(folds, f);
    const model = trainOnSet(subset(set, train), config, { ...options, featureConfig: config });
    const testSet = subset(set, test);
    const probabilities = testSet.vectors.map((v, i) => {
      const c = classifierFor(model, testSet.langs[i]);
      const p = applyPlatt(c.calibration, decisionValue(v, c.weights, c.bias));
      heldOut.probability[test[i] ?? 0] = p;
      heldOut.threshold[test[i] ?? 0] = c.threshold;
      return p;
    });
    const m = metricsByLang(probabilities, testSet, (lang) => classifierFor(model, lang).threshold);
    const byLang: Record<string, FoldMetrics> = {};
    for (const [lang, metrics] of Object.entries(m.byLang)) {
      const rows = testSet.langs.flatMap((l, i) => (l === lang ? [i] : []));
      byLang[lang] = withBestF1(metrics, rows, probabilities, testSet.labels);
    }
    results.push({ fold: f, overall: overallOfFold(model, testSet, m.outOfFold, probabilities), byLang });
  }
  const byLang: Record<string, MetricSummary> = {};
  for (const lang of [...new Set(set.langs)].sort()) {
    byLang[lang] = summariseFolds(results.flatMap((r) => (r.byLang[lang] ? [r.byLang[lang]] : [])));
  }
  return {
    k,
    seed: settings.seed,
    groups: settings.groups,
    folds: results,
    overall: summariseFolds(results.map((r) => r.overall)),
    byLang,
    heldOut,
  };
}
