import { applyPlatt, sigmoid } from './model/calibration.ts';
import { featurize } from './model/features.ts';
import { decisionValue } from './model/logistic.ts';
import { type BinaryMetrics, binaryMetrics } from './model/metrics.ts';
import {
  classifierFor,
  type Example,
  type LinearClassifier,
  type Model,
  type ModelMetrics,
} from './model/model.ts';
import type { SparseVector } from './model/sparse.ts';

// Adapting a node's model to its analysts' reviews. A handful of confirmed and dismissed alerts is
// far too little to train from scratch, so the model moves from its current weights only as far as
// the reviews justify: maximum a posteriori logistic regression with a Gaussian prior centred on
// the current weights,  Σ cᵢ·logloss(σ(w·xᵢ + b), yᵢ) + (λ/2)·‖w − w₀‖²,  with balanced class
// weights cᵢ. Only weights of features seen in the reviews can move; calibration stays as it was.
// Its metrics are its own, out of fold on the reviews (evaluateAdaptation): the base model's were
// measured on other data and say nothing of how the adapted one does on this node's posts.

export const PRIOR_STRENGTH = 1;
/** Folds of the reviews' out-of-fold evaluation (stratified by label). */
export const REVIEW_FOLDS = 5;
const ITERATIONS = 300;
const STEP = 0.5;

type Prepared = { x: SparseVector; y: number; c: number };

function classWeights(examples: readonly Example[]): [number, number] {
  const pos = examples.filter((e) => e.label === 1).length;
  const neg = examples.length - pos;
  const half = examples.length / 2;
  return [neg > 0 ? half / neg : 1, pos > 0 ? half / pos : 1];
}

function adaptClassifier(
  base: LinearClassifier,
  data: readonly Prepared[],
  lambda: number,
): LinearClassifier {
  const weights = Float32Array.from(base.weights);
  let bias = base.bias;
  const active = [...new Set(data.flatMap((d) => Array.from(d.x.indices)))];
  const grad = new Map<number, number>();
  const history = new Map<number, number>();
  let biasHistory = 0;
  // AdaGrad on the few active coordinates: deterministic and stable for this small problem.
  for (let iter = 0; iter < ITERATIONS; iter++) {
    grad.clear();
    let biasGrad = 0;
    for (const d of data) {
      const err = d.c * (sigmoid(decisionValue(d.x, weights, bias)) - d.y);
      biasGrad += err;
      for (let k = 0; k < d.x.indices.length; k++) {
        const j = d.x.indices[k] ?? 0;
        grad.set(j, (grad.get(j) ?? 0) + err * (d.x.values[k] ?? 0));
      }
    }
    for (const j of active) {
      const g = (grad.get(j) ?? 0) + lambda * ((weights[j] ?? 0) - (base.weights[j] ?? 0));
      const h = (history.get(j) ?? 0) + g * g;
      history.set(j, h);
      weights[j] = (weights[j] ?? 0) - (STEP * g) / Math.sqrt(h + 1e-12);
    }
    const gb = biasGrad + lambda * (bias - base.bias);
    biasHistory += gb * gb;
    bias -= (STEP * gb) / Math.sqrt(biasHistory + 1e-12);
  }
  return { ...base, weights, bias };
}

/** `base` moved towards the reviewed examples (label 1 confirmed, 0 dismissed), keeping its metrics. */
function adaptWeights(base: Model, reviews: readonly Example[], lambda: number): Model {
  const [c0, c1] = classWeights(reviews);
  const prepared = (rows: readonly Example[]): Prepared[] =>
    rows.map((e) => ({ x: featurize(e, base.featureConfig), y: e.label, c: e.label === 1 ? c1 : c0 }));
  const languages = { ...base.languages };
  for (const [lang, sub] of Object.entries(base.languages)) {
    const rows = reviews.filter((e) => e.lang === lang);
    if (rows.length > 0) languages[lang] = adaptClassifier(sub, prepared(rows), lambda);
  }
  return { ...base, ...adaptClassifier(base, prepared(reviews), lambda), languages };
}

/** Each review's probability under a model adapted to the other folds, and the threshold that decided it. */
export type HeldOut = { probability: number[]; threshold: number[] };

