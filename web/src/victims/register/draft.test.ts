import { describe, expect, it } from 'vitest';
import { draftIssues, emptyDraft, stepOfPath, toBody, withExploitation } from './draft.ts';

describe('the registration draft', () => {
  it('sends only what was entered, trimmed, and always a victim context', () => {
    const draft = {
      ...emptyDraft('2025-03-01'),
      firstName: '  Dara ',
      citizenship: ['KH'],
      gender: 'Masculine',
    };
    expect(toBody(draft)).toEqual({
      registeredOn: '2025-03-01',
      identity: { firstName: 'Dara' },
      profile: { gender: 'Masculine', citizenship: ['KH'] },
      victim: {},
    });
  });

  it('sends the places of recruitment and exploitation as organisation ids', () => {
    const draft = {
      ...emptyDraft('2025-03-01'),
      locationOfExploitationId: '0b6f3c9e-2222-4000-8000-000000000002',
    };
    expect(toBody(draft).victim).toEqual({
      locationOfExploitationId: '0b6f3c9e-2222-4000-8000-000000000002',
    });
  });

  it('sends an age only without a birth date, with whether it is an estimate', () => {
    const aged = { ...emptyDraft('2025-03-01'), age: '17', ageIsEstimate: true };
    expect(toBody(aged).profile).toEqual({ ageAtRegistration: 17, ageIsEstimate: true });
    const born = { ...aged, birthdate: '2008-01-02' };
    expect(toBody(born).profile).toBeUndefined();
    expect(toBody(born).identity).toEqual({ birthdate: '2008-01-02' });
  });

  it('drops the forced-criminality sub-types when forced criminality is unselected', () => {
    const forced = withExploitation(emptyDraft(), ['ForcedCriminality', 'ForcedLabour']);
    const typed = { ...forced, forcedCriminalityTypes: ['RomanceInvestmentScam'] };
    expect(withExploitation(typed, ['ForcedCriminality']).forcedCriminalityTypes).toEqual([
      'RomanceInvestmentScam',
    ]);
    expect(withExploitation(typed, ['ForcedLabour']).forcedCriminalityTypes).toEqual([]);
    expect(toBody(withExploitation(typed, ['ForcedLabour'])).victim).toEqual({
      typeOfExploitation: ['ForcedLabour'],
    });
  });

  it('finds what it can before sending: birth after registration, a bad age, a non-web link', () => {
    const draft = {
      ...emptyDraft('2025-03-01'),
      birthdate: '2025-03-02',
      recruitmentAdUrl: 'javascript:alert(1)',
    };
    expect(draftIssues(draft).map((i) => [i.step, i.field, i.problem])).toEqual([
      ['identity', 'birthdate', 'afterRegistration'],
      ['exploitation', 'recruitmentAdUrl', 'notUrl'],
    ]);
    expect(draftIssues({ ...emptyDraft(), age: '131' }).map((i) => i.field)).toEqual(['age']);
    expect(draftIssues({ ...emptyDraft(), age: 'twenty' }).map((i) => i.field)).toEqual(['age']);
    expect(draftIssues({ ...emptyDraft(), age: '20', recruitmentAdUrl: 'https://t.me/x/1' })).toEqual([]);
  });

  it('sends the server back to the step holding the field it names', () => {
    expect(stepOfPath('identity.birthdate')).toBe('identity');
    expect(stepOfPath('profile.ageAtRegistration')).toBe('identity');
    expect(stepOfPath('profile.migrationStatus')).toBe('vulnerability');
    expect(stepOfPath('victim.detailsOfVulnerabilities')).toBe('vulnerability');
    expect(stepOfPath('victim.forcedCriminalityTypes')).toBe('exploitation');
    expect(stepOfPath('')).toBe('review');
  });
});
