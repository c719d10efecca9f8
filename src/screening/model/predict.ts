import { applyPlatt } from './calibration.ts';
import { linearScore } from './features.ts';
import { classifierFor, type Model, type PredictInput } from './model.ts';

export type Prediction = {
  /** calibrated probability that the post is a scam / fraud */
  probability: number;
  /** probability ≥ the threshold of the classifier that scored it */
  flagged: boolean;
  threshold: number;
  /** which classifier scored it: a language code, or 'all' for the all-language fallback */
  classifier: string;
};

/** Calibrated probability that the post is a scam / fraud. */
export function predict(model: Model, input: PredictInput): number {
  const c = classifierFor(model, input.lang);
  return applyPlatt(c.calibration, c.bias + linearScore(input, model.featureConfig, c.weights));
}

/** The probability with the decision the model's threshold gives. */
export function classify(model: Model, input: PredictInput): Prediction {
  const c = classifierFor(model, input.lang);
  const probability = applyPlatt(c.calibration, c.bias + linearScore(input, model.featureConfig, c.weights));
  return {
    probability,
    flagged: probability >= c.threshold,
    threshold: c.threshold,
    classifier: c === model ? 'all' : (input.lang ?? 'all'),
  };
}
