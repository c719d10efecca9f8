import * as z from 'zod/mini';

// A model's metrics as the trainer writes them (src/screening/model/train.ts): out-of-fold binary
// metrics overall and per language. Anything else is shown as its numeric fields, or not at all.
// A model adapted to reviews has its own, out of fold on the reviews (`evaluatedOn: 'reviews'`).

export const metricNames = [
  'n',
  'positives',
  'precision',
  'recall',
  'f1',
  'rocAuc',
  'prAuc',
  'threshold',
] as const;
export type MetricName = (typeof metricNames)[number];

export type MetricRow = { scope: string; values: Partial<Record<MetricName, number | null>> };

const value = z.nullish(z.number());
const binary = z.object({
  n: value,
  positives: value,
  precision: value,
  recall: value,
  f1: value,
  rocAuc: value,
  prAuc: value,
  threshold: value,
});
const byLang = z.object({ outOfFold: binary, byLang: z.optional(z.record(z.string(), binary)) });

/** Rows of metrics: `all` first, then one per language, or [] when there are none we understand. */
export function readMetrics(metrics: unknown): MetricRow[] {
  const nested = byLang.safeParse(metrics);
  if (nested.success) {
    const langs = Object.entries(nested.data.byLang ?? {}).sort(([a], [b]) => a.localeCompare(b));
    return [
      { scope: 'all', values: nested.data.outOfFold },
      ...langs.map(([lang, values]) => ({ scope: lang, values })),
    ];
  }
  const flat = binary.safeParse(metrics);
  if (flat.success && metricNames.some((name) => typeof flat.data[name] === 'number')) {
    return [{ scope: 'all', values: flat.data }];
  }
  return [];
}

/** The metric columns any row has a value for. */
export function metricColumns(rows: readonly MetricRow[]): MetricName[] {
  return metricNames.filter((name) => rows.some((row) => typeof row.values[name] === 'number'));
}

/** What the figures were measured on: a trained model's training data, or the reviews it was adapted to. */
export type MetricsSource = { on: 'training' } | { on: 'reviews'; folds: number };

const fromReviews = z.object({ evaluatedOn: z.literal('reviews'), folds: z.number() });

export function metricsSource(metrics: unknown): MetricsSource {
  const reviews = fromReviews.safeParse(metrics);
  return reviews.success ? { on: 'reviews', folds: reviews.data.folds } : { on: 'training' };
}
