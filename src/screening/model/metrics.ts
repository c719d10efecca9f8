// Binary classification metrics for the fraud class (label 1). Scores: higher = more likely fraud.

export type BinaryMetrics = {
  n: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  prAuc: number;
  threshold: number;
};

export type Confusion = { tp: number; fp: number; fn: number; tn: number };

/** Counts at a decision threshold: predicted fraud when score ≥ threshold. */
export function confusionAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const positive = (labels[i] ?? 0) === 1;
    const predicted = (scores[i] ?? 0) >= threshold;
    if (predicted && positive) c.tp++;
    else if (predicted) c.fp++;
    else if (positive) c.fn++;
    else c.tn++;
  }
  return c;
}

/** Precision, recall and F1 (0 when undefined, as when nothing is predicted positive). */
export function precisionRecallF1(c: Confusion): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function order(scores: ArrayLike<number>): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
}

/** ROC AUC as the Mann–Whitney rank statistic; tied scores share their average rank (a tie counts ½). */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = order(scores).reverse(); // ascending
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    const s = scores[idx[i] ?? 0] ?? 0;
    while (j < idx.length && (scores[idx[j] ?? 0] ?? 0) === s) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 .. j
    for (let k = i; k < j; k++) {
      if ((labels[idx[k] ?? 0] ?? 0) === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j;
  }
  const negatives = idx.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Operating points at every distinct score, from the highest: threshold, precision, recall, F1. */
export function operatingPoints(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): Array<{ threshold: number; precision: number; recall: number; f1: number }> {
  const idx = order(scores);
  let totalPositives = 0;
  for (let i = 0; i < labels.length; i++) if ((labels[i] ?? 0) === 1) totalPositives++;
  const points: Array<{ threshold: number; precision: number; recall: number; f1: number }> = [];
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < idx.length) {
    const s = scores[idx[i] ?? 0] ?? 0;
    while (i < idx.length && (scores[idx[i] ?? 0] ?? 0) === s) {
      if ((labels[idx[i] ?? 0] ?? 0) === 1) tp++;
      else fp++;
      i++;
    }
    const m = precisionRecallF1({ tp, fp, fn: totalPositives - tp, tn: 0 });
    points.push({ threshold: s, ...m });
  }
  return points;
}

/** PR AUC as average precision: Σ (R_k − R_{k−1}) · P_k over distinct thresholds (as scikit-learn). */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let ap = 0;
  let previousRecall = 0;
  let any = false;
  for (const p of operatingPoints(scores, labels)) {
    ap += (p.recall - previousRecall) * p.precision;
    previousRecall = p.recall;
    any = true;
  }
  return any && previousRecall > 0 ? ap : Number.NaN;
}

/**
 * The threshold that maximises F1, placed halfway between the chosen score and the next lower
 * one so that a slightly lower score on new data is still caught. Ties keep the higher threshold.
 */
export function bestF1Threshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): { threshold: number; f1: number } {
  const points = operatingPoints(scores, labels);
  let best = -1;
  let bestF1 = -1;
  for (let k = 0; k < points.length; k++) {
    const f1 = points[k]?.f1 ?? 0;
    if (f1 > bestF1) {
      bestF1 = f1;
      best = k;
    }
  }
  const chosen = points[best];
  if (!chosen) return { threshold: 0.5, f1: 0 };
  const next = points[best + 1];
  const threshold = next ? (chosen.threshold + next.threshold) / 2 : chosen.threshold;
  return { threshold, f1: bestF1 };
}

export function binaryMetrics(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): BinaryMetrics {
  const c = confusionAt(scores, labels, threshold);
  return {
    n: scores.length,
    positives: c.tp + c.fn,
    ...precisionRecallF1(c),
    rocAuc: rocAuc(scores, labels),
    prAuc: averagePrecision(scores, labels),
    threshold,
  };
}

/** Mean and sample standard deviation. */
export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: Number.NaN, sd: Number.NaN };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (values.length === 1) return { mean, sd: 0 };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}
