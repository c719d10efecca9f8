import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripDiacritics } from './chars.ts';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './feature-config.ts';
import { type FeatureInput, featurize, linearScore } from './features.ts';
import { createRandom } from './random.ts';
import type { SparseVector } from './sparse.ts';

const config: FeatureConfig = DEFAULT_FEATURE_CONFIG;
const charsOnly: FeatureConfig = { ...config, word: { ...config.word, weight: 0 } };
const wordsOnly: FeatureConfig = { ...config, char: { ...config.char, weight: 0 } };

function dot(v: SparseVector, w: Float32Array): number {
  let s = 0;
  v.indices.forEach((i, k) => {
    s += (w[i] ?? 0) * (v.values[k] ?? 0);
  });
  return s;
}

function asMap(v: SparseVector): Map<number, number> {
  const m = new Map<number, number>();
  v.indices.forEach((i, k) => {
    m.set(i, (m.get(i) ?? 0) + (v.values[k] ?? 0));
  });
  return m;
}

const random = createRandom(3);
const weights = new Float32Array(2 ** config.bits).map(() => random() * 2 - 1);

const variants: Record<string, FeatureConfig> = {
  default: config,
  raw: { ...config, char: { ...config.char, bare: 'none', digits: 'fold' } },
  shared: { ...config, char: { ...config.char, bare: 'shared', minN: 2, maxN: 6 } },
  langSpecific: { ...config, langSpecific: true },
  thaiChunks: { ...config, word: { ...config.word, thai: 'chunk', digits: 'keep', markers: false } },
};

const texts = [
  'Lương cao, việc nhẹ! Liên hệ Zalo 0912 345 678 hoặc https://viec-lam.top/dk ngay',
  'Gaji Rp.27jt, kerja ringan. Hubungi WA 0812-3456-7890, www.kerja-asik.blogspot.com',
  'ฟรีเครดิต 200฿ ทดลองเล่น คลิก https://lin.ee/BvuGAMv เว็บใหญ่ ถอนไว',
  '',
  '   ',
  'a',
];

describe('featurize and linearScore', () => {
  it('agree: linearScore(x) = w · featurize(x), for every feature setting', () => {
    for (const [name, c] of Object.entries(variants)) {
      for (const text of texts) {
        const input: FeatureInput = { text, lang: 'vi', extra: ['ind:light_work_high_pay', 'id:phone'] };
        expect(linearScore(input, c, weights), `${name}: ${text}`).toBeCloseTo(
          dot(featurize(input, c), weights),
          4,
        );
      }
    }
  });

  it('agree on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const input = { text };
        expect(linearScore(input, config, weights)).toBeCloseTo(dot(featurize(input, config), weights), 4);
      }),
      { numRuns: 200 },
    );
  });

  it('gives Vietnamese typed without diacritics the same character n-grams', () => {
    const text = 'Tài khoản của quý khách đã bị khóa, đăng nhập ngay';
    expect(stripDiacritics(text.toLowerCase())).toBe('tai khoan cua quy khach da bi khoa, dang nhap ngay');
    expect(featurize({ text }, charsOnly)).toEqual(featurize({ text: stripDiacritics(text) }, charsOnly));
    // the word block keeps the words with their diacritics and adds the bare ones
    const withMarks = asMap(featurize({ text }, wordsOnly));
    const bare = asMap(featurize({ text: stripDiacritics(text) }, wordsOnly));
    const shared = [...bare.keys()].filter((k) => withMarks.has(k));
    expect(shared.length).toBeGreaterThanOrEqual(10);
  });

  it('shapes numbers so that two phone numbers look alike', () => {
    const a = featurize({ text: 'hubungi 0812-3456-7890 sekarang' }, wordsOnly);
    const b = featurize({ text: 'hubungi 0899-1111-2222 sekarang' }, wordsOnly);
    expect(a).toEqual(b);
  });

  it('is lower-case and NFKC insensitive', () => {
    expect(featurize({ text: 'ＫＥＲＪＡ Ringan' }, config)).toEqual(
      featurize({ text: 'kerja ringan' }, config),
    );
  });

  it('reads text the caller prepared instead of preparing it again, with the same features', () => {
    for (const text of texts) {
      const prepared = text.normalize('NFKC').toLowerCase();
      const input: FeatureInput = { text, prepared, tokens: ['kerja', 'ringan'], tokensNormalised: true };
      expect(featurize(input, config)).toEqual(featurize({ text, tokens: ['kerja', 'ringan'] }, config));
      expect(linearScore(input, config, weights)).toBeCloseTo(dot(featurize(input, config), weights), 4);
    }
    // `prepared` is what is read: a different one gives different features
    expect(featurize({ text: 'kerja', prepared: 'gaji' }, config)).toEqual(
      featurize({ text: 'gaji' }, config),
    );
  });

  it('uses tokens from the pipeline when given, hashed as its own words would be', () => {
    expect(featurize({ text: 'ignored here', tokens: ['kerja', 'ringan'] }, wordsOnly)).toEqual(
      featurize({ text: 'kerja ringan' }, wordsOnly),
    );
  });

  it('adds extra features as one binary block of the configured weight', () => {
    const base = asMap(featurize({ text: 'kerja ringan' }, config));
    const more = asMap(featurize({ text: 'kerja ringan', extra: ['ind:light_work_high_pay'] }, config));
    const added = [...more].filter(([k, v]) => (base.get(k) ?? 0) !== v);
    expect(added).toHaveLength(1);
    expect(added[0]?.[1]).toBeCloseTo(config.extra.weight + (base.get(added[0]?.[0] ?? -1) ?? 0), 6);
  });

  it('counts raw occurrences and divides each block by √(occurrences)', () => {
    const v = featurize({ text: 'xyz' }, charsOnly);
    // " xyz " has 5 + 4 + 3 + 2 + 1 = 15 n-grams of 1..5 characters; " " occurs twice
    expect(v.indices.length).toBe(14);
    const values = Array.from(v.values).sort((a, b) => a - b);
    expect(values[13]).toBeCloseTo(2 / Math.sqrt(15), 6);
    expect(values[0]).toBeCloseTo(1 / Math.sqrt(15), 6);
  });

  it('copies features per language when langSpecific is on, and not for an unknown language', () => {
    const c = variants.langSpecific ?? config;
    const known = featurize({ text: 'kerja ringan', lang: 'id' }, c);
    const unknown = featurize({ text: 'kerja ringan' }, c);
    expect(known.indices.length).toBeGreaterThan(unknown.indices.length);
    expect(featurize({ text: 'kerja ringan', lang: 'und' }, c)).toEqual(unknown);
  });
});
