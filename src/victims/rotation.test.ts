import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { fullPerson } from '../../test/helpers/victims.ts';
import { loadFieldCipher } from '../platform/crypto/fields.ts';
import { parseMasterKey } from '../platform/crypto/master-key.ts';
import { rotateDataKey } from '../platform/crypto/rotate.ts';
import { fieldContext } from './encrypted-columns.ts';
import { pseudonymOf, searchKeys } from './search-keys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('data key rotation', () => {
  it('re-encrypts persons, narratives and the search secret; pseudonyms and tokens stay the same', async () => {
    const caseworker = await t.loginAs(['caseworker']);
    const res = await caseworker.request('POST', '/api/victims/persons', fullPerson('rotation'));
    const { person } = await res.json();
    expect(res.status).toBe(201);
    const before = await t.deps.db
      .selectFrom('persons')
      .select(['first_name_enc', 'name_tokens'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();

    const master = parseMasterKey(t.config.masterKey ?? '');
    const result = await rotateDataKey(t.deps.db, master);
    expect(result.reEncrypted).toMatchObject({
      'victims_secrets.secret_enc': 1,
      'persons.first_name_enc': 1,
      'persons.birthdate_enc': 1,
      'victim_contexts.details_of_vulnerabilities_enc': 1,
    });

    // A restarted process (a fresh cipher) reads everything under the new key.
    const cipher = await loadFieldCipher(t.deps.db, master);
    const after = await t.deps.db
      .selectFrom('persons')
      .select(['first_name_enc', 'name_tokens'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(after.first_name_enc).not.toBe(before.first_name_enc);
    expect(cipher.keyIdOf(after.first_name_enc ?? '')).toBe(result.newKeyId);
    expect(
      cipher.decrypt(after.first_name_enc ?? '', fieldContext('persons', 'first_name_enc', person.id)),
    ).toBe('Nguyễn');
    expect(after.name_tokens).toBe(before.name_tokens);
    expect(pseudonymOf(await searchKeys(t.deps.db, cipher), person.id)).toBe(person.pseudonym);
  });
});
