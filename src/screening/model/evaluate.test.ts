import { describe, expect, it } from 'vitest';
import { crossValidate } from './evaluate.ts';
import type { Example } from './model.ts';
import { syntheticExamples } from './test-data.ts';

// The synthetic set with every 8th label flipped, so folds miss some rows and thresholds matter.
const noisy: Example[] = syntheticExamples(60).map((e, i) =>
  i % 8 === 3 ? { ...e, label: 1 - e.label } : e,
);
// Sub-models for both languages although each training part holds fewer than 300 rows of each.
const options = { calibrationFolds: 3, perLanguage: ['id', 'vi'] };

describe('crossValidate', () => {
  it('reports the thresholds the fold models decided with, per language', () => {
    const cv = crossValidate(noisy, 3, options);
    for (const lang of ['id', 'vi']) {
      const rows = noisy.flatMap((e, i) => (e.lang === lang ? [i] : []));
      const used = new Set(rows.map((r) => cv.heldOut.threshold[r]));
      const foldThresholds = cv.folds.map((f) => f.byLang[lang]?.threshold ?? Number.NaN);
      expect([...used].sort()).toEqual([...new Set(foldThresholds)].sort());
      const sum = foldThresholds.reduce((a, b) => a + b, 0);
      expect(cv.byLang[lang]?.threshold.mean).toBeCloseTo(sum / cv.k, 12);
      expect(cv.byLang[lang]?.threshold.mean).toBeGreaterThan(0);
      expect(cv.byLang[lang]?.threshold.mean).toBeLessThan(1);
    }
    // Two sub-models decided each fold: no single overall threshold.
    expect(cv.overall.threshold.mean).toBeNaN();
  });

  it('gives every row a held-out probability whose decisions reproduce the fold metrics', () => {
    const vi = noisy.filter((e) => e.lang === 'vi');
    const cv = crossValidate(vi, 3, { calibrationFolds: 3 });
    expect(cv.overall.threshold.mean).toBeCloseTo(cv.byLang.vi?.threshold.mean ?? Number.NaN, 12);
    let tp = 0;
    let fp = 0;
    vi.forEach((e, i) => {
      const p = cv.heldOut.probability[i] ?? Number.NaN;
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      if (p < (cv.heldOut.threshold[i] ?? 1)) return;
      if (e.label === 1) tp++;
      else fp++;
    });
    const folds = cv.folds.map((f) => f.overall);
    const truePositives = folds.reduce((a, f) => a + Math.round(f.recall * f.positives), 0);
    expect(tp).toBe(truePositives);
    const predicted = folds.reduce(
      (a, f) => a + (f.precision > 0 ? Math.round((f.recall * f.positives) / f.precision) : 0),
      0,
    );
    expect(tp + fp).toBe(predicted);
  });

  it('bounds F1 by the F1 at the best threshold on the test fold itself', () => {
    const cv = crossValidate(noisy, 3, options);
    for (const fold of cv.folds) {
      for (const m of Object.values(fold.byLang)) expect(m.bestF1).toBeGreaterThanOrEqual(m.f1);
      expect(fold.overall.bestF1).toBeNaN();
    }
    expect(cv.byLang.id?.f1AtBestThreshold.mean).toBeGreaterThan(0.5);
  });
});
