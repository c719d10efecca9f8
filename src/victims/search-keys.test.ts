import { describe, expect, it } from 'vitest';
import {
  birthdateKey,
  foldName,
  identityNumberKey,
  nameTokens,
  nameTrigrams,
  phoneKey,
  pseudonymOf,
  type SearchKeys,
} from './search-keys.ts';

const keysFrom = (seed: number): SearchKeys => {
  const k = (n: number) => Buffer.alloc(32, seed * 8 + n);
  return { nameTokens: k(1), birthdate: k(2), identityNumber: k(3), phone: k(4), pseudonym: k(5) };
};
const a = keysFrom(1);
const b = keysFrom(2);

/** Jaccard similarity of two token strings, as sets of tokens. */
function overlap(x: string, y: string): number {
  const sx = new Set(x.split(' '));
  const sy = new Set(y.split(' '));
  const shared = [...sx].filter((t) => sy.has(t)).length;
  return shared / (sx.size + sy.size - shared);
}

describe('foldName', () => {
  it('drops Latin diacritics and case, keeps other scripts whole', () => {
    expect(foldName('  NGUYỄN Thị  Đào ')).toBe('nguyen thi dao');
    expect(foldName("O'Brien-Smith")).toBe('o brien smith');
    expect(foldName('สมชาย ใจดี')).toBe('สมชาย ใจดี');
    expect(foldName('အောင်ဆန်း')).toBe('အောင်ဆန်း');
    expect(foldName('ＡＢＣ')).toBe('abc');
  });

  it('compares a Burmese name typed in Zawgyi as its Unicode form', () => {
    // The same names typed on a Zawgyi keyboard: other code points, in another order.
    expect(foldName('ေအာင္ဆန္းစုၾကည္')).toBe(foldName('အောင်ဆန်းစုကြည်'));
    expect(nameTokens(a, ['ေဒၚခင္မာ'])).toBe(nameTokens(a, ['ဒေါ်ခင်မာ']));
    // Unicode Burmese is never converted (converting it as if it were Zawgyi garbles it).
    expect(foldName('မောင်မောင်')).toBe('မောင်မောင်');
  });

  it('forms trigrams as pg_trgm does (two spaces before each word, one after)', () => {
    expect(nameTrigrams('Ann')).toEqual(['  a', ' an', 'ann', 'nn '].sort());
  });
});

describe('keyed tokens', () => {
  it('contain no plaintext and depend on the key', () => {
    const tokens = nameTokens(a, ['Nguyen', null, 'Thi Dao']);
    expect(tokens).toMatch(/^[a-z2-7]{7}( [a-z2-7]{7})*$/);
    expect(tokens).not.toMatch(/ngu|dao|thi/);
    expect(nameTokens(b, ['Nguyen', null, 'Thi Dao'])).not.toBe(tokens);
    expect(nameTokens(a, [])).toBe('');
  });

  it('keep names that differ by a letter or by order close, and different names far', () => {
    const base = nameTokens(a, ['Nguyen Thi Dao']);
    expect(overlap(base, nameTokens(a, ['Nguyễn Thị Đào']))).toBe(1);
    expect(overlap(base, nameTokens(a, ['Dao', 'Nguyen Thi']))).toBe(1);
    expect(overlap(base, nameTokens(a, ['Nguyen Thi Dau']))).toBeGreaterThan(0.6);
    expect(overlap(base, nameTokens(a, ['Somchai Jaidee']))).toBeLessThan(0.1);
  });

  it('normalise identity numbers and phones before keying', () => {
    expect(identityNumberKey(a, 'ab-123 456')).toBe(identityNumberKey(a, 'AB123456'));
    expect(identityNumberKey(a, 'AB123456')).not.toBe(identityNumberKey(b, 'AB123456'));
    expect(phoneKey(a, '+66812345678')).toBe(phoneKey(a, '66812345678'));
    expect(birthdateKey(a, '1990-01-02')).not.toBe(birthdateKey(a, '1990-01-03'));
  });
});

describe('pseudonymOf', () => {
  it('is stable per person and key, and reveals nothing of the id', () => {
    const id = '7b0c2a4e-8d7f-4d25-9a3c-1f0e6b5d4c3a';
    expect(pseudonymOf(a, id)).toBe(pseudonymOf(a, id));
    expect(pseudonymOf(a, id)).toMatch(/^P-[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(pseudonymOf(b, id)).not.toBe(pseudonymOf(a, id));
    expect(pseudonymOf(a, id.replace('7b', '7c'))).not.toBe(pseudonymOf(a, id));
  });

  it('does not collide across many persons', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++)
      seen.add(pseudonymOf(a, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    expect(seen.size).toBe(20_000);
  });
});
