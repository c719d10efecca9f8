import { describe, expect, it } from 'vitest';
import { metricColumns, metricsSource, readMetrics } from './metrics.ts';

const m = (f1: number | null) => ({
  n: 10,
  positives: 4,
  precision: 0.8,
  recall: 0.75,
  f1,
  rocAuc: null,
  prAuc: 0.7,
  threshold: 0.42,
});

describe('readMetrics', () => {
  it('reads the trainer shape: overall first, then languages in order', () => {
    const rows = readMetrics({ outOfFold: m(0.77), byLang: { vi: m(0.8), th: m(0.7) } });
    expect(rows.map((row) => row.scope)).toEqual(['all', 'th', 'vi']);
    expect(rows[0]?.values.f1).toBe(0.77);
    expect(metricColumns(rows)).toEqual([
      'n',
      'positives',
      'precision',
      'recall',
      'f1',
      'prAuc',
      'threshold',
    ]);
  });

  it('reads flat metrics and ignores what it does not understand', () => {
    expect(readMetrics({ f1: 0.5 })).toEqual([{ scope: 'all', values: { f1: 0.5 } }]);
    expect(readMetrics(null)).toEqual([]);
    expect(readMetrics({ accuracy: 'high' })).toEqual([]);
    expect(readMetrics('0.9')).toEqual([]);
  });
});

describe('metricsSource', () => {
  it('tells an adapted model’s figures on the reviews from a trained model’s', () => {
    const adapted = { evaluatedOn: 'reviews', folds: 5, outOfFold: m(0.6), byLang: { vi: m(0.6) } };
    expect(metricsSource(adapted)).toEqual({ on: 'reviews', folds: 5 });
    expect(readMetrics(adapted).map((row) => row.scope)).toEqual(['all', 'vi']);
    expect(metricsSource(m(0.77))).toEqual({ on: 'training' });
    expect(metricsSource(null)).toEqual({ on: 'training' });
  });
});