/**
 * Out-of-fold scores of adapting `base` to `reviews`: the reviews are dealt into `folds` folds
 * label by label in their order (deterministic), and each fold is scored by `base` adapted to the
 * others, as the real retrain adapts it to all of them.
 */
export function heldOutScores(
  base: Model,
  reviews: readonly Example[],
  lambda = PRIOR_STRENGTH,
  folds = REVIEW_FOLDS,
): HeldOut {
  const seen = [0, 0];
  const foldOf = reviews.map((e) => {
    const label = e.label === 1 ? 1 : 0;
    seen[label] = (seen[label] ?? 0) + 1;
    return ((seen[label] ?? 1) - 1) % folds;
  });
  const held: HeldOut = { probability: reviews.map(() => 0), threshold: reviews.map(() => 0) };
  for (let fold = 0; fold < folds; fold++) {
    const train = reviews.filter((_, i) => foldOf[i] !== fold);
    if (train.length === 0 || train.length === reviews.length) continue;
    const model = adaptWeights(base, train, lambda);
    reviews.forEach((e, i) => {
      if (foldOf[i] !== fold) return;
      held.probability[i] = probabilityOf(model, e);
      held.threshold[i] = classifierFor(model, e.lang).threshold;
    });
  }
  return held;
}

/** Metrics of held-out rows, each decided at its own threshold; AUCs ranked on the probabilities. */
function heldOutMetrics(held: HeldOut, labels: readonly number[], threshold: number): BinaryMetrics {
  const decided = binaryMetrics(
    held.probability.map((p, i) => p - (held.threshold[i] ?? 0)),
    labels,
    0,
  );
  const ranked = binaryMetrics(held.probability, labels, threshold);
  return { ...decided, rocAuc: ranked.rocAuc, prAuc: ranked.prAuc, threshold };
}

/** The adapted model's own metrics: out of fold on the reviews, overall and per language. */
export function evaluateAdaptation(
  base: Model,
  reviews: readonly Example[],
  lambda = PRIOR_STRENGTH,
  folds = REVIEW_FOLDS,
): ModelMetrics {
  const held = heldOutScores(base, reviews, lambda, folds);
  const labels = reviews.map((e) => e.label);
  const byLang: Record<string, BinaryMetrics> = {};
  for (const lang of new Set(reviews.flatMap((e) => (e.lang ? [e.lang] : [])))) {
    const rows = reviews.flatMap((e, i) => (e.lang === lang ? [i] : []));
    const pick = (xs: readonly number[]) => rows.map((i) => xs[i] ?? 0);
    byLang[lang] = heldOutMetrics(
      { probability: pick(held.probability), threshold: pick(held.threshold) },
      pick(labels),
      classifierFor(base, lang).threshold,
    );
  }
  return { outOfFold: heldOutMetrics(held, labels, base.threshold), byLang };
}

/**
 * A new model: `base` moved towards the reviewed examples (label 1 confirmed, 0 dismissed), with
 * its own out-of-fold metrics on them; a language sub-model the reviews moved gets that language's.
 */
export function adaptModel(
  base: Model,
  reviews: readonly Example[],
  name: string,
  lambda = PRIOR_STRENGTH,
): Model {
  if (reviews.length === 0) throw new Error('there are no reviewed alerts to learn from');
  const adapted = adaptWeights(base, reviews, lambda);
  const metrics = evaluateAdaptation(base, reviews, lambda);
  const languages = { ...adapted.languages };
  for (const [lang, sub] of Object.entries(adapted.languages)) {
    const own = metrics.byLang[lang];
    if (own && sub !== base.languages[lang])
      languages[lang] = { ...sub, metrics: { outOfFold: own, byLang: {} } };
  }
  return {
    ...adapted,
    metrics,
    languages,
    name,
    createdAt: new Date().toISOString(),
    trainedOn: [...base.trainedOn, `reviews:${reviews.length}`],
  };
}

/** The calibrated probability of one example under a model's matching classifier (for tests). */
export function probabilityOf(model: Model, e: Example): number {
  const c = (e.lang && model.languages[e.lang]) || model;
  return applyPlatt(c.calibration, decisionValue(featurize(e, model.featureConfig), c.weights, c.bias));
}
