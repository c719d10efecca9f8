import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.ts';
import { ORDINARY_ADS, SCAM_POSTS } from './fixtures.ts';
import { loadIndicators } from './index.ts';
import { measureIndicatorSpeed } from './speed.ts';

/** ~500-byte posts: the fixtures, scam and ordinary, in every language, cut and mixed. */
function posts(count: number): string[] {
  const pieces = [...SCAM_POSTS.map((p) => p.text), ...ORDINARY_ADS.map((a) => a.text)];
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let post = '';
    for (let k = i; Buffer.byteLength(post) < 500; k += 7) post += `${pieces[k % pieces.length]} `;
    while (Buffer.byteLength(post) > 520) post = post.slice(0, -1);
    out.push(post);
  }
  return out;
}

describe('indicator matching speed', () => {
  it('beats the naive baseline (one RegExp per phrase) more than tenfold, in the same process', () => {
    const matcher = loadIndicators();
    const report = measureIndicatorSpeed(matcher, posts(400).map(normalize));
    console.log(
      `indicators: ${report.microsPerPost.toFixed(1)} µs/post (${report.averageBytes} B avg), naive ${report.naiveMicrosPerPost.toFixed(0)} µs/post, ${report.speedUp.toFixed(0)}× faster, ${matcher.phrases().length} phrases`,
    );
    // a ratio against a baseline run in the same process, not a wall-clock bound: machines are
    // shared; the absolute figures are the benchmark's (bench/, `npm run bench`)
    expect(report.speedUp).toBeGreaterThan(10);
  });
});
