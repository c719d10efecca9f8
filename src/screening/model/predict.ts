import { applyPlatt } from './calibration.ts';
import { linearScore } from './features.ts';
import type { Model, PredictInput } from './model.ts';

/** Raw linear score (log-odds before calibration). */
export function decisionScore(model: Model, input: PredictInput): number {
  return model.bias + linearScore(input, model.featureConfig, model.weights);
}

/** Calibrated probability that the post is a scam / fraud. */
export function predict(model: Model, input: PredictInput): number {
  return applyPlatt(model.calibration, decisionScore(model, input));
}

/** Whether the calibrated probability reaches the model's decision threshold. */
export function isFlagged(model: Model, probability: number): boolean {
  return probability >= model.threshold;
}
