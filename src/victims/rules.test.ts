import { describe, expect, it } from 'vitest';
import { ageOn, effectiveAge, latestToday, type PersonFacts, personProblems } from './rules.ts';

const NOW = new Date('2026-03-10T20:00:00Z');
const facts = (over: Partial<PersonFacts>): PersonFacts => ({
  registeredOn: '2026-03-10',
  birthdate: null,
  ageAtRegistration: undefined,
  storedAgeAtRegistration: null,
  ageWhenTrafficked: null,
  typeOfExploitation: [],
  forcedCriminalityTypes: [],
  ...over,
});
const paths = (f: PersonFacts) => personProblems(f, NOW).map((i) => i.path);

describe('ageOn', () => {
  it('counts whole years, birthdays included, 29 February too', () => {
    expect(ageOn('2000-03-10', '2026-03-10')).toBe(26);
    expect(ageOn('2000-03-11', '2026-03-10')).toBe(25);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('personProblems', () => {
  it('accepts a consistent person', () => {
    expect(paths(facts({ birthdate: '2001-05-01', ageWhenTrafficked: 22 }))).toEqual([]);
  });

  it('refuses a birth date after the registration date, or in the future', () => {
    expect(paths(facts({ birthdate: '2026-03-11', registeredOn: '2026-03-10' }))).toEqual([
      'identity.birthdate',
    ]);
    expect(paths(facts({ birthdate: '2026-06-01', registeredOn: '2026-03-10' }))).toEqual([
      'identity.birthdate',
    ]);
    expect(paths(facts({ birthdate: '2026-03-10' }))).toEqual([]);
  });

  it('takes tomorrow (UTC) as the last possible today, for time zones east of Greenwich', () => {
    expect(latestToday(NOW)).toBe('2026-03-11');
    expect(paths(facts({ registeredOn: '2026-03-11' }))).toEqual([]);
    expect(paths(facts({ registeredOn: '2026-03-12' }))).toEqual(['registeredOn']);
  });

  it('refuses an age that contradicts the birth date, and an age when trafficked above the age', () => {
    expect(paths(facts({ birthdate: '2000-01-01', ageAtRegistration: 30 }))).toEqual([
      'profile.ageAtRegistration',
    ]);
    expect(paths(facts({ birthdate: '2000-01-01', ageAtRegistration: 26 }))).toEqual([]);
    expect(paths(facts({ ageAtRegistration: 15, ageWhenTrafficked: 16 }))).toEqual([
      'victim.ageWhenTrafficked',
    ]);
    expect(paths(facts({ storedAgeAtRegistration: 15, ageWhenTrafficked: 16 }))).toEqual([
      'victim.ageWhenTrafficked',
    ]);
  });

  it('refuses forced-criminality sub-types without the ForcedCriminality exploitation type', () => {
    expect(paths(facts({ forcedCriminalityTypes: ['RomanceInvestmentScam'] }))).toEqual([
      'victim.forcedCriminalityTypes',
    ]);
    expect(
      paths(
        facts({
          forcedCriminalityTypes: ['RomanceInvestmentScam'],
          typeOfExploitation: ['ForcedCriminality'],
        }),
      ),
    ).toEqual([]);
  });
});

describe('effectiveAge', () => {
  it('derives from the birth date, else keeps what is given, else what is stored', () => {
    expect(effectiveAge(facts({ birthdate: '2010-03-11', ageAtRegistration: 40 }))).toBe(15);
    expect(effectiveAge(facts({ ageAtRegistration: 40, storedAgeAtRegistration: 12 }))).toBe(40);
    expect(effectiveAge(facts({ ageAtRegistration: null, storedAgeAtRegistration: 12 }))).toBeNull();
    expect(effectiveAge(facts({ storedAgeAtRegistration: 12 }))).toBe(12);
  });
});
