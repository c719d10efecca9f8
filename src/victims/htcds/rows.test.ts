import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../platform/crypto/fields.ts';
import { NUMBER_IDENTITY, type SearchColumns, TEXT_IDENTITY } from '../identity.ts';
import { blank } from './plain.ts';
import {
  caseColumns,
  eventColumns,
  itemColumns,
  organisationColumns,
  perpetratorColumns,
  personColumns,
  planColumns,
  referralColumns,
  sealer,
  victimColumns,
} from './rows.ts';

// The import's audit entries hold these objects; canonical JSON writes an object whose keys are in
// sorted order as it is, and copies any other (platform/util/canonical-json.ts).
const sortedKeys = (o: object) => {
  const keys = Object.keys(o);
  return keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k);
};

describe('HTCDS column builders', () => {
  it('list their columns in sorted order, every column present', () => {
    const cipher = new FieldCipher(new Map([['k', randomBytes(32)]]), 'k');
    const seal = sealer(cipher);
    const search = (): SearchColumns => ({
      name_tokens: 'a',
      birthdate_key: null,
      identity_number_key: null,
      phone_keys: [],
    });
    const org = () => null;
    const id = '00000000-0000-4000-8000-000000000001';
    const built = {
      person: personColumns(cipher, search, id, {
        identity: blank('identity'),
        profile: blank('profile'),
        person: { ...blank('person'), registeredOn: '2026-01-01' },
      }),
      victim: victimColumns(seal, id, blank('victim'), org),
      perpetrator: perpetratorColumns(seal, id, blank('perpetrator'), org),
      organisation: organisationColumns(blank('organisation')),
      case: caseColumns(seal, id, { ...blank('case'), status: 'open', openedOn: '2026-01-01' }, null),
      referral: referralColumns(seal, id, blank('referral'), org),
      event: eventColumns(seal, id, blank('event')),
      plan: planColumns(seal, id, blank('plan')),
      item: itemColumns({ ...blank('item'), kind: 'shelter' }),
    };
    for (const [name, columns] of Object.entries(built)) {
      expect(sortedKeys(columns), name).toBe(true);
      expect(Object.values(columns), name).not.toContain(undefined);
    }
    // The person's columns are listed one by one: none of identity.ts's sealed or search columns
    // may be left out.
    const identityColumns = [...TEXT_IDENTITY, ...NUMBER_IDENTITY].map(([, column]) => column);
    expect(Object.keys(built.person)).toEqual(
      expect.arrayContaining([...identityColumns, ...Object.keys(search())]),
    );
  });
});
