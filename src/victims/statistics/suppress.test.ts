import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinsSmallDifference, readerCandidates } from '../../../test/helpers/disclosure.ts';
import { presentStatistics } from './presenters.ts';
import type { Range } from './repo.ts';
import { BASE, type Count, K, protect, protectTable, type RawCell, suppressedKeys } from './suppress.ts';

const cells = (...ns: number[]) => ns.map((n, i) => ({ key: String(i), n }));
const shown = (value: number): Count => ({ value, suppressed: false });
const withheld: Count = { value: null, suppressed: true };

describe('suppression (k = 5)', () => {
  it('withholds a lone count of 1–4 only', () => {
    expect([0, 1, 4, 5, 12].map((n) => protect(n).suppressed)).toEqual([false, true, true, false, false]);
    expect(protect(3)).toEqual(withheld);
  });

  it('withholds nothing when no cell is 1–4', () => {
    expect(suppressedKeys(cells(5, 0, 9))).toEqual(new Set());
  });

  it('adds the next-smallest non-zero cell to a single small one', () => {
    expect(suppressedKeys(cells(20, 3, 0, 6, 9))).toEqual(new Set([1, 3]));
  });

  it('adds a complement while the withheld cells hold fewer than k together', () => {
    expect(suppressedKeys(cells(1, 1, 30, 8))).toEqual(new Set([0, 1, 3]));
    expect(suppressedKeys(cells(2, 3, 30))).toEqual(new Set([0, 1]));
  });

  it('withholds the total of 1–4 and keeps zeros', () => {
    expect(protectTable(cells(3, 0), 3)).toEqual({
      total: withheld,
      cells: [
        { key: '0', count: withheld },
        { key: '1', count: shown(0) },
      ],
    });
  });

  it('never leaves a withheld cell recoverable from the total (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 8 }), (ns) => {
        const total = ns.reduce((a, b) => a + b, 0);
        const table = protectTable(cells(...ns), total);
        const hidden = [...suppressedKeys(cells(...ns))];
        if (hidden.length === 0 || table.total.suppressed) return;
        // The withheld cells are at least two and hold at least k together: not one of them alone, not 1–4.
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(hidden.reduce((s, i) => s + (ns[i] ?? 0), 0)).toBeGreaterThanOrEqual(K);
      }),
    );
  });
});

describe('rounding to base 5', () => {
  it('gives every count of 5 and more to the nearest multiple of 5, zeros as 0', () => {
    expect([0, 5, 6, 7, 8, 12, 13, 14, 102].map((n) => protect(n).value)).toEqual([
      0, 5, 5, 5, 10, 10, 15, 15, 100,
    ]);
    expect(protectTable(cells(9, 0, 23), 32).cells.map((c) => c.count)).toEqual([
      shown(10),
      shown(0),
      shown(25),
    ]);
  });

  it('gives a count the reader can place within the rule, and the true count among its candidates', () => {
    for (let n = 0; n <= 2000; n++) {
      const p = protect(n);
      expect(p.value === null || p.value === 0 || (p.value >= K && p.value % BASE === 0)).toBe(true);
      expect(readerCandidates(p)).toContain(n);
    }
  });

  // The guarantee, over counts: no two counts given (two ranges, one range at two times, or two
  // cells) pin the difference of their true counts closer than "somewhere in 1–4".
  it('no two published counts pin a difference of 1–4 (every pair up to 150)', () => {
    for (let x = 0; x <= 150; x++) {
      for (let y = 0; y <= x; y++) {
        if (pinsSmallDifference(protect(x), protect(y)))
          throw new Error(`${x} and ${y} pin their difference`);
      }
    }
  });

  it('two answers without rounding would have pinned one (the case the rule removes)', () => {
    // Seven registered in January, nine by the end of February: February's two stood out.
    expect(pinsSmallDifference(shown(9), shown(7))).toBe(true);
    expect(pinsSmallDifference(protect(9), protect(7))).toBe(false);
  });
});

// Persons as the repository would count them: a registration month (0 = January 2023), a gender,
// and one or more types of exploitation.
type Person = { month: number; gender: string; exploitation: string[] };
const MONTHS = 24;
const person = fc.record({
  month: fc.integer({ min: 0, max: MONTHS - 1 }),
  gender: fc.constantFrom('Feminine', 'Masculine', 'Other'),
  exploitation: fc.uniqueArray(fc.constantFrom('ForcedLabour', 'SexualExploitation', 'ForcedCriminality'), {
    minLength: 1,
    maxLength: 3,
  }),
});
/** An allowed range: whole months, either end open (null). */
const monthRange = fc
  .tuple(fc.option(fc.nat(MONTHS - 1)), fc.option(fc.nat(MONTHS - 1)))
  .map(([a, b]) => (a !== null && b !== null && b < a ? [b, a] : [a, b]));

const grouped = (keys: string[]): RawCell[] => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, n]) => ({ key, n }));
};

function answer(persons: readonly Person[], [from, to]: (number | null)[]) {
  const inRange = persons.filter((p) => (from == null || p.month >= from) && (to == null || p.month <= to));
  const range: Range = { agencyId: 'a', from: null, to: null };
  return presentStatistics(range, {
    persons: {
      total: inRange.length,
      gender: grouped(inRange.map((p) => p.gender)),
      ageGroup: [],
      citizenship: [],
      exploitation: grouped(inRange.flatMap((p) => p.exploitation)),
      forcedCriminality: [],
      traffickingStatus: [],
      registrationYear: grouped(inRange.map((p) => String(2023 + Math.floor(p.month / 12)))),
    },
    assessments: { decision: [], nonPunishment: 0 },
    cases: [],
  });
}

type Answer = ReturnType<typeof answer>;
type Published = { total: Count; cells: { key: string | null; count: Count }[] };

/** Each published count of an answer by a name; a cell a table lacks counts 0, as the API gives it. */
function countsOf(a: Answer, keys: Set<string>): Map<string, Count> {
  const out = new Map<string, Count>([['total', a.persons.total]]);
  const tables: [string, Published][] = [
    ['gender', a.persons.gender],
    ['exploitation', a.persons.exploitation],
    ['year', a.persons.registrationYear],
  ];
  for (const [name, table] of tables) {
    out.set(`${name}.total`, table.total);
    for (const cell of table.cells) out.set(`${name}.${cell.key}`, cell.count);
  }
  for (const key of keys) if (!out.has(key)) out.set(key, shown(0));
  return out;
}

describe('differencing two allowed requests (property)', () => {
  it('no cell of two answers over whole-month ranges, or over one range asked before and after new registrations, pins a difference of 1–4', () => {
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 80 }),
        fc.array(person, { maxLength: 6 }),
        monthRange,
        monthRange,
        (persons, later, first, second) => {
          const a = answer(persons, first);
          const b = answer([...persons, ...later], second);
          const keys = new Set([...countsOf(a, new Set()).keys(), ...countsOf(b, new Set()).keys()]);
          const ca = countsOf(a, keys);
          const cb = countsOf(b, keys);
          for (const key of keys) {
            const [x, y] = [ca.get(key), cb.get(key)];
            if (!x || !y) throw new Error(`${key} missing`);
            expect(pinsSmallDifference(x, y), `${key}: ${JSON.stringify([x, y])}`).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
