/**
 * How training rows are weighted in the loss.
 * - 'balanced': within each language, both classes carry the same total weight; each language
 *   keeps its share of the rows (for one language this is the usual balanced class weighting).
 * - 'equal-langs': every (language, class) group carries the same total weight.
 * - 'none': every row weighs 1.
 */
export type ClassWeighting = 'balanced' | 'equal-langs' | 'none';

/** Row weights (indexed like labels) computed from the given training rows only; mean weight 1. */
export function sampleWeights(
  labels: ArrayLike<number>,
  langs: readonly string[],
  rows: readonly number[],
  mode: ClassWeighting,
): Float64Array {
  const weights = new Float64Array(labels.length);
  if (mode === 'none') {
    for (const r of rows) weights[r] = 1;
    return weights;
  }
  const groupSize = new Map<string, number>();
  const langSize = new Map<string, number>();
  const langClasses = new Map<string, Set<number>>();
  for (const r of rows) {
    const lang = langs[r] ?? 'und';
    const label = labels[r] ?? 0;
    const key = `${lang}:${label}`;
    groupSize.set(key, (groupSize.get(key) ?? 0) + 1);
    langSize.set(lang, (langSize.get(lang) ?? 0) + 1);
    const classes = langClasses.get(lang) ?? new Set<number>();
    classes.add(label);
    langClasses.set(lang, classes);
  }
  let sum = 0;
  for (const r of rows) {
    const lang = langs[r] ?? 'und';
    const size = groupSize.get(`${lang}:${labels[r] ?? 0}`) ?? 1;
    const classes = langClasses.get(lang)?.size ?? 1;
    const w = mode === 'equal-langs' ? 1 / size : (langSize.get(lang) ?? 1) / (classes * size);
    weights[r] = w;
    sum += w;
  }
  const scale = rows.length / sum;
  for (const r of rows) weights[r] = (weights[r] ?? 0) * scale;
  return weights;
}
