import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from './automaton.ts';

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher([
    { phrase: 'Phnom Penh', value: 'pp' },
    { phrase: 'Penh', value: 'penh' },
    { phrase: 'ปอยเปต', value: 'poipet' },
    { phrase: '西港', value: 'sihanoukville' },
  ]);

  it('finds overlapping phrases in one pass, in end order', () => {
    expect(m.scan('to phnom penh.')).toEqual([
      { start: 3, end: 13, value: 'pp' },
      { start: 9, end: 13, value: 'penh' },
    ]);
  });

  it('matches folded keys (diacritics removed), repeated separators, and scripts without spaces', () => {
    expect(m.scan('phnom  -  penh').map((h) => h.value)).toContain('pp');
    expect(m.scan('ไปปอยเปตและ西港的').map((h) => h.value)).toEqual(['poipet', 'sihanoukville']);
    // keys are folded like NormalizedText.bare: "Phnôm Pênh" matches bare "phnom penh"
    const vi = new PhraseMatcher([{ phrase: 'Phnôm Pênh', value: 'pp-vi' }]);
    expect(vi.scan('phnom penh').map((h) => h.value)).toEqual(['pp-vi']);
  });

  it('needs Latin word boundaries', () => {
    expect(m.scan('penhx xpenh penh_1')).toEqual([]);
  });
});

// Every hit the automaton reports, and only those: compared with a direct search over random
// phrases and texts mixing Latin (dense table) and Thai/CJK (child lists and failure links).
describe('PhraseMatcher against a direct search', () => {
  const ALPHABET = ['a', 'b', 'c', ' ', '-', 'ก', 'ข', 'ค', '西', '港'];
  const isSep = (ch: string) => ch === ' ' || ch === '-';
  const isWord = (ch: string | undefined) => ch !== undefined && /[a-z0-9_]/.test(ch);

  function directHits(phrases: string[], s: string): string[] {
    const hits: string[] = [];
    for (let end = 1; end <= s.length; end++) {
      phrases.forEach((key, index) => {
        let i = end - 1;
        for (let j = key.length - 1; j >= 0; j--) {
          if (i < 0) return;
          if (key[j] === ' ') {
            if (!isSep(s[i] ?? '')) return;
            while (i > 0 && isSep(s[i - 1] ?? '')) i--;
            i--;
          } else {
            if (s[i] !== key[j]) return;
            i--;
          }
        }
        const start = i + 1;
        if (isWord(s[start]) && isWord(s[start - 1])) return;
        if (isWord(s[end - 1]) && isWord(s[end])) return;
        hits.push(`${start}-${end}:${index}`);
      });
    }
    return hits.sort();
  }

  it('agrees on random phrases and texts', () => {
    const text = (max: number) =>
      fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: max }).map((a) => a.join(''));
    // keys as foldKey leaves them: trimmed, separators collapsed to one space
    const key = text(5)
      .map((k) => k.replace(/[ -]+/g, ' ').trim())
      .filter((k) => k.length > 0);
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 8 }), text(40), (keys, s) => {
        const m = new PhraseMatcher(keys.map((phrase, index) => ({ phrase, value: index })));
        const got = m
          .scan(s)
          .map((h) => `${h.start}-${h.end}:${h.value}`)
          .sort();
        expect(got).toEqual(directHits(keys, s));
      }),
      { numRuns: 500 },
    );
  });
});
