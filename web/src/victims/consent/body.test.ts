import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ConsentForm, emptyConsentForm, missing, sha256Hex, toConsentBody } from './body.ts';

const complete: ConsentForm = {
  ...emptyConsentForm(new Date(2025, 2, 1, 9, 30)),
  purpose: 'referral',
  categories: ['identity', 'assessment'],
  country: 'KH',
  subjectAge: 'adult',
  witnessName: ' Sok Chea ',
  expiresOn: '2026-03-01',
};

describe('the consent form', () => {
  it('says what is missing', () => {
    expect(missing(emptyConsentForm())).toEqual([
      'purpose',
      'categories',
      'country',
      'subjectAge',
      'witnessName',
      'expiresOn',
    ]);
    expect(missing(complete)).toEqual([]);
    expect(missing({ ...complete, method: 'signed_form', formSha256: 'abc' })).toEqual(['formSha256']);
    expect(missing({ ...complete, giver: 'guardian' })).toEqual(['giverName', 'giverRelationship']);
    expect(missing({ ...complete, interpreterLanguage: 'km' })).toEqual(['interpreterName']);
    expect(missing({ ...complete, interpreterName: 'Vann' })).toEqual(['interpreterLanguage']);
  });

  it('builds the body the server expects, with instants carrying their zone', () => {
    const body = toConsentBody({
      ...complete,
      agency: ' NCMEC ',
      interpreterLanguage: 'km',
      interpreterName: 'Vann',
    });
    expect(body).toEqual({
      purpose: 'referral',
      categories: ['identity', 'assessment'],
      recipient: { country: 'KH', agency: 'NCMEC' },
      subjectAge: 'adult',
      givenBy: { kind: 'subject' },
      method: { kind: 'verbal', witness: { name: 'Sok Chea' } },
      interpreter: { language: 'km', name: 'Vann' },
      htcds: { con_Consent: true },
      givenAt: new Date(2025, 2, 1, 9, 30).toISOString(),
      expiresAt: new Date(2026, 2, 1, 23, 59, 59).toISOString(),
    });
    expect(toConsentBody({ ...complete, country: '' })).toBeNull();
  });

  it('records a refusal as con_Consent false, and a signed form by its hash', () => {
    const hash = 'A'.repeat(64);
    const body = toConsentBody({
      ...complete,
      consented: false,
      method: 'signed_form',
      formSha256: hash,
      witnessName: '',
    });
    expect(body?.htcds).toEqual({ con_Consent: false });
    expect(body?.method).toEqual({ kind: 'signed_form', formSha256: 'a'.repeat(64) });
  });

  it('hashes a file on the device as sha256sum would', async () => {
    const bytes = new TextEncoder().encode('signed consent form, page 1');
    expect(await sha256Hex(new Blob([bytes]))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
