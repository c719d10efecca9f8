import { describe, expect, it } from 'vitest';
import { caseMatches, fold } from './filters.ts';

const listed = { id: '7951c0de-0000-4000-8000-000000000001', externalId: 'KH-2025-ĐÀO-17' };

describe('caseMatches', () => {
  it('finds a case by its reference (any case, any accent) or its id', () => {
    expect(caseMatches(listed, 'kh-2025-dao')).toBe(true);
    expect(caseMatches(listed, '7951c0de')).toBe(true);
    expect(caseMatches({ ...listed, externalId: null }, '7951')).toBe(true);
    expect(caseMatches(listed, '')).toBe(true);
    expect(caseMatches(listed, 'TH-')).toBe(false);
  });

  it('does not claim to search persons: the case list carries none', () => {
    // Were a person ever present, matching on it would filter by what the list does not show.
    const withPerson = {
      ...listed,
      persons: [{ role: 'victim', person: { pseudonym: 'P-CIM4W-6YKJV', name: 'Dara Sok' } }],
    };
    expect(caseMatches(withPerson, 'Dara')).toBe(false);
    expect(caseMatches(withPerson, 'P-CIM4W')).toBe(false);
  });
});

describe('fold', () => {
  it('drops case and accents', () => {
    expect(fold(' Nguyễn Thị Đào ')).toBe('nguyen thi dao');
  });
});
