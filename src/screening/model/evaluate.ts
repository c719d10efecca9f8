import { applyPlatt } from './calibration.ts';
import { featureConfigSchema, DEFAULT_FEATURE_CONFIG } from './feature-config.ts';
import { splitFold, stratifiedFolds } from './folds.ts';
import { decisionValue } from './logistic.ts';
import { type BinaryMetrics, binaryMetrics, meanSd } from './metrics.ts';
import type { Example, Model } from './model.ts';
import { predict } from './predict.ts';
import { metricsByLang, prepareTrainingSet, subset, type TrainOptions, trainOnSet } from './train.ts';

/** Metrics of a model on labelled examples, at the model's own threshold. */
export function evaluate(model: Model, examples: readonly Example[]): BinaryMetrics {
  const scores = examples.map((e) => predict(model, e));
  return binaryMetrics(
    scores,
    examples.map((e) => e.label),
    model.threshold,
  );
}

export type MeanSd = { mean: number; sd: number };
export type MetricSummary = { precision: MeanSd; recall: MeanSd; f1: MeanSd; rocAuc: MeanSd; prAuc: MeanSd };
export type FoldResult = { fold: number; overall: BinaryMetrics; byLang: Record<string, BinaryMetrics> };
export type CrossValidation = {
  k: number;
  seed: number;
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
 * Stratified (language × label) k-fold cross-validation of trainModel with these options. Each
 * fold's model fits its calibration and threshold on its own training part only (nested), so the
 * held-out figures are honest. Fold metrics are reported overall and per language; mean ± sd over folds.
 */
export function crossValidate(examples: readonly Example[], k: number, options: TrainOptions = {}): CrossValidation {
  const config = featureConfigSchema.parse(options.featureConfig ?? DEFAULT_FEATURE_CONFIG);
  const set = prepareTrainingSet(examples, config);
  const seed = options.seed ?? 1;
  // A different seed from the inner folds', so outer and inner splits are not aligned.
  const folds = stratifiedFolds(
    set.langs.map((l, i) => `${l}:${set.labels[i]}`),
    k,
    seed + 7919,
  );
  const results: FoldResult[] = [];
  for (let f = 0; f < k; f++) {
    const { train, test } = splitFold(folds, f);
    const model = trainOnSet(subset(set, train), config, { ...options, featureConfig: config });
    const testSet = subset(set, test);
    const probabilities = testSet.vectors.map((v) =>
      applyPlatt(model.calibration, decisionValue(v, model.weights, model.bias)),
    );
    const m = metricsByLang(probabilities, testSet, model.threshold);
    results.push({ fold: f, overall: m.outOfFold, byLang: m.byLang });
  }
  const langs = [...new Set(set.langs)].sort();
  const byLang: Record<string, MetricSummary> = {};
  for (const lang of langs) {
    byLang[lang] = summarise(results.flatMap((r) => (r.byLang[lang] ? [r.byLang[lang]] : [])));
  }
  return { k, seed, folds: results, overall: summarise(results.map((r) => r.overall)), byLang };
}
