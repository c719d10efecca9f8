import { describe, expect, it } from 'vitest';
import type { Person } from '../schema.ts';
import { changesOf, draftOf, hasChanges, survivorOf } from './edit.ts';

const person: Person = {
  id: 'fcd6a1f0-0000-4000-8000-000000000001',
  pseudonym: 'P-AAAAA-BBBBB',
  view: 'identity',
  externalId: 'KH-2025-0001',
  registeredOn: '2025-02-14',
  identity: {
    firstName: 'Dara',
    middleName: null,
    secondName: 'Sok',
    birthdate: '2001-04-12',
    identityNumber: null,
    mobilePhone: '+85512345678',
  },
  integrity: { status: 'ok', tamperedFields: [] },
  profile: {
    gender: 'Masculine',
    citizenship: ['KH'],
    ageAtRegistration: 23,
    ageIsEstimate: false,
    ethnicity: 'Khmer',
    disabilities: [],
    migrationStatus: 'IrregularMigrant',
    primaryLanguage: null,
  },
  victim: {
    traffickingStatus: null,
    typeOfExploitation: ['ForcedCriminality'],
    forcedCriminalityTypes: ['RomanceInvestmentScam'],
    recruitmentPlatform: 'Telegram',
    recruitmentHandle: '@bestjobs_kh',
    recruitmentAdUrl: null,
    locationOfRecruitmentId: '0b6f3c9e-1111-4000-8000-000000000001',
    locationOfExploitationId: null,
    scamCompoundName: 'Golden Fortune',
    scamCompoundCity: null,
    scamCompoundCountry: 'KH',
    detailsOfVulnerabilities: null,
  },
  perpetrator: null,
  createdAt: '2025-02-14T09:00:00.000Z',
};

describe('editing a person', () => {
  it('starts from the person as stored, asking an age only without a birth date', () => {
    const draft = draftOf(person);
    expect(draft).toMatchObject({
      firstName: 'Dara',
      middleName: '',
      birthdate: '2001-04-12',
      age: '',
      citizenship: ['KH'],
      scamCompoundCountry: 'KH',
      externalId: 'KH-2025-0001',
    });
    const noBirthdate = draftOf({ ...person, identity: { ...person.identity, birthdate: null } });
    expect(noBirthdate.age).toBe('23');
  });

  it('sends nothing when nothing changed', () => {
    const draft = draftOf(person);
    expect(changesOf(draft, { ...draft }, true)).toEqual({});
    expect(hasChanges(changesOf(draft, { ...draft, firstName: ' Dara ' }, true))).toBe(false);
  });

  it('sends only what changed, trimmed, and null for what was emptied', () => {
    const before = draftOf(person);
    const after = {
      ...before,
      middleName: 'Vann ',
      mobilePhone: '',
      ethnicity: 'Khmer Krom',
      citizenship: ['KH', 'VN'],
      forcedCriminalityTypes: [],
      scamCompoundCity: 'Sihanoukville',
    };
    expect(changesOf(before, after, true)).toEqual({
      identity: { middleName: 'Vann', mobilePhone: null },
      profile: { ethnicity: 'Khmer Krom', citizenship: ['KH', 'VN'] },
      victim: { forcedCriminalityTypes: null, scamCompoundCity: 'Sihanoukville' },
    });
  });

  it('records an age only without a birth date, and never victim fields for a person without a victim context', () => {
    const before = draftOf(person);
    const withoutBirthdate = { ...before, birthdate: '', age: '24', ageIsEstimate: true };
    expect(changesOf(before, withoutBirthdate, true)).toEqual({
      identity: { birthdate: null },
      profile: { ageAtRegistration: 24, ageIsEstimate: true },
    });
    expect(changesOf(before, { ...before, age: '30' }, true)).toEqual({});
    expect(changesOf(before, { ...before, scamCompoundName: 'Other' }, false)).toEqual({});
    expect(changesOf(before, { ...before, registeredOn: '2025-02-15' }, true)).toEqual({
      registeredOn: '2025-02-15',
    });
  });

  it('sends the organisation lookups as ids, and null for one cleared', () => {
    const before = draftOf(person);
    expect(before).toMatchObject({
      locationOfRecruitmentId: '0b6f3c9e-1111-4000-8000-000000000001',
      locationOfExploitationId: '',
    });
    const after = {
      ...before,
      locationOfRecruitmentId: '',
      locationOfExploitationId: '0b6f3c9e-2222-4000-8000-000000000002',
    };
    expect(changesOf(before, after, true)).toEqual({
      victim: {
        locationOfRecruitmentId: null,
        locationOfExploitationId: '0b6f3c9e-2222-4000-8000-000000000002',
      },
    });
  });

  it('finds the surviving person a 409 merged names', () => {
    const survivor = '7951c0de-0000-4000-8000-00000000abcd';
    expect(survivorOf([{ message: `merged into ${survivor}` }], '')).toBe(survivor);
    expect(survivorOf([], `This person was merged into person ${survivor}; record it there.`)).toBe(survivor);
    expect(survivorOf([{ message: 'is tampered' }], 'no id')).toBeNull();
  });
});
