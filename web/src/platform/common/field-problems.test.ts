import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import en from '../../i18n/locales/en.json';
import th from '../../i18n/locales/th.json';
import { errorText } from './errors.ts';
import { describeField, fieldLabel } from './field-problems.ts';

// The refusals QA saw in English with API paths in every language, as the server now sends them.
const tooLong = {
  path: 'identity.middleName',
  message: 'Too big: expected string to have <=200 characters',
  code: 'too_big',
  params: { origin: 'string', maximum: 200, inclusive: true },
};
const passwordTooShort = {
  path: 'newPassword',
  message: 'Too small: expected string to have >=12 characters',
  code: 'too_small',
  params: { origin: 'string', minimum: 12, inclusive: true },
};
const expiresFirst = {
  path: 'expiresAt',
  message: 'must be after givenAt',
  code: 'must_be_after',
  params: { field: 'givenAt' },
};

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'th',
    fallbackLng: 'en',
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

describe('field problems in the reader language', () => {
  it('says a code and its parameters in Thai, naming the field by the form label', () => {
    const labels = { 'identity.middleName': 'ชื่อกลาง' };
    expect(describeField(i18n.t, tooLong, labels)).toBe('ชื่อกลาง: ต้องมีไม่เกิน 200 ตัวอักษร');
    expect(describeField(i18n.t, passwordTooShort, { newPassword: 'รหัสผ่านใหม่' })).toBe(
      'รหัสผ่านใหม่: ต้องมีอย่างน้อย 12 ตัวอักษร',
    );
    const consent = { givenAt: 'ให้ความยินยอมเมื่อ', expiresAt: 'หมดอายุวันที่' };
    expect(describeField(i18n.t, expiresFirst, consent)).toBe('หมดอายุวันที่: ต้องอยู่หลัง ให้ความยินยอมเมื่อ');
  });

  it('falls back to a readable name, and to the server text for a code it does not know', () => {
    expect(describeField(i18n.t, tooLong)).toBe('Middle name: ต้องมีไม่เกิน 200 ตัวอักษร');
    const unknown = { path: 'assigneeId', message: 'is not a user of your agency', code: 'not_in_agency' };
    expect(describeField(i18n.t, unknown, { assigneeId: 'ผู้รับผิดชอบ' })).toBe(
      'ผู้รับผิดชอบ: is not a user of your agency',
    );
    expect(describeField(i18n.t, { path: 'title', message: 'is required' })).toBe('Title: is required');
  });

  it('says the problems services find themselves, naming the other field by its label', () => {
    const assignee = { path: 'assigneeId', message: 'is not a user of your agency', code: 'not_agency_user' };
    expect(describeField(i18n.t, assignee, { assigneeId: 'ผู้รับผิดชอบ' })).toBe(
      'ผู้รับผิดชอบ: ไม่ใช่ผู้ใช้ของหน่วยงานของคุณ',
    );
    const birthdate = {
      path: 'identity.birthdate',
      message: 'is after the registration date 2024-01-01',
      code: 'not_after',
      params: { field: 'registeredOn' },
    };
    const person = { 'identity.birthdate': 'วันเกิด', registeredOn: 'วันที่ลงทะเบียน' };
    expect(describeField(i18n.t, birthdate, person)).toBe('วันเกิด: ต้องไม่หลัง วันที่ลงทะเบียน');
    const peer = { path: 'peerId', message: 'no active peer node has this id', code: 'unknown_peer' };
    expect(describeField(i18n.t, peer, { peerId: 'ประเทศ (โหนดพันธมิตร)' })).toBe(
      'ประเทศ (โหนดพันธมิตร): ไม่ใช่โหนดพันธมิตรที่ใช้งานอยู่',
    );
  });

  it('finds a label for a list item or a nested field through its parent', () => {
    const labels = { categories: 'หมวดข้อมูล', 'contacts.*.value': 'เบอร์' };
    expect(fieldLabel('categories.1', labels)).toBe('หมวดข้อมูล');
    expect(fieldLabel('contacts.0.value', labels)).toBe('เบอร์');
  });

  it('heads a refused form once, without the English summary that repeats the fields', () => {
    const error = new ApiError(
      400,
      'validation_failed',
      'Invalid request: newPassword: Too small: expected string to have >=12 characters',
      [passwordTooShort],
    );
    expect(errorText(i18n.t, error, { newPassword: 'รหัสผ่านใหม่' })).toEqual({
      summary: 'โปรดแก้ไขช่องต่อไปนี้',
      fields: ['รหัสผ่านใหม่: ต้องมีอย่างน้อย 12 ตัวอักษร'],
    });
    // A conflict a service found, such as a username already taken, is said the same way.
    const taken = new ApiError(409, 'conflict', 'A user with this username already exists.', [
      { path: 'username', message: 'is already taken', code: 'taken' },
    ]);
    expect(errorText(i18n.t, taken, { username: 'ชื่อผู้ใช้' })).toEqual({
      summary: 'โปรดแก้ไขช่องต่อไปนี้',
      fields: ['ชื่อผู้ใช้: มีการใช้แล้ว'],
    });
  });

  it("says a referral that no consent lets go in the reader's language, not the server's English", () => {
    const refused = new ApiError(
      409,
      'no_consent',
      'Consent allows no data to go to X (KH) for a referral: identity: No consent is recorded for this person.',
    );
    const { summary } = errorText(i18n.t, refused);
    expect(summary).toContain('ความยินยอม');
    expect(summary).not.toContain('identity');
  });
});
