import { describe, expect, it } from 'vitest';
import { isoDate } from './person-schema.ts';

const messages = (value: string) => {
  const result = isoDate.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('isoDate', () => {
  it('accepts a real day from 1900 on', () => {
    expect(messages('1900-01-01')).toEqual([]);
    expect(messages('2024-02-29')).toEqual([]);
  });

  it('gives one problem a date, the one that applies', () => {
    expect(messages('14/03/1998')).toEqual(['must be a real date written YYYY-MM-DD']);
    expect(messages('2023-02-29')).toEqual(['must be a real date written YYYY-MM-DD']);
    expect(messages('')).toEqual(['must be a real date written YYYY-MM-DD']);
    expect(messages('1899-12-31')).toEqual(['must not be before 1900-01-01']);
  });
});
