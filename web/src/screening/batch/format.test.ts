import { describe, expect, it } from 'vitest';
import { byteFormatter, percentFormatter } from './format.ts';

// Found by a QA pass: the batch progress read "0 byte of 48.3 kB" (Intl's short unit name of a byte
// is the singular "byte" in English, whatever the count).

// Intl's own spaces (U+00A0, U+202F) read as ordinary ones here.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const inLocale = (locale: string) => {
  const format = byteFormatter(locale);
  return (bytes: number) => plain(format(bytes));
};

describe('byteFormatter', () => {
  it('counts whole bytes in words, with the plural English needs', () => {
    const en = inLocale('en');
    expect([0, 1, 2, 999].map(en)).toEqual(['0 bytes', '1 byte', '2 bytes', '999 bytes']);
  });

  it('steps up by thousands, to one decimal, as the unit symbols say', () => {
    const en = inLocale('en');
    expect([1000, 48_300, 49_466, 1_500_000, 1_073_741_824].map(en)).toEqual([
      '1 kB',
      '48.3 kB',
      '49.5 kB',
      '1.5 MB',
      '1.1 GB',
    ]);
    // Rounded as shown: never "1,000 kB".
    expect([999_960, 999_949].map(en)).toEqual(['1 MB', '999.9 kB']);
    expect(en(2_500_000_000_000)).toBe('2,500 GB');
  });

  it('writes the symbol B where the browser has no data for the language', () => {
    // Klingon stands for Burmese, Khmer and Lao in Debian's chromium: Intl knows none of them.
    expect(Intl.NumberFormat.supportedLocalesOf(['tlh'])).toEqual([]);
    const tlh = inLocale('tlh');
    expect([0, 1, 48_300].map(tlh)).toEqual(['0 B', '1 B', '48.3 kB']);
  });

  it.each([
    ['en', '0 bytes', '48.3 kB'],
    ['th', '0 ไบต์', '48.3 kB'],
    ['vi', '0 byte', '48,3 kB'],
    ['id', '0 byte', '48,3 kB'],
    ['ms', '0 bait', '48.3 kB'],
    ['fil', '0 byte', '48.3 kB'],
    ['km', '0 បៃ', '48.3 kB'],
    ['lo', '0 byte', '48,3 kB'],
    ['my', '၀ ဘိုက်', '၄၈.၃ kB'],
    ['zh-Hans', '0字节', '48.3 kB'],
  ])('writes bytes in %s', (locale, none, some) => {
    const format = inLocale(locale);
    expect([format(0), format(48_300)]).toEqual([none, some]);
  });
});

// Found by a QA pass: "Uploading: 42%" printed the percent as raw digits in every language.
describe('percentFormatter', () => {
  it('writes a whole percent in the language, rounded down so 100% means done', () => {
    const en = percentFormatter('en');
    expect([0, 0.29, 0.425, 0.999, 1].map(en)).toEqual(['0%', '29%', '42%', '99%', '100%']);
    expect(percentFormatter('my')(0.42)).toBe('၄၂%');
    expect(plain(percentFormatter('fr')(0.42))).toBe('42 %');
  });

  it('writes digits and a plain % where the browser has no data for the language', () => {
    expect(Intl.NumberFormat.supportedLocalesOf(['tlh'])).toEqual([]);
    expect(percentFormatter('tlh')(0.425)).toBe('42%');
  });
});
