import { describe, expect, it } from 'vitest';
import { fold } from '../cases/filters.ts';
import { spacedOut } from '../labels.ts';
import type { PersonSummary } from '../schema.ts';
import { filtersFrom, matches, narrows, paramsFrom } from './filters.ts';

const person: PersonSummary = {
  id: 'p1',
  pseudonym: 'P-AAAAA-BBBBB',
  view: 'identity',
  name: 'Nguyễn Thị Đào',
  externalId: null,
  registeredOn: '2025-02-14',
  gender: 'Feminine',
  ageAtRegistration: 21,
  citizenship: ['VN'],
  traffickingStatus: 'PossibleVictimOfTrafficking',
  typeOfExploitation: ['ForcedCriminality'],
  isVictim: true,
  isPerpetrator: false,
  createdAt: '2025-02-14T00:00:00Z',
};

describe('person filters', () => {
  it('round-trips through the query string and ignores unknown roles', () => {
    const filters = { name: 'Dao', role: 'victim', exploitation: 'ForcedCriminality' } as const;
    expect(filtersFrom(paramsFrom(filters))).toEqual(filters);
    expect(filtersFrom(new URLSearchParams('role=admin&gender=%20'))).toEqual({});
  });

  it('narrows by role, gender, exploitation, status and citizenship', () => {
    expect(matches(person, {})).toBe(true);
    expect(matches(person, { role: 'victim', gender: 'Feminine', citizenship: 'VN' })).toBe(true);
    expect(matches(person, { role: 'perpetrator' })).toBe(false);
    expect(matches(person, { exploitation: 'ForcedLabour' })).toBe(false);
    expect(matches(person, { status: 'ActualVictimOfTrafficking' })).toBe(false);
    expect(matches(person, { citizenship: 'KH' })).toBe(false);
    expect(narrows({ name: 'x' })).toBe(false);
    expect(narrows({ gender: 'Masculine' })).toBe(true);
  });

  it('folds accents for the case search, and spaces out values the locales do not know', () => {
    expect(fold('  Nguyễn Thị ĐÀO ')).toBe('nguyen thi dao');
    expect(spacedOut('IrregularMigrant')).toBe('Irregular migrant');
    expect(spacedOut('legal_aid')).toBe('Legal aid');
    expect(spacedOut('A_AgricultureForestryAndFishing')).toBe('Agriculture forestry and fishing');
  });
});
