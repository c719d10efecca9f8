import { applyPlatt } from './calibration.ts';
import { DEFAULT_FEATURE_CONFIG, featureConfigSchema } from './feature-config.ts';
import { splitFold } from './folds.ts';
import { decisionValue } from './logistic.ts';
import { type BinaryMetrics, binaryMetrics, meanSd } from './metrics.ts';
import { classifierFor, type Example, type Model } from './model.ts';
import { predict } from './predict.ts';
import {
  foldsOf,
  metricsByLang,
  prepareTrainingSet,
  settingsOf,
  subset,
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
export type MetricSummary = { precision: MeanSd; recall: MeanSd; f1: MeanSd; rocAuc: MeanSd; prAuc: MeanSd };
export type FoldResult = { fold: number; overall: BinaryMetrics; byLang: Record<string, BinaryMetrics> };
export type CrossValidation = {
  k: number;
  seed: number;
  groups: 'template' | 'none';
  folds: FoldResult[];
  overall: MetricSummary;
  byLang: Record<string, MetricSummary>;
};

function summarise(results: readonly BinaryMetrics[]): MetricSummary {
  return {
    precision: meanSd(results.map((r) => r.precision)),
    recall: meanSd(results.map((r) => r.recall)),
    f1: meanSd(results.map((r) => r.f1)),
    rocAuc: meanSd(results.map((r) => r.rocAuc)),
    prAuc: meanSd(results.map((r) => r.prAuc)),
  };
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
  for (let f = 0; f < k; f++) {
    const { train, test } = splitFold(folds, f);
    const model = trainOnSet(subset(set, train), config, { ...options, featureConfig: config });
    const testSet = subset(set, test);
    const probabilities = testSet.vectors.map((v, i) => {
      const c = classifierFor(model, testSet.langs[i]);
      return applyPlatt(c.calibration, decisionValue(v, c.weights, c.bias));
    });
    const m = metricsByLang(probabilities, testSet, (lang) => classifierFor(model, lang).threshold);
    results.push({ fold: f, overall: m.outOfFold, byLang: m.byLang });
  }
  const byLang: Record<string, MetricSummary> = {};
  for (const lang of [...new Set(set.langs)].sort()) {
    byLang[lang] = summarise(results.flatMap((r) => (r.byLang[lang] ? [r.byLang[lang]] : [])));
  }
  return {
    k,
    seed: settings.seed,
    groups: settings.groups,
    folds: results,
    overall: summarise(results.map((r) => r.overall)),
    byLang,
  };
}
