import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { K, protect, protectTable, suppressedKeys } from './suppress.ts';

const cells = (...ns: number[]) => ns.map((n, i) => ({ key: String(i), n }));

describe('suppression (k = 5)', () => {
  it('withholds a lone count of 1–4 only', () => {
    expect([0, 1, 4, 5, 12].map((n) => protect(n).suppressed)).toEqual([false, true, true, false, false]);
    expect(protect(3)).toEqual({ value: null, suppressed: true });
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
      total: { value: null, suppressed: true },
      cells: [
        { key: '0', count: { value: null, suppressed: true } },
        { key: '1', count: { value: 0, suppressed: false } },
      ],
    });
  });

  it('never leaves a withheld cell recoverable from the total (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 8 }), (ns) => {
        const total = ns.reduce((a, b) => a + b, 0);
        const table = protectTable(cells(...ns), total);
        const withheld = table.cells.filter((c) => c.count.suppressed);
        for (const c of table.cells) {
          if (c.count.value !== null) expect(c.count.value === 0 || c.count.value >= K).toBe(true);
        }
        if (withheld.length === 0 || table.total.suppressed) return;
        // The total minus the cells shown is what the withheld cells hold together: not one of them alone, not 1–4.
        expect(withheld.length).toBeGreaterThanOrEqual(2);
        const shownSum = table.cells.reduce((s, c) => s + (c.count.value ?? 0), 0);
        expect(total - shownSum).toBeGreaterThanOrEqual(K);
      }),
    );
  });
});
