import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { errorSchema } from '../http/fields.ts';
import { createdToken, tokenList } from './schema.ts';

let t: TestApp;
let admin: TestClient;
let analyst: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAdmin();
  analyst = await t.loginAs(['analyst']);
});
afterAll(async () => t?.close());

async function parse<S extends z.ZodType>(res: Response, schema: S, status = 200): Promise<z.infer<S>> {
  const raw: unknown = await res.json();
  expect(res.status, JSON.stringify(raw)).toBe(status);
  return schema.parse(raw);
}

async function refusal(res: Response, status: number) {
  const { error } = await parse(res, errorSchema, status);
  return { code: error.code, message: error.message, paths: (error.fields ?? []).map((f) => f.path) };
}

async function mint(client: TestClient, body: Record<string, unknown>) {
  return parse(await client.request('POST', '/api/tokens', { name: 'script', ...body }), createdToken, 201);
}

/** A request authenticated only by the bearer token (no cookie, no CSRF header). */
function withToken(secret: string, method: string, path: string, body?: unknown) {
  return t.request(method, path, { body, headers: { authorization: `Bearer ${secret}` } });
}

async function auditCount(action: string, recordId: string): Promise<number> {
  const rows = await t.deps.db
    .selectFrom('audit_entries')
    .select('id')
    .where('action', '=', action)
    .where('record_id', '=', recordId)
    .execute();
  return rows.length;
}

