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

function timePerPost(
  run: (n: NormalizedText) => unknown,
  posts: NormalizedText[],
  minMillis: number,
): number {
  for (const n of posts) run(n); // warm up
  let rounds = 0;
  const start = cpuMicros();
  let elapsed = 0;
  do {
    for (const n of posts) run(n);
    rounds++;
    elapsed = cpuMicros() - start;
  } while (elapsed < minMillis * 1000);
  return elapsed / (rounds * posts.length);
}

/** CPU µs per post of the automaton and of the naive baseline, on already normalised posts. */
export function measureIndicatorSpeed(
  matcher: IndicatorMatcher,
  posts: NormalizedText[],
  minMillis = 500,
): SpeedReport {
  const bytes = posts.reduce((sum, n) => sum + Buffer.byteLength(n.original, 'utf8'), 0);
  const microsPerPost = timePerPost((n) => matcher.match(n), posts, minMillis);
  const naiveMicrosPerPost = timePerPost((n) => matcher.matchNaive(n), posts, minMillis);
  return {
    posts: posts.length,
    averageBytes: Math.round(bytes / posts.length),
    microsPerPost,
    naiveMicrosPerPost,
    speedUp: naiveMicrosPerPost / microsPerPost,
  };
}
