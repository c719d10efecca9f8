import { describe, expect, it } from 'vitest';
import { monthEnd, monthStart, rangeOf, yearsOffered } from './months.ts';

describe('statistics months', () => {
  it('gives a month as its first and last day', () => {
    expect(monthStart({ year: 2025, month: 3 })).toBe('2025-03-01');
    expect(monthEnd({ year: 2025, month: 4 })).toBe('2025-04-30');
    expect(monthEnd({ year: 2025, month: 12 })).toBe('2025-12-31');
    expect(monthEnd({ year: 2024, month: 2 })).toBe('2024-02-29');
    expect(monthEnd({ year: 2100, month: 2 })).toBe('2100-02-28');
  });

  it('asks for whole months, either end open, and nothing for a reversed range', () => {
    expect(rangeOf({ year: 2025, month: 1 }, { year: 2025, month: 2 })).toEqual({
      from: '2025-01-01',
      to: '2025-02-28',
    });
    expect(rangeOf(null, { year: 2025, month: 6 })).toEqual({ to: '2025-06-30' });
    expect(rangeOf(null, null)).toEqual({});
    expect(rangeOf({ year: 2025, month: 3 }, { year: 2025, month: 3 })).toEqual({
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(rangeOf({ year: 2025, month: 3 }, { year: 2024, month: 12 })).toBeNull();
  });

  it('offers this year back to 1990', () => {
    const years = yearsOffered(new Date('2026-05-02T00:00:00Z'));
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(1990);
  });
});
