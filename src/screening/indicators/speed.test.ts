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
  it('stays well under 20 µs per 500-byte post and beats the naive baseline', () => {
    const matcher = loadIndicators();
    const report = measureIndicatorSpeed(matcher, posts(400).map(normalize));
    console.log(
      `indicators: ${report.microsPerPost.toFixed(1)} µs/post (${report.averageBytes} B avg), naive ${report.naiveMicrosPerPost.toFixed(0)} µs/post, ${report.speedUp.toFixed(0)}× faster, ${matcher.phrases().length} phrases`,
    );
    // generous bounds: CI machines are shared; the figures above are what to read
    expect(report.microsPerPost).toBeLessThan(60);
    expect(report.speedUp).toBeGreaterThan(10);
  });
});
