import { applyPlatt, sigmoid } from './model/calibration.ts';
import { featurize } from './model/features.ts';
import { decisionValue } from './model/logistic.ts';
import type { Example, LinearClassifier, Model } from './model/model.ts';
import type { SparseVector } from './model/sparse.ts';

// Adapting a node's model to its analysts' reviews. A handful of confirmed and dismissed alerts is
// far too little to train from scratch, so the model moves from its current weights only as far as
// the reviews justify: maximum a posteriori logistic regression with a Gaussian prior centred on
// the current weights,  Σ cᵢ·logloss(σ(w·xᵢ + b), yᵢ) + (λ/2)·‖w − w₀‖²,  with balanced class
// weights cᵢ. Only weights of features seen in the reviews can move; calibration stays as it was.

export const PRIOR_STRENGTH = 1;
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

/** A new model: `base` moved towards the reviewed examples (label 1 confirmed, 0 dismissed). */
export function adaptModel(
  base: Model,
  reviews: readonly Example[],
  name: string,
  lambda = PRIOR_STRENGTH,
): Model {
  if (reviews.length === 0) throw new Error('there are no reviewed alerts to learn from');
  const [c0, c1] = classWeights(reviews);
  const prepared = (rows: readonly Example[]): Prepared[] =>
    rows.map((e) => ({ x: featurize(e, base.featureConfig), y: e.label, c: e.label === 1 ? c1 : c0 }));
  const languages = { ...base.languages };
  for (const [lang, sub] of Object.entries(base.languages)) {
    const rows = reviews.filter((e) => e.lang === lang);
    if (rows.length > 0) languages[lang] = adaptClassifier(sub, prepared(rows), lambda);
  }
  const top = adaptClassifier(base, prepared(reviews), lambda);
  return {
    ...base,
    ...top,
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
