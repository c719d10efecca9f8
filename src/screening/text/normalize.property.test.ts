import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NormalizedText } from '../types.ts';
import { normalize, toOriginalSpan } from './normalize.ts';

// Characters the normaliser treats specially, so random strings hit every branch.
const SPECIAL = [
  'W',
  '.',
  ' ',
  '-',
  '_',
  '3',
  '1',
  '0',
  '@',
  '$',
  'a',
  'e',
  'z',
  'ệ',
  'đ',
  'İ',
  'ß',
  'ﬁ',
  'ｔ',
  '𝐓',
  'а',
  'Ο',
  '\u200B',
  '\u200D',
  '\u00AD',
  '\uFEFF',
  '\u202E',
  '\uFE0F',
  '\u20E3',
  '\u0336',
  'ᴛ',
  '🅰',
  '⒜',
  '\u0301',
  '\uD800',
  '\uDC00',
  '\uD83D',
  'ก',
  'ำ',
  'ํ',
  'า',
  '้',
  '๘',
  'ศูนย์',
  'แปด',
  'zero ',
  'nine ',
  'không ',
  'ျ',
  'မ',
  'န',
  '္',
  'ေ',
  '၂',
  'ក',
  'ລ',
  '中',
  '\n',
];
const special = fc.constantFrom(...SPECIAL);
const mixed = fc
  .array(
    fc.oneof(
      special,
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

function checkInvariants(original: string, n: NormalizedText): void {
  expect(n.original).toBe(original);
  expect(n.bare.length).toBe(n.text.length);
  expect(n.offsets.length).toBe(n.text.length + 1);
  expect(n.offsets[n.text.length]).toBe(original.length);
  let bad = -1;
  for (let i = 0; i < n.text.length && bad < 0; i++) {
    const o = n.offsets[i] ?? -1;
    if (o < 0 || o >= original.length || o > (n.offsets[i + 1] ?? -1)) bad = i;
  }
  expect(bad, `offset ${bad} out of order or bounds`).toBe(-1);
}

describe('normalize properties', () => {
  it('never throws, keeps offsets monotonic and in bounds, bare as long as text', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        checkInvariants(s, normalize(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('maps every span inside the original, start ≤ end', () => {
    fc.assert(
      fc.property(mixed, fc.nat(), fc.nat(), (s, a, b) => {
        const n = normalize(s);
        const len = n.text.length + 1;
        const start = Math.min(a % len, b % len);
        const end = Math.max(a % len, b % len);
        const [os, oe] = toOriginalSpan(n, start, end);
        expect(os).toBeGreaterThanOrEqual(0);
        expect(os).toBeLessThanOrEqual(oe);
        expect(oe).toBeLessThanOrEqual(s.length);
        if (end > start) expect(oe).toBeGreaterThan(os);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on its own output for plain text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 80 }), (s) => {
        const once = normalize(s).text;
        expect(normalize(once).text).toBe(once);
      }),
    );
  });

  it('runs in linear time on long repetitive input', () => {
    const unit = ['a.', '1 ', 'zero ', '\u200B', 'ศูนย์', 'ျမ', 't3', 'e\u0301', 'ก้', 'x'];
    // CPU time, minimum of five runs each, so JIT warm-up, GC pauses and other processes on a
    // shared machine do not count.
    const timeOf = (input: string): number => {
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 5; r++) {
        const t0 = process.cpuUsage();
        normalize(input);
        const used = process.cpuUsage(t0);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      return best;
    };
    for (const u of unit) {
      const small = u.repeat(1_000);
      const large = u.repeat(10_000);
      checkInvariants(large, normalize(large));
      const ts = timeOf(small);
      const tl = timeOf(large);
      // 10× the input: allow generous noise, but not quadratic (100×) growth.
      expect(tl, `repeated ${JSON.stringify(u)}`).toBeLessThan(Math.max(25, ts * 40));
    }
  });
});
