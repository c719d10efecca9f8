import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.ts';
import type { Identifier } from '../types.ts';
import { extractIdentifiers } from './index.ts';
import { plainText } from './test-helpers.ts';

// Pieces that drive the extractors deep: digits and separators, link and label fragments,
// currency words, bank and place names, non-Latin scripts and lone surrogates.
const PIECES = [
  ' ',
  '  ',
  '.',
  ',',
  '-',
  '+',
  '(',
  ')',
  '/',
  ':',
  '@',
  '#',
  '$',
  '0',
  '1',
  '9',
  '08',
  '+84',
  '0912',
  '345',
  '678',
  '1.500',
  '000',
  't.me/',
  'wa.me/',
  'https://',
  'www.',
  '.com',
  'line.me/ti/p/~',
  'zalo',
  'tele',
  'whatsapp',
  'lương',
  'triệu',
  'tháng',
  'juta',
  'bulan',
  'บาท',
  'เงินเดือน',
  '万',
  '月薪',
  'USD',
  'đô',
  'RM',
  'Rp',
  'k',
  'BCA',
  'Vietcombank',
  'กสิกร',
  'STK',
  'rekening',
  'Sihanoukville',
  '西港',
  'ปอยเปต',
  'Phnom',
  'Penh',
  'x',
  'ab_c',
  '0x',
  'bc1q',
  'T',
  '1A1zP1',
  'ก',
  'ຄ',
  'က',
  'ក',
  '\u200b',
  '\ud800',
  '\udc00',
  '😀',
  '💰',
  '✅',
  '☎️',
  'é',
  'ệ',
  'İ',
];

const post = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  post,
);
const LANGS = [undefined, 'en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'];

function checkSpans(original: string, ids: Identifier[]): void {
  for (const id of ids) {
    expect(id.spans.length).toBeGreaterThan(0);
    expect(id.normalized.length).toBeGreaterThan(0);
    for (const [start, end] of id.spans) {
      expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(original.length);
      expect(original.slice(start, end).length).toBeGreaterThan(0);
    }
    expect(id.value).toBe(original.slice(id.spans[0]?.[0], id.spans[0]?.[1]));
  }
}

describe('extractIdentifiers on arbitrary input', () => {
  it('never throws, and every span is a non-empty part of the original', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom(...LANGS),
        fc.constantFrom(undefined, 'VN', 'TH', 'XX', ''),
        (text, lang, country) => {
          const ids = extractIdentifiers(plainText(text), { lang, country });
          checkSpans(text, ids);
          const keys = ids.map((i) => `${i.kind}|${i.normalized}`);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('runs in linear time on long repetitive input (no catastrophic backtracking)', () => {
    const units = [
      'a',
      '1',
      ' ',
      '.',
      '@',
      '+',
      '-',
      '$',
      '0',
      'ก',
      '西',
      '\ud800',
      '_',
      '/',
      'x1',
      '1 ',
      '1.',
      '1,',
      'a.',
      'a@',
      '@a',
      'bc1q',
      '0x1',
      '1-',
      '(1',
      't.me/a',
      'tele: a',
      'BCA 1 ',
      '$1-',
      'lương 1 ',
      'Penh ',
      '1.500.',
      'wa ',
      '1 😀 ',
      '1💰',
      '😀 ',
      'zalo ☎️ ',
      '1 ✅ triệu ',
    ];
    for (const unit of units) {
      const short = unit.repeat(Math.ceil(10_000 / unit.length));
      const long = short + short;
      const shortText = normalize(short);
      const longText = normalize(long);
      const t0 = performance.now();
      const ids = extractIdentifiers(shortText, { lang: 'vi' });
      const t1 = performance.now();
      extractIdentifiers(longText, { lang: 'vi' });
      const t2 = performance.now();
      checkSpans(short, ids);
      // generous bounds: a quadratic or exponential path takes seconds here
      expect(t1 - t0, `${JSON.stringify(unit)} × 10,000`).toBeLessThan(1500);
      expect(t2 - t1, `${JSON.stringify(unit)} × 20,000`).toBeLessThan(Math.max(300, 6 * (t1 - t0)));
    }
  });
});
