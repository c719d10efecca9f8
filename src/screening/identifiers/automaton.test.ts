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
