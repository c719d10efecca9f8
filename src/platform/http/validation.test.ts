import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { errorSchema } from './fields.ts';

// A refused request names each field with a code and parameters a client can translate, and keeps
// the English message (API clients and logs read it).

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAdmin();
});
afterAll(async () => t?.close());

async function problems(res: Response) {
  expect(res.status).toBe(400);
  const { error } = errorSchema.parse(await res.json());
  expect(error.code).toBe('validation_failed');
  return { message: error.message, fields: error.fields ?? [] };
}

describe('field problems', () => {
  it('gives too_big with its maximum, invalid_value with the allowed values, required and unknown_field', async () => {
    const res = await admin.request('POST', '/api/agencies', {
      name: 'x'.repeat(201),
      orgType: 'Pirates',
      extra: 1,
    });
    const { message, fields } = await problems(res);
    expect(message).toMatch(/^Invalid request: name: Too big/);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('name')).toEqual({
      path: 'name',
      message: 'Too big: expected string to have <=200 characters',
      code: 'too_big',
      params: { origin: 'string', maximum: 200, inclusive: true },
    });
    const orgType = byPath.get('orgType');
    expect(orgType?.code).toBe('invalid_value');
    expect(orgType?.params?.values).toContain('NGO');
    expect(byPath.get('country')).toMatchObject({ code: 'required' });
    expect(byPath.get('extra')).toMatchObject({ code: 'unknown_field', message: 'is not a known field' });
  });

  it('gives our text rules their own codes', async () => {
    const res = await admin.request('POST', '/api/agencies', {
      name: 'Mya\u202Eevil',
      orgType: 'NGO',
      country: 'TH',
    });
    const { fields } = await problems(res);
    expect(fields).toEqual([
      expect.objectContaining({ path: 'name', code: 'direction_control', message: expect.any(String) }),
    ]);
  });

  it('gives too_small with the password minimum, once', async () => {
    const res = await admin.request('POST', '/api/auth/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'short',
    });
    const { fields } = await problems(res);
    expect(fields).toEqual([
      expect.objectContaining({
        path: 'newPassword',
        code: 'too_small',
        params: { origin: 'string', minimum: 12, inclusive: true },
      }),
    ]);
  });
});
