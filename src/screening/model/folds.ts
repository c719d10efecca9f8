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
export function splitFold(
  fold: Int32Array,
  f: number,
  rows?: readonly number[],
): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  const all = rows ?? Array.from({ length: fold.length }, (_, i) => i);
  for (const r of all) (fold[r] === f ? test : train).push(r);
  return { train, test };
}

/**
 * Stratified k-fold that keeps each group (e.g. one message template) inside one fold, so that
 * near-copies of a test row are never in its training part. Groups are dealt, largest first, to
 * the fold holding the fewest rows of their stratum (the stratum of the group's first row).
 */
export function stratifiedGroupFolds(
  strata: readonly string[],
  groups: readonly string[],
  k: number,
  seed: number,
): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k-fold needs k ≥ 2 (got ${k})`);
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const m = members.get(g);
    if (m) m.push(i);
    else members.set(g, [i]);
  });
  const byStratum = new Map<string, number[][]>();
  for (const key of [...members.keys()].sort()) {
    const rows = members.get(key) ?? [];
    const stratum = strata[rows[0] ?? 0] ?? '';
    const list = byStratum.get(stratum) ?? [];
    list.push(rows);
    byStratum.set(stratum, list);
  }
  const random = createRandom(seed);
  const fold = new Int32Array(strata.length);
  for (const stratum of [...byStratum.keys()].sort()) {
    const list = shuffleInPlace(byStratum.get(stratum) ?? [], random);
    // stable sort keeps the shuffled order among groups of equal size
    list.sort((a, b) => b.length - a.length);
    const load = new Array<number>(k).fill(0);
    const start = Math.floor(random() * k);
    for (const rows of list) {
      let best = start;
      for (let f = 0; f < k; f++) {
        const candidate = (start + f) % k;
        if ((load[candidate] ?? 0) < (load[best] ?? 0)) best = candidate;
      }
      for (const r of rows) fold[r] = best;
      load[best] = (load[best] ?? 0) + rows.length;
    }
  }
  return fold;
}

/** A key shared by copies of one message template: letters only, no diacritics, URLs, digits or case. */
export function templateKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?:https?:\/\/|www\.)\S*|\S+\.[a-z]{2,6}\/\S*/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, (m, offset: number, s: string) => (isThaiMark(s, offset) ? m : ''))
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{M}]+/gu, '');
}

function isThaiMark(s: string, offset: number): boolean {
  const c = s.charCodeAt(offset);
  return c >= 0x0e00 && c <= 0x0e7f;
}
