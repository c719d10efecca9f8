import { type Count, K, protect } from '../../src/victims/statistics/suppress.ts';

// What a reader who knows the publication rule can work out from published statistics counts
// (README of src/victims/statistics, "Differencing"). The rule is public, so the reader inverts it.

/** Every true count that `protect` publishes as `count`: for a withheld one, 1 to K − 1. */
export function readerCandidates(count: Count): number[] {
  const limit = (count.value ?? 0) + 2 * K;
  const out: number[] = [];
  for (let x = 0; x <= limit; x++) {
    const p = protect(x);
    if (p.suppressed === count.suppressed && p.value === count.value) out.push(x);
  }
  return out;
}

/**
 * Whether two published counts pin the difference of their true counts closer than "somewhere in
 * 1 to K − 1" (what a withheld count says): every difference they allow lies within 1..K−1 (or
 * within −(K−1)..−1), and not every one of those is allowed.
 */
export function pinsSmallDifference(a: Count, b: Count): boolean {
  const differences = new Set<number>();
  for (const x of readerCandidates(a)) for (const y of readerCandidates(b)) differences.add(x - y);
  const all = [...differences];
  const small = (sign: 1 | -1) => all.every((d) => sign * d >= 1 && sign * d <= K - 1) && all.length < K - 1;
  return small(1) || small(-1);
}
