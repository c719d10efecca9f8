import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/platform/logging.ts';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/app.ts';

// Everything the node logs during these tests, as text.
let logged = '';
const sink = new Writable({
  write(chunk, _enc, done) {
    logged += chunk.toString();
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, createLogger({ logLevel: 'trace' }, sink));
});
afterAll(async () => t?.close());

describe('system routes', () => {
  it('reports health with database status, migration version and node id', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      status: 'ok',
      database: 'ok',
      migrationVersion: expect.any(Number),
      nodeId: t.deps.node.id,
    });
    expect(body.migrationVersion).toBeGreaterThan(0);
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.router.routes.filter(
      (r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs'),
    )) {
      if (route.path === '/api/openapi.json') continue;
      const path = route.path.replaceAll(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('serves the API docs page and its assets locally', async () => {
    const page = await t.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await t.request('GET', '/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await t.request('GET', '/api/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.request('GET', '/api/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const hostile = await t.request('GET', '/api/health', { headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers.get('x-request-id')).not.toContain('<');
  });
});

describe('logs', () => {
  it('carry request ids but never passwords, session cookies, CSRF tokens or API tokens', async () => {
    const admin = await t.loginAdmin();
    const created = await admin.request('POST', '/api/tokens', { name: 'log test', scopes: ['accounts.*'] });
    expect(created.status).toBe(201);
    const { secret } = await created.json();
    await t.request('GET', '/api/users', { headers: { authorization: `Bearer ${secret}` } });
    await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'wrong password 123' },
    });
    await admin.request('POST', '/api/users', {
      username: 'logged_user',
      displayName: 'Nguyễn Văn A',
      agencyId: (await t.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id,
      roles: ['caseworker'],
      password: 'another secret password',
    });

    expect(logged).toContain('"requestId"');
    for (const secretText of [
      ADMIN_PASSWORD,
      'wrong password 123',
      'another secret password',
      'Nguyễn Văn A',
      admin.cookie.split('=')[1] ?? 'missing',
      admin.csrfToken,
      secret,
    ]) {
      expect(logged).not.toContain(secretText);
    }
  });
});
