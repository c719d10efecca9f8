import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { checkTotp, currentTotp } from './totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('TOTP second factor', () => {
  it('accepts a code once within its step and refuses a replay', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const at = 1_700_000_000_000;
    const code = currentTotp(secret, at);
    const step = checkTotp(secret, code, null, at);
    expect(step).toBe(Math.floor(at / 30_000));
    expect(checkTotp(secret, code, step ?? null, at)).toBeUndefined();
    expect(checkTotp(secret, '000000', null, at)).toBe(code === '000000' ? step : undefined);
    expect(checkTotp(secret, 'abcdef', null, at)).toBeUndefined();
  });

  it('is set up, enabled, required at login, stored encrypted, and turned off with a fresh code', async () => {
    const admin = await t.loginAdmin();
    const setup = await admin.request('POST', '/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    const { secret, otpauthUrl } = await setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Jaring:admin\?/);

    const stored = await t.deps.db
      .selectFrom('users')
      .select('totp_secret_enc')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret_enc).toMatch(/^jf1\./);
    expect(stored.totp_secret_enc).not.toContain(secret);

    expect((await admin.request('POST', '/api/auth/totp/enable', { code: '12345' })).status).toBe(400);
    // A code from another step than now would be refused; use the current one.
    const enable = await admin.request('POST', '/api/auth/totp/enable', { code: currentTotp(secret) });
    expect(enable.status).toBe(204);

    const withoutCode = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(withoutCode.status).toBe(401);
    expect((await withoutCode.json()).error.code).toBe('totp_required');

    // The code used to enable is spent: the same step cannot log in again.
    const replay = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD, totp: currentTotp(secret) },
    });
    const nextStep = currentTotp(secret, Date.now() + 30_000);
    if (replay.status === 200) {
      // The clock crossed into the next step between enabling and this login: a fresh code is fine.
      expect(await replay.json()).toHaveProperty('user');
    } else {
      expect((await replay.json()).error.code).toBe('invalid_totp');
      const next = await t.request('POST', '/api/auth/login', {
        body: { username: 'admin', password: ADMIN_PASSWORD, totp: nextStep },
      });
      expect(next.status).toBe(200);
    }

    // Turning it off takes a code too (one not used before: clear the last step to get a fresh one now).
    await t.deps.db
      .updateTable('users')
      .set({ totp_last_step: null })
      .where('username', '=', 'admin')
      .execute();
    expect((await admin.request('POST', '/api/auth/totp/disable', { code: '000000' })).status).toBe(
      currentTotp(secret) === '000000' ? 204 : 400,
    );
    expect(
      (await admin.request('POST', '/api/auth/totp/disable', { code: currentTotp(secret) })).status,
    ).toBe(204);
    const relaxed = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(relaxed.status).toBe(200);

    const actions = await t.deps.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', 'like', 'user.totp%')
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'user.totp_disable',
      'user.totp_enable',
      'user.totp_setup',
    ]);
  });
});
