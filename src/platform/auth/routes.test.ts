import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ JARING_LOGIN_MAX_FAILURES: '3' });
});
afterAll(async () => t?.close());

describe('login', () => {
  it('logs the administrator in with an httpOnly SameSite cookie and a CSRF token', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jaring_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = await res.json();
    expect(body.user.roles).toEqual(['administrator']);
    expect(typeof body.csrfToken).toBe('string');
  });

  it('refuses a wrong password with 401 and never says whether the user exists', async () => {
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'nope' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('invalid_credentials');
    expect((await unknown.json()).error.code).toBe('invalid_credentials');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const user = await t.loginAs(['analyst']);
    const { username } = await t.deps.db
      .selectFrom('users')
      .select('username')
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++) {
      await t.request('POST', '/api/auth/login', { body: { username, password: 'wrong password' } });
    }
    const res = await t.request('POST', '/api/auth/login', {
      body: { username, password: 'a long enough test password' },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('locked');
  });

  it('rejects unknown fields and wrong types with 400 naming the field', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: 1, role: 'x' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    const paths = body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toContain('password');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: '{"username": ' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('malformed_body');
  });

  it('answers malformed cookies and tokens with 401, never 500', async () => {
    const malformed: Record<string, string>[] = [
      { cookie: 'jaring_session=%%%;;==' },
      { cookie: `jaring_session=${'A'.repeat(43)}` },
      { authorization: 'Bearer jrt_garbage' },
      { authorization: 'Basic Zm9vOmJhcg==' },
      { authorization: `Bearer jrt_${'x'.repeat(43)}` },
    ];
    for (const headers of malformed) {
      const res = await t.request('GET', '/api/auth/me', { headers });
      expect(res.status).toBe(401);
    }
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const admin = await t.loginAdmin();
    const res = await admin.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'wrong' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf');
    const ok = await admin.request('POST', '/api/auth/logout');
    expect(ok.status).toBe(204);
    const after = await admin.request('GET', '/api/auth/me');
    expect(after.status).toBe(401);
  });
});
