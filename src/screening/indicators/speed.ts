import type { NormalizedText } from '../types.ts';
import type { IndicatorMatcher } from './matcher.ts';

export type SpeedReport = {
  posts: number;
  averageBytes: number;
  microsPerPost: number;
  naiveMicrosPerPost: number;
  speedUp: number;
};

// CPU time of this process, not wall time: on a shared machine other processes only add waiting.
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU µs per post of `passes` passes over the posts. */
function sample(run: (n: NormalizedText) => unknown, posts: NormalizedText[], passes: number): number {
  const start = cpuMicros();
  for (let p = 0; p < passes; p++) for (const n of posts) run(n);
  return (cpuMicros() - start) / (passes * posts.length);
}

/**
 * CPU µs per post of the automaton and of the naive baseline, on already normalised posts.
 *
 * The two are sampled in turn, in samples of about the same length, and each keeps its fastest
 * sample: other processes on a shared machine (other test files, in CI) slow down whichever runs
 * beside them, and timing one side fully before the other would charge a burst to one side only.
 */
export function measureIndicatorSpeed(
  matcher: IndicatorMatcher,
  posts: NormalizedText[],
  minMillis = 1000,
  minSamples = 5,
): SpeedReport {
  const bytes = posts.reduce((sum, n) => sum + Buffer.byteLength(n.original, 'utf8'), 0);
  const fast = (n: NormalizedText) => matcher.match(n);
  const naive = (n: NormalizedText) => matcher.matchNaive(n);
  sample(fast, posts, 1); // warm up
  sample(naive, posts, 1);
  // enough passes of the automaton that its samples last as long as one pass of the baseline
  const passes = Math.max(1, Math.round(sample(naive, posts, 1) / sample(fast, posts, 1)));
  let microsPerPost = Number.POSITIVE_INFINITY;
  let naiveMicrosPerPost = Number.POSITIVE_INFINITY;
  const start = cpuMicros();
  for (let s = 0; s < minSamples || cpuMicros() - start < minMillis * 1000; s++) {
    microsPerPost = Math.min(microsPerPost, sample(fast, posts, passes));
    naiveMicrosPerPost = Math.min(naiveMicrosPerPost, sample(naive, posts, 1));
  }
  return {
    posts: posts.length,
    averageBytes: Math.round(bytes / posts.length),
    microsPerPost,
    naiveMicrosPerPost,
    speedUp: naiveMicrosPerPost / microsPerPost,
  };
}
