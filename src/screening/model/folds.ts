import { createRandom, shuffleInPlace } from './random.ts';

/**
 * Stratified k-fold assignment: rows of each stratum (e.g. `vi:1`) are shuffled with the seed and
 * dealt round-robin, so every fold keeps each stratum's share. Returns the fold of every row.
 */
export function stratifiedFolds(strata: readonly string[], k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k-fold needs k ≥ 2 (got ${k})`);
  const groups = new Map<string, number[]>();
  strata.forEach((s, i) => {
    const g = groups.get(s);
    if (g) g.push(i);
    else groups.set(s, [i]);
  });
  const random = createRandom(seed);
  const fold = new Int32Array(strata.length);
  let offset = 0;
  for (const key of [...groups.keys()].sort()) {
    const rows = shuffleInPlace(groups.get(key) ?? [], random);
    rows.forEach((row, j) => {
      fold[row] = (offset + j) % k;
    });
    offset += rows.length;
  }
  return fold;
}

/** Rows in / out of fold f. */
export function splitFold(fold: Int32Array, f: number, rows?: readonly number[]): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  const all = rows ?? Array.from({ length: fold.length }, (_, i) => i);
  for (const r of all) (fold[r] === f ? test : train).push(r);
  return { train, test };
}
