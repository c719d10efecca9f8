import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexiconPhrases, matchIndicators, naiveMatchIndicators } from './index.ts';
import { plainNormalize } from './test-support.ts';

const phrases = lexiconPhrases();

/** Text built from lexicon phrases, their pieces, separators and noise: where matches happen. */
const postLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...phrases),
      fc.constantFrom(...phrases).map((p) => p.slice(0, Math.ceil(p.length / 2))),
      fc.constantFrom(' ', ', ', '\n', '!!', '🔥', '.', '-', '$', '@', '\u200b'),
      // negation cues and pseudo-negations (negation.json), so denials are exercised too
      fc.constantFrom(
        'no ',
        'not ',
        ' not accepted',
        'không ',
        'không sao ',
        '不',
        '不限',
        'ไม่',
        'tidak ',
        ' but ',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ maxLength: 300 }),
  postLike,
);

function spansInside(text: string): void {
  for (const m of matchIndicators(plainNormalize(text))) {
    expect(m.spans.length).toBeGreaterThan(0);
    for (const [s, e] of m.spans) {
      expect(0 <= s && s < e && e <= text.length).toBe(true);
    }
  }
}

describe('matchIndicators on arbitrary input', () => {
  it('never throws and keeps every span inside the original', () => {
    fc.assert(fc.property(anyText, spansInside), { numRuns: 500 });
  });

  it('agrees with the naive baseline', () => {
    fc.assert(
      fc.property(postLike, (text) => {
        const n = plainNormalize(text);
        expect(matchIndicators(n)).toEqual(naiveMatchIndicators(n));
      }),
      { numRuns: 300 },
    );
  });

  it('takes time linear in the length of the post, even for 10,000 repeated characters', () => {
    const units = [
      'a',
      ' ',
      'ก',
      '高',
      'ສ',
      '1',
      '$',
      'ệ',
      '🔥',
      'ab',
      'telegram ',
      'việc nhẹ lương cao ',
      'งานสบาย',
      '1500$ ',
    ];
    // the fastest of several runs: a shared machine only ever adds time
    const time = (text: string) => {
      const n = plainNormalize(text);
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 9; i++) {
        const start = performance.now();
        matchIndicators(n);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    for (const unit of units) {
      const short = unit.repeat(Math.ceil(10_000 / unit.length));
      const long = short + short + short + short;
      spansInside(short);
      const tShort = time(short);
      const tLong = time(long);
      expect(tShort, unit).toBeLessThan(100);
      // four times the text: well under sixteen times the time (what quadratic work would take)
      expect(tLong, unit).toBeLessThan(Math.max(8 * tShort, 5));
    }
  });
});