describe('API tokens', () => {
  it('returns the secret once and stores only its hash', async () => {
    const { token, secret } = await mint(analyst, { scopes: ['accounts.tokens.list'] });
    expect(secret).toMatch(/^jrt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      userId: analyst.userId,
      name: 'script',
      prefix: secret.slice(0, 12),
      revokedAt: null,
    });
    const row = await t.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash.equals(createHash('sha256').update(secret).digest())).toBe(true);
    const stored = JSON.stringify(await t.deps.db.selectFrom('api_tokens').selectAll().execute());
    expect(stored).not.toContain(secret.slice(12));
    const listed = JSON.stringify(await (await analyst.request('GET', '/api/tokens')).json());
    expect(listed).not.toContain(secret.slice(12));
    expect(await auditCount('token.create', token.id)).toBe(1);
  });

  it('authenticates within its scopes and is refused outside them', async () => {
    const { secret } = await mint(analyst, { scopes: ['accounts.tokens.list'] });
    const { tokens } = await parse(await withToken(secret, 'GET', '/api/tokens'), tokenList);
    expect(tokens.every((tk) => tk.userId === analyst.userId)).toBe(true);
    expect((await refusal(await withToken(secret, 'GET', '/api/agencies'), 403)).code).toBe('forbidden');
    expect((await refusal(await withToken(secret, 'GET', '/api/auth/me'), 403)).code).toBe('forbidden');
  });

  it('limits an administrator token to its scopes, with module wildcards', async () => {
    const { secret } = await mint(admin, { scopes: ['accounts.users.*', 'accounts.agencies.list'] });
    expect((await withToken(secret, 'GET', '/api/users')).status).toBe(200);
    expect((await withToken(secret, 'GET', '/api/agencies')).status).toBe(200);
    const write = await withToken(secret, 'POST', '/api/agencies', {
      name: 'Via token',
      orgType: 'NGO',
      country: 'TH',
    });
    expect((await refusal(write, 403)).code).toBe('forbidden');
    const wild = await mint(admin, { scopes: ['accounts.*'] });
    const created = await withToken(wild.secret, 'POST', '/api/agencies', {
      name: 'Via token',
      orgType: 'NGO',
      country: 'TH',
    });
    expect(created.status).toBe(201);
  });

  it('still needs the role: a scope does not grant what the user may not do', async () => {
    const { secret } = await mint(analyst, { scopes: ['accounts.*'] });
    expect((await refusal(await withToken(secret, 'GET', '/api/users'), 403)).code).toBe('forbidden');
  });

  it('cannot mint a token with scopes it does not hold', async () => {
    const { secret } = await mint(admin, { scopes: ['accounts.tokens.create', 'intel.*'] });
    const wider = await withToken(secret, 'POST', '/api/tokens', { name: 'wider', scopes: ['accounts.*'] });
    expect((await refusal(wider, 403)).message).toMatch(/accounts\.\*/);
    const narrower = await withToken(secret, 'POST', '/api/tokens', {
      name: 'narrower',
      scopes: ['intel.entities.read'],
    });
    expect(narrower.status).toBe(201);
  });

  it('refuses a revoked, expired or disabled user token with 401', async () => {
    const revoked = await mint(analyst, { scopes: ['accounts.tokens.list'] });
    expect((await analyst.request('DELETE', `/api/tokens/${revoked.token.id}`)).status).toBe(204);
    expect(await auditCount('token.revoke', revoked.token.id)).toBe(1);
    expect((await withToken(revoked.secret, 'GET', '/api/tokens')).status).toBe(401);

    const expiring = await mint(analyst, {
      scopes: ['accounts.tokens.list'],
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect((await withToken(expiring.secret, 'GET', '/api/tokens')).status).toBe(200);
    await t.deps.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expiring.token.id)
      .execute();
    expect((await withToken(expiring.secret, 'GET', '/api/tokens')).status).toBe(401);

    const user = await t.loginAs(['researcher']);
    const held = await mint(user, { scopes: ['accounts.tokens.list'] });
    expect((await admin.request('PATCH', `/api/users/${user.userId}`, { disabled: true })).status).toBe(200);
    expect((await withToken(held.secret, 'GET', '/api/tokens')).status).toBe(401);
  });

  it('validates name, scopes, expiry and owner with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scopes: [] }, 'scopes'],
      [{ scopes: ['Audit.Read'] }, 'scopes.0'],
      [{ scopes: ['audit.read', 'audit.'] }, 'scopes.1'],
      [{ scopes: ['*'] }, 'scopes.0'],
      [{ scopes: ['audit.read'], expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
      [{ scopes: ['audit.read'], expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ scopes: ['audit.read'], name: '' }, 'name'],
      [{ scopes: ['audit.read'], name: 'nul\u0000' }, 'name'],
      [{ scopes: ['audit.read'], userId: randomUUID() }, 'userId'],
    ];
    const before = await t.deps.db.selectFrom('api_tokens').select('id').execute();
    for (const [body, field] of cases) {
      const res = await admin.request('POST', '/api/tokens', { name: 'x', ...body });
      expect((await refusal(res, 400)).paths, JSON.stringify(body)).toEqual([field]);
    }
    expect(await t.deps.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(before.length);
  });

  it('lets administrators create tokens for others, but nobody else', async () => {
    const { token } = await mint(admin, { scopes: ['accounts.tokens.list'], userId: analyst.userId });
    expect(token.userId).toBe(analyst.userId);
    const res = await analyst.request('POST', '/api/tokens', {
      name: 'x',
      scopes: ['audit.read'],
      userId: admin.userId,
    });
    expect((await refusal(res, 403)).code).toBe('forbidden');
  });

  it('shows administrators every token and others only their own', async () => {
    const mine = await mint(analyst, { scopes: ['accounts.tokens.list'] });
    const theirs = await mint(admin, { scopes: ['accounts.tokens.list'] });
    const all = (await parse(await admin.request('GET', '/api/tokens'), tokenList)).tokens.map((tk) => tk.id);
    expect(all).toEqual(expect.arrayContaining([mine.token.id, theirs.token.id]));
    const own = (await parse(await analyst.request('GET', '/api/tokens'), tokenList)).tokens;
    expect(own.map((tk) => tk.id)).toContain(mine.token.id);
    expect(own.every((tk) => tk.userId === analyst.userId)).toBe(true);
  });

  it('revokes own tokens (administrators: any); others get 404', async () => {
    const theirs = await mint(admin, { scopes: ['accounts.tokens.list'] });
    expect((await refusal(await analyst.request('DELETE', `/api/tokens/${theirs.token.id}`), 404)).code).toBe(
      'not_found',
    );
    expect((await analyst.request('DELETE', `/api/tokens/${randomUUID()}`)).status).toBe(404);
    expect((await withToken(theirs.secret, 'GET', '/api/tokens')).status).toBe(200);

    const mine = await mint(analyst, { scopes: ['accounts.tokens.list'] });
    expect((await admin.request('DELETE', `/api/tokens/${mine.token.id}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/tokens/${mine.token.id}`)).status).toBe(204);
    expect(await auditCount('token.revoke', mine.token.id)).toBe(1);
    const { tokens } = await parse(await analyst.request('GET', '/api/tokens'), tokenList);
    expect(tokens.find((tk) => tk.id === mine.token.id)?.revokedAt).toEqual(expect.any(String));
  });

  it('lets a token revoke itself without a CSRF header', async () => {
    const { token, secret } = await mint(analyst, { scopes: ['accounts.tokens.*'] });
    expect((await withToken(secret, 'DELETE', `/api/tokens/${token.id}`)).status).toBe(204);
    expect((await withToken(secret, 'GET', '/api/tokens')).status).toBe(401);
  });
});
