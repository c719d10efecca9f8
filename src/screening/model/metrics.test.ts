import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  bestF1Threshold,
  binaryMetrics,
  confusionAt,
  meanSd,
  precisionRecallF1,
  rocAuc,
} from './metrics.ts';

// Hand-computed: positives at 0.9 and 0.7, negatives at 0.8, 0.6, 0.5.
const scores = [0.9, 0.8, 0.7, 0.6, 0.5];
const labels = [1, 0, 1, 0, 0];

describe('metrics', () => {
  it('counts the confusion matrix at a threshold (score ≥ threshold is positive)', () => {
    expect(confusionAt(scores, labels, 0.7)).toEqual({ tp: 2, fp: 1, fn: 0, tn: 2 });
    expect(precisionRecallF1({ tp: 2, fp: 1, fn: 0, tn: 2 })).toEqual({
      precision: 2 / 3,
      recall: 1,
      f1: 0.8,
    });
    expect(precisionRecallF1({ tp: 0, fp: 0, fn: 3, tn: 1 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('computes ROC AUC as the share of correctly ordered positive–negative pairs', () => {
    // 0.9 beats 3 negatives, 0.7 beats 2: 5 of 6 pairs
    expect(rocAuc(scores, labels)).toBeCloseTo(5 / 6, 12);
    expect(rocAuc([0.1, 0.2], [1, 0])).toBe(0);
    expect(rocAuc([0.3, 0.3], [1, 0])).toBe(0.5);
  });

  it('counts a tied positive–negative pair as one half', () => {
    // pairs: (p,n@0.5) ½ twice, (p,n@0.1) 1 twice → 3/4
    expect(rocAuc([0.5, 0.5, 0.5, 0.1], [1, 0, 1, 0])).toBeCloseTo(0.75, 12);
    expect(Number.isNaN(rocAuc([0.5, 0.4], [1, 1]))).toBe(true);
  });

  it('computes PR AUC as average precision over distinct thresholds', () => {
    // recall 0.5 at precision 1, then recall 1 at precision 2/3
    expect(averagePrecision(scores, labels)).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
    // one distinct score holding both positives and a negative: precision 2/3 at recall 1
    expect(averagePrecision([0.5, 0.5, 0.5, 0.1], [1, 0, 1, 0])).toBeCloseTo(2 / 3, 12);
    expect(averagePrecision([0.2, 0.9, 0.4], [1, 1, 1])).toBe(1);
  });

  it('picks the F1-maximising threshold halfway to the next lower score', () => {
    // F1 by cut: 0.9 → 2/3, 0.8 → 1/2, 0.7 → 4/5, 0.6 → 2/3, 0.5 → 4/7
    const best = bestF1Threshold(scores, labels);
    expect(best.threshold).toBeCloseTo(0.65, 12);
    expect(best.f1).toBeCloseTo(0.8, 12);
    expect(bestF1Threshold([0.9, 0.2], [1, 0]).threshold).toBeCloseTo(0.55, 12);
  });

  it('puts it together at a given threshold', () => {
    const m = binaryMetrics(scores, labels, 0.65);
    expect(m).toMatchObject({ n: 5, positives: 2, precision: 2 / 3, recall: 1, threshold: 0.65 });
    expect(m.f1).toBeCloseTo(0.8, 12);
    expect(m.rocAuc).toBeCloseTo(5 / 6, 12);
  });

  it('gives mean and sample standard deviation', () => {
    const { mean, sd } = meanSd([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(meanSd([7])).toEqual({ mean: 7, sd: 0 });
  });
});
